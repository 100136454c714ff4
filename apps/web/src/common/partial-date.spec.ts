import { parsePartialDate } from './partial-date';

describe('parsePartialDate', () => {
  it('reads a year, a month or a day, and says which', () => {
    expect(parsePartialDate('2023')).toEqual({ date: '2023-01-01', precision: 'year' });
    expect(parsePartialDate(' 2023-11 ')).toEqual({ date: '2023-11-01', precision: 'month' });
    expect(parsePartialDate('2023-11-17')).toEqual({ date: '2023-11-17', precision: 'day' });
  });

  it('refuses what is not a date', () => {
    for (const text of ['23', '2023-13', '2023-02-30', 'November 2023', '']) expect(parsePartialDate(text)).toBeNull();
  });
});
