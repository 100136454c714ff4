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
        astTransformers: {
          before: [{ path: '@nestjs/swagger/plugin', options: { classValidatorShim: true, introspectComments: true } }],
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
  coverageDirectory: '../../coverage/apps/api',
};
