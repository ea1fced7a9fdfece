const { rmSync } = require('node:fs');

module.exports = async function globalTeardown() {
  const state = globalThis.__TDKT_TEST_CLUSTER__;
  if (!state) return;
  await state.cluster.stop();
  rmSync(state.dir, { recursive: true, force: true });
};
