// Writes Jest's aggregated counts to $TDKT_TEST_RESULTS (when set) for .ci/run's closing line.
// (Jest's own --outputFile was seen not to be written on multi-worker runs here.)
const { writeFileSync } = require('node:fs');

class ResultsFileReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.TDKT_TEST_RESULTS;
    if (!file) return;
    writeFileSync(
      file,
      JSON.stringify({
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
        total: results.numTotalTests,
      }),
    );
  }
}
module.exports = ResultsFileReporter;
