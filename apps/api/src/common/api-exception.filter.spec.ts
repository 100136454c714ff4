import { describeDatabaseError, isDatabaseUnavailable } from './api-exception.filter';

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

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }],
    ['a server shutting down', { code: '57P01', message: 'terminating connection due to administrator command' }],
    ['a statement timeout', { code: '57014', message: 'canceling statement due to statement timeout' }],
    ['a lock timeout', { code: '55P03', message: 'canceling statement due to lock timeout' }],
    ['a full pool', { message: 'timeout exceeded when trying to connect' }],
    ['a connection lost mid-transaction', { name: 'QueryRunnerAlreadyReleasedError', message: 'Query runner already released.' }],
  ])('says the database cannot answer now on %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('leaves a bug a bug', () => {
    expect(isDatabaseUnavailable({ name: 'TypeError', message: "Cannot read properties of undefined (reading 'id')" })).toBe(false);
    expect(isDatabaseUnavailable({ code: '42703', message: 'column "x" does not exist' })).toBe(false);
  });
});
