const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

module.exports = {
  output: { path: join(__dirname, '../../dist/apps/api') },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      sourceMap: true,
      // Fills the OpenAPI schema of every DTO from its TypeScript types and class-validator rules.
      transformers: [{ name: '@nestjs/swagger/plugin', options: { classValidatorShim: true, introspectComments: true } }],
    }),
  ],
};
