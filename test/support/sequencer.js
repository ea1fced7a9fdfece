// The order Jest starts test files in: the longest first, so that no worker is left running one long
// file at the end while the others idle (on 2 cores that tail cost tens of seconds). Jest's own order
// uses the last run's times from its cache, which a clean clone (CI) does not have, and then falls back
// to file size, which put the soak test (a small file with a fixed minute of load) last. So: the last
// run's time when Jest has it, else the time listed below (seconds, measured on CI's 2 cores; update
// it when a file becomes one of the slowest), else an estimate from the file's size.
const Sequencer = require('@jest/test-sequencer').default;
const path = require('node:path');

const KNOWN_SECONDS = {
  'test/platform/soak.test.ts': 75,
  'test/dashboard/browser.test.ts': 72,
  'test/platform/bench.test.ts': 59,
  'test/dashboard/walk.test.ts': 51,
  'test/security/authorization-matrix.test.ts': 50,
  'test/platform/seed-scale.test.ts': 38,
  'test/platform/start.test.ts': 29,
  'test/platform/supervision.test.ts': 26,
  'test/platform/node-versions.test.ts': 22,
  'test/security/hostile-corpus.test.ts': 20,
  'test/platform/data-dir-lock.test.ts': 18,
  'test/platform/backup.test.ts': 16,
  'test/platform/write-deadline.test.ts': 16,
  'test/security/gateway-connections.test.ts': 16,
  'test/campaigns/bloc-summaries.test.ts': 16,
};

/** Bytes of test source per second of run time, roughly, for a file Jest has no time for yet. */
const BYTES_PER_SECOND = 1500;

class LongestFirstSequencer extends Sequencer {
  sort(tests) {
    const estimate = (test) => {
      if (test.estimate !== undefined) return test.estimate;
      const cached = this.time(test);
      const known = KNOWN_SECONDS[path.relative(test.context.config.rootDir, test.path).split(path.sep).join('/')];
      const size = test.context.hasteFS.getSize(test.path) ?? 0;
      test.estimate = cached != null ? cached / 1000 : (known ?? size / BYTES_PER_SECOND);
      return test.estimate;
    };
    return [...tests].sort((a, b) => {
      const failedA = this.hasFailed(a);
      if (failedA !== this.hasFailed(b)) return failedA ? -1 : 1;
      return estimate(b) - estimate(a);
    });
  }
}
module.exports = LongestFirstSequencer;
