import { downloadCSV, type Exporter } from 'react-admin';
import { toCsv } from './csv';

/** Downloads rows as `<name>.csv`, with no cell a spreadsheet would run (see toCsv). */
export async function downloadCsv(rows: object[], name: string): Promise<void> {
  downloadCSV(await toCsv(rows), name);
}

/** The lists' exporter: the records as the API gives them, named after the resource. */
export const csvExporter: Exporter = (records, _fetchRelatedRecords, _dataProvider, resource) =>
  downloadCsv(records, resource ?? 'export');
