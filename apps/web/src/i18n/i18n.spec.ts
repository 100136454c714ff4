import { en } from './en';
import { fr } from './fr';

/** Every message path of a language, e.g. "resources.moves.fields.personId". */
function paths(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? paths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('the translations', () => {
  it('say in French everything they say in English, and the reverse', () => {
    expect(paths(fr).sort()).toEqual(paths(en).sort());
  });
});
