#!/usr/bin/env node
// `npm test`: lint, type-check, build and test every project through Nx, and run the API's
// reliability suite (`npm run test:reliability`), then print one total line,
// "N passed, N failed", summed from what each jest run wrote to tmp/test-results (see jest.preset.js).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const results = join(import.meta.dirname, '..', 'tmp', 'test-results');
rmSync(results, { recursive: true, force: true });

const nx = spawnSync(
  join(import.meta.dirname, '..', 'node_modules', '.bin', 'nx'),
  ['run-many', '-t', 'lint', 'typecheck', 'build', 'test', 'reliability', '--outputStyle=static', ...process.argv.slice(2)],
  { stdio: 'inherit', env: { NX_DAEMON: 'false', ...process.env } },
);

let passed = 0;
let failed = 0;
for (const file of existsSync(results) ? readdirSync(results) : []) {
  const counts = JSON.parse(readFileSync(join(results, file), 'utf8'));
  passed += counts.passed;
  failed += counts.failed;
}
// A failed lint, type-check or build counts as one failure, so the total never reads green then.
if (nx.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(nx.status ?? 1);
