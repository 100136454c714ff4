import { describeDatabaseError } from './api-exception.filter';

describe('describeDatabaseError', () => {
  it('turns a unique violation into a 409 on the camel-cased field', () => {
    expect(describeDatabaseError({ code: '23505', detail: 'Key (ror_id)=(02kvxyf05) already exists.' })).toEqual({
      statusCode: 409,
      message: 'Another record already has this rorId (02kvxyf05)',
      errors: { rorId: 'is already used by another record' },
    });
  });

  it('turns a reference to nothing into a 400 on the field', () => {
    const body = describeDatabaseError({
      code: '23503',
      detail: 'Key (person_id)=(0b7c…) is not present in table "people".',
    });
    expect(body).toMatchObject({ statusCode: 400, errors: { personId: 'no record in people has this id' } });
  });

  it('turns a delete that others still point to into a 409 naming them', () => {
    const body = describeDatabaseError({ code: '23001', detail: 'Key (id)=(0b7c…) is referenced from table "moves".' });
    expect(body).toMatchObject({ statusCode: 409, message: expect.stringMatching(/still referenced from moves/) });
  });

  it('leaves errors it does not know for a 500', () => {
    expect(describeDatabaseError({ code: '53300' })).toBeUndefined();
  });
});
