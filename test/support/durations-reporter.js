// With TDKT_RECORD_DURATIONS=1, writes each test file's run time (ms) into test-durations.json, which
// the sequencer (sequencer.js) reads on a checkout without Jest's cache. Files not run this time keep
// their old entry; files that no longer exist are dropped. Times are rounded to a tenth of a second,
// so a refresh changes only what really moved.
const path = require('node:path');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { DURATIONS_FILE } = require('./sequencer');

class DurationsReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    if (!process.env.TDKT_RECORD_DURATIONS) return;
    let durations = {};
    try {
      durations = JSON.parse(readFileSync(DURATIONS_FILE, 'utf8'));
    } catch {
      // first recording
    }
    for (const result of results.testResults) {
      if (result.skipped || result.testExecError) continue;
      const relative = path.relative(this.rootDir, result.testFilePath).split(path.sep).join('/');
      const runtime = result.perfStats.runtime ?? result.perfStats.end - result.perfStats.start;
      durations[relative] = Math.round(runtime / 100) * 100;
    }
    const kept = Object.entries(durations)
      .filter(([file]) => existsSync(path.join(this.rootDir, file)))
      .sort(([a], [b]) => (a < b ? -1 : 1));
    writeFileSync(DURATIONS_FILE, `${JSON.stringify(Object.fromEntries(kept), null, 2)}\n`);
  }
}
module.exports = DurationsReporter;
