import { canonicalSourceUrl } from './source-url';

describe('canonicalSourceUrl', () => {
  it('writes addresses that differ only by host case or a trailing slash the same way', () => {
    const same = ['https://www.lemonde.fr/tech/kyutai', 'HTTPS://WWW.LeMonde.fr/tech/kyutai/', 'https://www.lemonde.fr:443/tech/kyutai//'];
    expect(new Set(same.map(canonicalSourceUrl))).toEqual(new Set(['https://www.lemonde.fr/tech/kyutai']));
    expect(canonicalSourceUrl('https://kyutai.org')).toBe(canonicalSourceUrl('https://Kyutai.org/'));
  });

  it('keeps the path’s case and the query, which name different documents', () => {
    expect(canonicalSourceUrl('https://example.org/A?id=1')).toBe('https://example.org/A?id=1');
    expect(canonicalSourceUrl('https://example.org/a')).not.toBe(canonicalSourceUrl('https://example.org/A'));
  });

  it('leaves what is not a URL for the validator to refuse', () => {
    expect(canonicalSourceUrl('not a url')).toBe('not a url');
    expect(canonicalSourceUrl(42)).toBe(42);
  });
});
