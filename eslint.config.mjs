import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/out-tsc', '**/vite.config.*.timestamp*', 'tmp/**', '.data/**'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
    // Each project's eslint.config.mjs extends this file, and the test runs' global setups start a
    // throw-away PostgreSQL from tools/postgres: tooling, not dependencies between projects.
    ignores: ['**/eslint.config.mjs', '**/test/global-setup.mjs', '**/support/global-setup.mjs'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The web app and the API never import each other; both may use the shared types.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'react', 'react-*', 'react-admin'],
            },
            { sourceTag: 'type:types', onlyDependOnLibsWithTags: ['type:types'] },
          ],
        },
      ],
    },
  },
];
