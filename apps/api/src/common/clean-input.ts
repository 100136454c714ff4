import { invalid } from './api-errors';

/** How deep a JSON body or filter may nest: the API's own shapes go two levels down. */
export const MAX_INPUT_DEPTH = 16;

/**
 * Throws a 400 naming the first place in `value` that holds what no field may: a NUL character
 * (PostgreSQL refuses it in text), a lone UTF-16 surrogate (not a character; the e-mail check
 * throws on it), or nesting deeper than MAX_INPUT_DEPTH (the validators recurse). Keys are checked
 * as values are. Iterative, so that the check itself cannot overflow the stack.
 */
export function assertCleanInput(value: unknown, path: string): void {
  const stack: [unknown, string, number][] = [[value, path, 0]];
  while (stack.length > 0) {
    const [item, at, depth] = stack.pop() as [unknown, string, number];
    const where = at || 'body';
    if (typeof item === 'string') {
      if (item.includes('\u0000')) throw invalid({ [where]: 'must not contain a NUL character' });
      if (!item.isWellFormed()) throw invalid({ [where]: 'must be well-formed Unicode text (a lone surrogate was sent)' });
    } else if (typeof item === 'object' && item !== null) {
      if (depth >= MAX_INPUT_DEPTH) throw invalid({ [where]: `nests deeper than ${MAX_INPUT_DEPTH} levels` });
      for (const [key, child] of Object.entries(item)) {
        if (key.includes('\u0000') || !key.isWellFormed()) throw invalid({ [where]: 'has a field name that is not clean text' });
        stack.push([child, at ? `${at}.${key}` : key, depth + 1]);
      }
    }
  }
}
