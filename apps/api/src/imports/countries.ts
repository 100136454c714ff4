import { isISO31661Alpha2 } from 'class-validator';
import { normalized } from './names';

/** Every ISO 3166-1 alpha-2 code, as the API's validation knows them. */
const CODES = Array.from({ length: 26 * 26 }, (_, i) => String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26))).filter((code) =>
  isISO31661Alpha2(code),
);

/** Names people write that are not the code's English or French name. */
const OTHER_NAMES: Record<string, string> = {
  uk: 'GB',
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  usa: 'US',
  'united states of america': 'US',
  america: 'US',
  'etats unis': 'US',
  'etats unis d amerique': 'US',
  'south korea': 'KR',
  'coree du sud': 'KR',
  russia: 'RU',
  holland: 'NL',
};

const key = (name: string) => normalized(name).replace(/[-'’.]+/g, ' ').replace(/\s+/g, ' ').trim();

const BY_NAME = new Map<string, string>([
  ...CODES.flatMap((code) =>
    ['en', 'fr'].map((language) => [key(new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code), code] as [string, string]),
  ),
  ...Object.entries(OTHER_NAMES),
]);

/** `FR`, `fr`, `France`, `United Kingdom`, `uk`, `Royaume-Uni` → the ISO 3166-1 alpha-2 code; null if none. */
export function countryCode(value: string): string | null {
  const trimmed = value.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && trimmed.toLowerCase() !== 'uk') {
    const code = trimmed.toUpperCase();
    return CODES.includes(code) ? code : null;
  }
  return BY_NAME.get(key(trimmed)) ?? null;
}
