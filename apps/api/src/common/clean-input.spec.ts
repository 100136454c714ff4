import { assertCleanInput, MAX_INPUT_DEPTH } from './clean-input';

const refusal = (value: unknown, path = '') => {
  try {
    assertCleanInput(value, path);
    return undefined;
  } catch (error) {
    return (error as { getResponse(): { errors: Record<string, string> } }).getResponse().errors;
  }
};

describe('assertCleanInput', () => {
  it('takes what the API’s own shapes look like', () => {
    expect(refusal({ name: 'Hervé Jégou', aliases: ['FAIR', 'Meta AI'], fields: [], count: 3, note: null })).toBeUndefined();
    expect(refusal('😀 emoji are whole characters')).toBeUndefined();
  });

  it('names where a NUL or a lone surrogate is', () => {
    expect(refusal({ person: { name: 'a\u0000b' } })).toEqual({ 'person.name': 'must not contain a NUL character' });
    expect(refusal({ aliases: ['ok', 'x\ud800'] }, 'filter')).toEqual({ 'filter.aliases.1': expect.stringMatching(/lone surrogate/) });
    expect(refusal('\u0000')).toEqual({ body: 'must not contain a NUL character' });
    expect(refusal({ ['bad\u0000key']: 1 })).toEqual({ body: 'has a field name that is not clean text' });
  });

  it('refuses nesting past the limit without overflowing the stack itself', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(refusal({ fields: deep })).toEqual({ [`fields${'.0'.repeat(MAX_INPUT_DEPTH - 1)}`]: `nests deeper than ${MAX_INPUT_DEPTH} levels` });
    let fine: unknown = 'leaf';
    for (let i = 0; i < MAX_INPUT_DEPTH; i++) fine = [fine];
    expect(refusal(fine)).toBeUndefined();
  });
});
