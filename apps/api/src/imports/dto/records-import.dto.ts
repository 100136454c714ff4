import { RECORD_COLUMNS } from '@talentflow/domain';
import { ColumnsField, SpreadsheetImportDto } from './file-import.dto';

/**
 * `POST /api/imports/{kind}` for organizations, people, sources, headcount-targets and
 * headcount-observations, as multipart/form-data: a CSV or XLSX file (at most 50 MB) and these fields.
 * The columns a kind holds are checked when the file is read.
 */
export class RecordsImportDto extends SpreadsheetImportDto {
  @ColumnsField(
    [...new Set(Object.values(RECORD_COLUMNS).flat())],
    Object.entries(RECORD_COLUMNS)
      .map(([kind, columns]) => `${kind}: ${columns.join(', ')}`)
      .join('; '),
  )
  columns?: Record<string, string>;
}
