/**
 * One address, one source: the URL as the WHATWG parser writes it (scheme and host in lower case,
 * a default port dropped) and without a trailing slash on its path, so that `HTTPS://Example.org/a/`
 * and `https://example.org/a` are the same source. Not a URL: left as it is, for the validator.
 */
export function canonicalSourceUrl(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    const url = new URL(value.trim());
    url.pathname = url.pathname.replace(/\/+$/, '');
    return url.href;
  } catch {
    return value;
  }
}
