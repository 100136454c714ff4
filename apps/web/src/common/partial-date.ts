import { isIsoCalendarDate } from '@talentflow/domain';

interface PartialDate {
  date: string;
  precision: 'day' | 'month' | 'year';
}

/** "2023" → 2023-01-01 (year), "2023-11" → 2023-11-01 (month), "2023-11-17" → day; else null. */
export function parsePartialDate(text: string): PartialDate | null {
  const value = text.trim();
  if (/^\d{4}$/.test(value)) return { date: `${value}-01-01`, precision: 'year' };
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return { date: `${value}-01`, precision: 'month' };
  if (isIsoCalendarDate(value)) return { date: value, precision: 'day' };
  return null;
}
