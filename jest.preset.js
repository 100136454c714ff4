const path = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // Every project's results also go to tmp/test-results, so `npm test` can print one total.
  reporters: ['default', path.join(__dirname, 'tools/jest/results-reporter.cjs')],
};
