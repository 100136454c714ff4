import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, IsUUID } from 'class-validator';
import { IsRecordOf } from '../../common/validators';

/** A multipart field holding JSON: parsed, or left as the string so that validation names the field. */
export const json = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

/** What every import's multipart form holds: the file, whether to preview only, and a key to follow it by. */
export class FileImportDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The file to import' })
  @IsOptional()
  file?: unknown;

  @ApiPropertyOptional({ description: 'true: preview only, nothing is written' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;

  @ApiPropertyOptional({ description: 'A UUID the client makes up, to follow the import at GET /api/imports/progress/{key} while it runs' })
  @IsOptional()
  @IsUUID('all', { message: 'progress must be a UUID' })
  progress?: string;
}

/** A spreadsheet's form: besides the file, the answers to what its preview asked. */
export class SpreadsheetImportDto extends FileImportDto {
  @ApiPropertyOptional({ description: 'JSON: "organization:<name as in the file>" or "person:<name>" → the id of the record it is, or "new"' })
  @IsOptional()
  @Transform(json)
  @IsObject({ message: 'matches must be a JSON object' })
  @IsRecordOf(/^(new|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/, { message: 'matches must map each key to a record id or "new"' })
  matches?: Record<string, string>;
}

/** The `columns` field of a spreadsheet's form (JSON: header → one of `columns`, or "ignore"). */
export const ColumnsField = (columns: readonly string[], described = columns.join(', ')) =>
  applyDecorators(
    ApiPropertyOptional({ description: `JSON: a header of the file → the column it holds (${described}) or "ignore"` }),
    IsOptional(),
    Transform(json),
    IsObject({ message: 'columns must be a JSON object of header → column' }),
    IsRecordOf([...columns, 'ignore'], { message: `columns must map headers to one of ${columns.join(', ')} or ignore` }),
  );
