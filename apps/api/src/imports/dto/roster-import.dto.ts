import { ROSTER_COLUMNS } from '@talentflow/domain';
import { ColumnsField, SpreadsheetImportDto } from './file-import.dto';

/** `POST /api/imports/roster`, as multipart/form-data: a CSV or XLSX lab roster (at most 50 MB) and these fields. */
export class RosterImportDto extends SpreadsheetImportDto {
  @ColumnsField(ROSTER_COLUMNS)
  columns?: Record<string, string>;
}
