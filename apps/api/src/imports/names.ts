/** A name as imports compare it: accents, case and runs of spaces aside ("Hervé  JÉGOU" = "herve jegou"). */
export const normalized = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
