import { ApiPropertyOptional } from '@nestjs/swagger';
import { RECORD_COLUMNS } from '@talentflow/domain';
import { Transform } from 'class-transformer';
import { IsObject, IsOptional } from 'class-validator';
import { IsRecordOf } from '../../common/validators';
import { FileImportDto, json } from './file-import.dto';

const COLUMNS = [...new Set(Object.values(RECORD_COLUMNS).flat())];

/**
 * `POST /api/imports/{kind}` for organizations, people, sources, headcount-targets and
 * headcount-observations, as multipart/form-data: a CSV or XLSX file (at most 50 MB) and these fields.
 */
export class RecordsImportDto extends FileImportDto {
  @ApiPropertyOptional({
    description: `JSON: a header of the file → the column it holds, or "ignore". Columns by kind: ${Object.entries(RECORD_COLUMNS)
      .map(([kind, columns]) => `${kind}: ${columns.join(', ')}`)
      .join('; ')}`,
  })
  @IsOptional()
  @Transform(json)
  @IsObject({ message: 'columns must be a JSON object of header → column' })
  @IsRecordOf([...COLUMNS, 'ignore'], { message: 'columns must map headers to a column of the kind imported or to ignore' })
  columns?: Record<string, string>;

  @ApiPropertyOptional({ description: 'JSON: "organization:<name as in the file>" or "person:<name>" → the id of the record it is, or "new"' })
  @IsOptional()
  @Transform(json)
  @IsObject({ message: 'matches must be a JSON object' })
  @IsRecordOf(/^(new|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/, { message: 'matches must map each key to a record id or "new"' })
  matches?: Record<string, string>;
}
