export default {
  displayName: 'web',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: { ignoreCodes: [151002] } }],
  },
  // The translation packages ship ES modules; ts-jest compiles them too.
  transformIgnorePatterns: ['/node_modules/(?!(ra-language-english|ra-language-french)/)'],
  moduleFileExtensions: ['ts', 'js'],
};
