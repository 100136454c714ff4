import { asSpreadsheetText, toCsv } from './csv';

describe('CSV exports', () => {
  it('writes a cell a spreadsheet would run as a formula as text', async () => {
    const csv = await toCsv([
      { name: '=HYPERLINK("http://evil.example","x")', role: '+1+cmd', notes: '-2', aliases: ['@SUM(A1)', 'FAIR'], count: -3 },
    ]);
    const [, row] = csv.split('\n');
    expect(row).toContain(`'=HYPERLINK`);
    expect(row).toContain(`'+1+cmd`);
    expect(row).toContain(`'-2`);
    expect(row).toContain(`'@SUM(A1)`);
    // Numbers stay numbers; ordinary text stays as it is.
    expect(row).toMatch(/,-3$/);
    expect(row).toContain('FAIR');
  });

  it('leaves ordinary text alone', () => {
    expect(asSpreadsheetText('Hervé Jégou')).toBe('Hervé Jégou');
    expect(asSpreadsheetText('2023-11-17')).toBe('2023-11-17');
    expect(asSpreadsheetText('\tcmd')).toBe(`'\tcmd`);
  });
});
