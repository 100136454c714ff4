import { countryCode } from './countries';

describe('countryCode', () => {
  it.each([
    ['uk', 'GB'],
    ['UK', 'GB'],
    ['United Kingdom', 'GB'],
    ['GB', 'GB'],
    ['gb', 'GB'],
    ['Royaume-Uni', 'GB'],
    [' France ', 'FR'],
    ['fr', 'FR'],
    ['Allemagne', 'DE'],
    ['USA', 'US'],
    ['États-Unis', 'US'],
    ['United States', 'US'],
    ["Côte d'Ivoire", 'CI'],
  ])('reads %s as %s', (value, code) => expect(countryCode(value)).toBe(code));

  it.each(['Nowhere', 'EU', 'ZZ', ''])('finds no country in "%s"', (value) => expect(countryCode(value)).toBeNull());
});
