// One throwaway PostgreSQL cluster for the whole test run (real Postgres, embedded from npm), or the
// server named by TEST_DATABASE_URL. Each test file creates its own databases in it, copied from this
// run's templates (databases.ts), whose names carry the run id set here.
const { randomBytes } = require('node:crypto');
const { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const net = require('node:net');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * This cluster lives in a temporary directory for one run and is deleted after it, so nothing in it has
 * to survive a crash of the machine: no fsync at each commit (a few ms each on a virtual disk, paid
 * thousands of times in a run and again by every CREATE DATABASE … TEMPLATE), no full-page images in
 * the WAL. A crash of PostgreSQL alone still loses no acknowledged commit (the writes are in the OS's
 * cache), and tests that restart a database under load use their own cluster (pg-cluster.js), with
 * the settings `npm start` uses. A server given with TEST_DATABASE_URL is never changed.
 */
async function skipDiskFlushes(adminUrl) {
  const pg = require('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`ALTER SYSTEM SET fsync = off`);
    await client.query(`ALTER SYSTEM SET full_page_writes = off`);
    await client.query(`SELECT pg_reload_conf()`);
  } finally {
    await client.end();
  }
}

/**
 * A run killed before its global teardown (Ctrl-C twice, a CI timeout, a full disk) leaves its cluster
 * in the temporary directory, 1–2 GB after a whole run (every file's databases): enough of them filled
 * this machine's disk. Each run removes those of earlier runs whose server is gone. A cluster younger
 * than an hour is left alone (another run may be creating it), and so is one whose postmaster lives.
 */
function removeAbandonedClusters() {
  const root = tmpdir();
  for (const name of readdirSync(root)) {
    if (!name.startsWith('tdkt-test-pg-')) continue;
    const dir = path.join(root, name);
    try {
      if (Date.now() - statSync(dir).mtimeMs < 60 * 60 * 1000) continue;
      const pidFile = path.join(dir, 'pg', 'postmaster.pid');
      if (existsSync(pidFile)) {
        const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
        try {
          process.kill(pid, 0);
          continue; // still running
        } catch {
          // gone: the cluster is abandoned
        }
      }
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // removed meanwhile, or not ours to read
    }
  }
}

module.exports = async function globalSetup() {
  process.env.NODE_ENV = 'test';
  process.env.TDKT_TEST_RUN_ID = randomBytes(4).toString('hex');
  if (process.env.TEST_DATABASE_URL) {
    process.env.TDKT_TEST_ADMIN_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  const { startEmbeddedPostgres } = require('@tdkt/embedded-db');
  removeAbandonedClusters();
  const dir = mkdtempSync(path.join(tmpdir(), 'tdkt-test-pg-'));
  chmodSync(dir, 0o755); // when run as root, Postgres runs as the postgres user and must reach the cluster
  const started = Date.now();
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort() });
  globalThis.__TDKT_TEST_CLUSTER__ = { cluster, dir };
  process.env.TDKT_TEST_ADMIN_URL = cluster.adminUrl;
  await skipDiskFlushes(cluster.adminUrl);
  process.stdout.write(`\nembedded PostgreSQL for tests on port ${cluster.port} (${Date.now() - started} ms)\n`);
};
