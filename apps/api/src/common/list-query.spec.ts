import { ListSpec, parseListQuery } from './list-query';

const spec: ListSpec = {
  sortable: { name: 'people.name', createdAt: 'people.createdAt' },
  defaultSort: ['name', 'ASC'],
  filters: { q: () => undefined },
};

describe('parseListQuery', () => {
  it('reads react-admin’s sort, range and filter', () => {
    expect(parseListQuery({ sort: '["createdAt","desc"]', range: '[25,49]', filter: '{"q":"jegou"}' }, spec)).toEqual({
      sort: ['createdAt', 'DESC'],
      start: 25,
      end: 49,
      filter: { q: 'jegou' },
    });
  });

  it('falls back to the resource’s default sort and the first 25 rows', () => {
    expect(parseListQuery({}, spec)).toEqual({ sort: ['name', 'ASC'], start: 0, end: 24, filter: {} });
  });

  it('spans every id asked for when no range is given (react-admin’s getMany), up to 1000', () => {
    const ids = Array.from({ length: 60 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(parseListQuery({ filter: JSON.stringify({ id: ids }) }, spec)).toMatchObject({ start: 0, end: 59 });
    expect(parseListQuery({ filter: JSON.stringify({ id: ids }), range: '[0,9]' }, spec)).toMatchObject({ start: 0, end: 9 });
    const tooMany = Array.from({ length: 1001 }, () => ids[0]);
    expect(() => parseListQuery({ filter: JSON.stringify({ id: tooMany }) }, spec)).toThrow(/at most 1000 ids/);
  });

  it.each([
    ['sort', { sort: '["salary","ASC"]' }, /cannot sort on "salary"; sortable fields: id, name, createdAt/],
    ['sort', { sort: '["name","SIDEWAYS"]' }, /must be \["field", "ASC" or "DESC"\]/],
    ['sort', { sort: 'name' }, /must be valid JSON/],
    ['range', { range: '[10,5]' }, /first <= last/],
    ['range', { range: '[0,5000]' }, /at most 1000 rows/],
    ['range', { range: '[-1,5]' }, /0 <= first/],
    ['filter', { filter: '[1,2]' }, /must be a JSON object/],
    ['filter.salary', { filter: '{"salary":1}' }, /is not a filter here; filters: id, q/],
    ['sort', { sort: '["__proto__","ASC"]' }, /cannot sort on "__proto__"/],
    ['sort', { sort: '["constructor","ASC"]' }, /cannot sort on "constructor"/],
    ['sort', { sort: '["toString","DESC"]' }, /cannot sort on "toString"/],
    ['filter.__proto__', { filter: '{"__proto__":{"q":"x"}}' }, /is not a filter here/],
    ['filter.hasOwnProperty', { filter: '{"hasOwnProperty":"x"}' }, /is not a filter here/],
    ['filter.valueOf', { filter: '{"valueOf":1}' }, /is not a filter here/],
  ])('refuses a bad %s with a message naming it', (field, query, message) => {
    expect.assertions(1);
    try {
      parseListQuery(query, spec);
    } catch (error) {
      expect((error as { getResponse(): { errors: Record<string, string> } }).getResponse().errors[field]).toMatch(message);
    }
  });
});
