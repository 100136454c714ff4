import { isIsoCalendarDate, isValidOrcid, ROR_ID, WIKIDATA_ID } from './identifiers';

describe('isValidOrcid', () => {
  it.each(['0000-0002-1825-0097', '0000-0001-5109-3700', '0000-0002-1694-233X'])(
    'accepts the valid ORCID %s',
    (orcid) => expect(isValidOrcid(orcid)).toBe(true),
  );

  it.each([
    ['a wrong check digit', '0000-0002-1825-0098'],
    ['an X where a digit is due', '0000-0002-1825-009X'],
    ['no dashes', '0000000218250097'],
    ['a URL instead of the iD', 'https://orcid.org/0000-0002-1825-0097'],
  ])('rejects %s', (_case, orcid) => expect(isValidOrcid(orcid)).toBe(false));
});

describe('isIsoCalendarDate', () => {
  it('accepts real days, including 29 February of a leap year', () => {
    expect(isIsoCalendarDate('2023-11-17')).toBe(true);
    expect(isIsoCalendarDate('2024-02-29')).toBe(true);
  });

  it('rejects days that do not exist and other formats', () => {
    expect(isIsoCalendarDate('2023-02-29')).toBe(false);
    expect(isIsoCalendarDate('2023-13-01')).toBe(false);
    expect(isIsoCalendarDate('2023-11')).toBe(false);
    expect(isIsoCalendarDate('17/11/2023')).toBe(false);
  });
});

describe('identifier patterns', () => {
  it('knows Inria’s ROR id and Wikidata ids', () => {
    expect(ROR_ID.test('02kvxyf05')).toBe(true);
    expect(ROR_ID.test('https://ror.org/02kvxyf05')).toBe(false);
    expect(WIKIDATA_ID.test('Q1146208')).toBe(true);
    expect(WIKIDATA_ID.test('Q0')).toBe(false);
  });
});
