// Longest files first, so the two workers finish together. Jest does this by itself from the timings it
// caches after a run, but a clean checkout (CI) has no cache and Jest falls back to file size, which
// says little here (a 300-line file drives 850 cells, a 700-line one is mostly a browser's page
// checks). So a file's time comes from Jest's cache when there is one, else from the committed
// test-durations.json (milliseconds per file, from a full run on two workers; `npm run test:durations`
// refreshes it). A file in neither (a new one) runs first, larger ones before smaller, as Jest does.
const path = require('node:path');
const { readFileSync } = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

const DURATIONS_FILE = path.join(__dirname, 'test-durations.json');

function committedDurations() {
  try {
    return JSON.parse(readFileSync(DURATIONS_FILE, 'utf8'));
  } catch {
    return {};
  }
}

class LongestFirstSequencer extends Sequencer {
  committed = committedDurations();

  time(test) {
    const cached = super.time(test);
    if (cached !== undefined) return cached;
    const relative = path.relative(test.context.config.rootDir, test.path).split(path.sep).join('/');
    return this.committed[relative];
  }
}

module.exports = LongestFirstSequencer;
module.exports.DURATIONS_FILE = DURATIONS_FILE;
