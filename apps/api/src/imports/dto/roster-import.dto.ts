import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsObject, IsOptional } from 'class-validator';
import { IsRecordOf } from '../../common/validators';
import { ROSTER_COLUMNS } from '@talentflow/domain';
import { FileImportDto, json } from './file-import.dto';

/** `POST /api/imports/roster`, as multipart/form-data: a CSV or XLSX lab roster (at most 50 MB) and these fields. */
export class RosterImportDto extends FileImportDto {
  @ApiPropertyOptional({ description: `JSON: a header of the file → the column it holds (${ROSTER_COLUMNS.join(', ')}) or "ignore"` })
  @IsOptional()
  @Transform(json)
  @IsObject({ message: 'columns must be a JSON object of header → column' })
  @IsRecordOf([...ROSTER_COLUMNS, 'ignore'], { message: `columns must map headers to one of ${ROSTER_COLUMNS.join(', ')} or ignore` })
  columns?: Record<string, string>;

  @ApiPropertyOptional({ description: 'JSON: "organization:<name as in the file>" or "person:<name>" → the id of the record it is, or "new" (people)' })
  @IsOptional()
  @Transform(json)
  @IsObject({ message: 'matches must be a JSON object' })
  @IsRecordOf(/^(new|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/, { message: 'matches must map each key to a record id or "new"' })
  matches?: Record<string, string>;
}
