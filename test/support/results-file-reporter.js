// Adds Jest's aggregated counts to $TDKT_TEST_RESULTS (when set) for .ci/run's closing line; the counts
// of several Jest runs into one file add up.
// (Jest's own --outputFile was seen not to be written on multi-worker runs here.)
const { readFileSync, writeFileSync } = require('node:fs');

class ResultsFileReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.TDKT_TEST_RESULTS;
    if (!file) return;
    let before = { passed: 0, failed: 0, skipped: 0, total: 0 };
    try {
      before = { ...before, ...JSON.parse(readFileSync(file, 'utf8')) };
    } catch {
      // first run: empty file
    }
    writeFileSync(
      file,
      JSON.stringify({
        passed: before.passed + results.numPassedTests,
        failed: before.failed + results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: before.skipped + results.numPendingTests + results.numTodoTests,
        total: before.total + results.numTotalTests,
      }),
    );
  }
}
module.exports = ResultsFileReporter;
