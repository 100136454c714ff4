export default {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': [
      'ts-jest',
      {
        tsconfig: '<rootDir>/tsconfig.spec.json',
        // TS151002 only warns that node16 module kind wants isolatedModules; type-checking is what we want.
        diagnostics: { ignoreCodes: [151002] },
        astTransformers: {
          before: ['<rootDir>/test/swagger-transformer.cjs'],
        },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js'],
  // One PostgreSQL for the whole run (embedded, or TEST_DATABASE_URL's server), a fresh database each run.
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  // The suites share one database: run them one after another.
  maxWorkers: 1,
  // Each suite's beforeAll creates a database, runs every migration and hashes three argon2
  // passwords: on two cores shared with the rest of `npm test` (lint, builds) that can pass
  // jest's default 5 s. A limit, not a speed target.
  testTimeout: 30_000,
  coverageDirectory: '../../coverage/apps/api',
};
