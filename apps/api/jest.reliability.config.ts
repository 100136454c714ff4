import base from './jest.config';

/**
 * `npm run test:reliability`: the API under attack, faults and races (test/reliability). The fault
 * tests run the built app (`dist/apps/api/main.js`) as processes of their own, to kill and signal them.
 */
export default {
  ...base,
  displayName: 'api-reliability',
  testMatch: ['<rootDir>/test/reliability/*.reliability-spec.ts'],
  // A bound on a whole fuzz or fault scenario, not a speed target.
  testTimeout: 15 * 60_000,
};
