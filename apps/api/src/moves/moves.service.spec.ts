import { DatePrecision } from '@talentflow/domain';
import { truncateToPrecision } from './moves.service';

describe('truncateToPrecision', () => {
  it('keeps what the precision says is known', () => {
    expect(truncateToPrecision('2023-11-17', DatePrecision.Day)).toBe('2023-11-17');
    expect(truncateToPrecision('2023-11-17', DatePrecision.Month)).toBe('2023-11-01');
    expect(truncateToPrecision('2023-11-17', DatePrecision.Year)).toBe('2023-01-01');
  });
});
