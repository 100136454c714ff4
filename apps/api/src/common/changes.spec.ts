import { changesBetween, snapshot } from './changes';

describe('changesBetween', () => {
  it('names each changed field with its value before and after, and nothing else', () => {
    const before = snapshot({ id: 'a', status: 'announced', role: 'CSO', version: 1, updatedAt: new Date(0) });
    const after = snapshot({ id: 'a', status: 'confirmed', role: 'CSO', version: 2, updatedAt: new Date(1) });
    expect(changesBetween(before, after)).toEqual({ status: { before: 'announced', after: 'confirmed' } });
  });

  it('compares cited sources as sets of ids', () => {
    const before = snapshot({ sourceIds: ['b', 'a'] });
    expect(changesBetween(before, snapshot({ sources: [{ id: 'a' }, { id: 'b' }] }))).toEqual({});
    expect(changesBetween(before, snapshot({ sources: [{ id: 'a' }] }))).toEqual({
      sourceIds: { before: ['a', 'b'], after: ['a'] },
    });
  });

  it('records a creation as every field from null', () => {
    expect(changesBetween({}, { name: 'Kyutai' })).toEqual({ name: { before: null, after: 'Kyutai' } });
  });
});
