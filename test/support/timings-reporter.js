// Writes each test file's wall time (Jest's perfStats) to $TDKT_TEST_TIMINGS as JSON lines, slowest
// first, when set: what CI time is spent on, file by file (`sort`/`jq` it, compare two runs).
const { appendFileSync } = require('node:fs');
const path = require('node:path');

class TimingsReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.TDKT_TEST_TIMINGS;
    if (!file) return;
    const rows = results.testResults
      .map((result) => ({
        file: path.relative(process.cwd(), result.testFilePath),
        seconds: Math.round((result.perfStats.end - result.perfStats.start) / 100) / 10,
        tests: result.numPassingTests + result.numFailingTests,
        failed: result.numFailingTests,
      }))
      .sort((a, b) => b.seconds - a.seconds);
    appendFileSync(file, rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
  }
}
module.exports = TimingsReporter;
