import { MOVE_COLUMNS } from '@talentflow/domain';
import { ColumnsField, SpreadsheetImportDto } from './file-import.dto';

/** `POST /api/imports/moves`, as multipart/form-data: a CSV or XLSX file of moves (at most 50 MB) and these fields. */
export class MovesImportDto extends SpreadsheetImportDto {
  @ColumnsField(MOVE_COLUMNS)
  columns?: Record<string, string>;
}
