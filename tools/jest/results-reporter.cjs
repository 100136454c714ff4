// Writes the counts of one jest run to tmp/test-results/<project>-<target>.json, so that
// tools/run-tests.mjs can print a single "N passed, N failed" line for the whole suite.
const fs = require('node:fs');
const path = require('node:path');

class ResultsReporter {
  onRunComplete(_contexts, results) {
    const dir = path.join(__dirname, '../../tmp/test-results');
    // Per project and target: the api project runs jest twice (test, reliability).
    const project = process.env.NX_TASK_TARGET_PROJECT || path.basename(process.cwd());
    const name = [project, process.env.NX_TASK_TARGET_TARGET].filter(Boolean).join('-');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, `${name}.json`),
      JSON.stringify({
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
      }),
    );
  }
}

module.exports = ResultsReporter;
