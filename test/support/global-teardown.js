const { rmSync } = require('node:fs');
const pg = require('pg');

/** A server given with TEST_DATABASE_URL outlives the run: drop this run's templates (databases.ts) from it. */
async function dropTemplates(adminUrl, runId) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `tpl\\_${runId}\\_%`,
    ]);
    for (const { datname } of rows) {
      await client.query(`ALTER DATABASE "${datname}" IS_TEMPLATE false`);
      await client.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

module.exports = async function globalTeardown() {
  const state = globalThis.__TDKT_TEST_CLUSTER__;
  if (!state) {
    if (process.env.TEST_DATABASE_URL && process.env.TDKT_TEST_RUN_ID)
      await dropTemplates(process.env.TEST_DATABASE_URL, process.env.TDKT_TEST_RUN_ID);
    return;
  }
  await state.cluster.stop();
  rmSync(state.dir, { recursive: true, force: true });
};
