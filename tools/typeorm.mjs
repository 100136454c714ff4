#!/usr/bin/env node
// The TypeORM CLI on the API's data source, run from the TypeScript sources.
//   npm run migration:generate -- AddSomething   (writes apps/api/src/database/migrations/<timestamp>-AddSomething.ts)
//   npm run migration:check                      (fails when the entities and the migrations disagree)
//   npm run migration:run | migration:revert
// Needs DATABASE_URL (a scratch database for generate/check).
import { spawnSync } from 'node:child_process';

const [command, name] = process.argv.slice(2);
const dataSource = 'apps/api/src/database/data-source.ts';
const migrations = 'apps/api/src/database/migrations';
const args = {
  generate: ['migration:generate', `${migrations}/${name}`, '-d', dataSource, '--pretty'],
  check: ['migration:generate', `${migrations}/Check`, '-d', dataSource, '--check', '--dryrun'],
  run: ['migration:run', '-d', dataSource],
  revert: ['migration:revert', '-d', dataSource],
}[command];
if (!args || (command === 'generate' && !name)) {
  console.error('usage: node tools/typeorm.mjs generate <PascalName> | check | run | revert');
  process.exit(2);
}
const result = spawnSync(
  process.execPath,
  ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'node_modules/typeorm/cli.js', ...args],
  { stdio: 'inherit', env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.base.json', TS_NODE_TRANSPILE_ONLY: 'true' } },
);
process.exit(result.status ?? 1);
