import { validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('reads the defaults from an empty environment', () => {
    expect(validateEnvironment({})).toMatchObject({ PORT: 3000, DEMO_DATA: true, SESSION_TTL_HOURS: 12 });
  });

  it('takes an empty variable as unset', () => {
    expect(validateEnvironment({ ADMIN_EMAIL: '', PORT: '' })).toMatchObject({ ADMIN_EMAIL: undefined, PORT: 3000 });
  });

  it('keeps the demo off in production unless asked for', () => {
    expect(validateEnvironment({ NODE_ENV: 'production' }).DEMO_DATA).toBe(false);
    expect(validateEnvironment({ NODE_ENV: 'production', DEMO_DATA: 'true' }).DEMO_DATA).toBe(true);
  });

  it('refuses to start misconfigured, naming the variable', () => {
    expect(() => validateEnvironment({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => validateEnvironment({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
    expect(() => validateEnvironment({ ADMIN_PASSWORD: 'short' })).toThrow(/ADMIN_PASSWORD must have at least 12 characters/);
  });
});
