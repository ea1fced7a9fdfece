/**
 * Backup and restore round trips against the test cluster: data made through the gateway is backed
 * up, changed and deleted, restored, and verified table by table against the backup's manifest; the
 * changed data is gone. Also the DATABASE_URL layout (one database, a schema per subgraph) through the
 * real `db-backup` / `db-restore` scripts, and refusals of missing, corrupted and tampered files.
 * Needs pg_dump/pg_restore/psql of the server's major version (.ci/run installs postgresql-client-15).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  backup,
  openBackup,
  pgDumpInstalled,
  restore,
  tableStats,
  type BackupTarget,
  type Manifest,
} from '@tdkt/scripts';
import { migrate } from '@tdkt/subgraph-kit';
import { createOrganizationsDatabase, seedOrganizations } from '@tdkt/organizations';
import { createCampaignsDatabase, seedCampaigns } from '@tdkt/campaigns';
import { createAwardsDatabase, seedCatalogue } from '@tdkt/awards';
import { contractOperation } from '../support/operations';
import { SUBGRAPH_NAMES, createDatabases, dataOf, dropDatabases, startStack, type Stack } from '../support/stack';
import { freePort, ROOT } from '../support/npm-start';

const TOOLS = pgDumpInstalled();
if (!TOOLS) {
  // Counted as skipped, never as passed. CI installs the tools (.ci/run), so there it always runs.
  console.warn('SKIPPED test/platform/backup.test.ts: pg_dump is not installed (apt-get install postgresql-client-15)');
}
const describeWithTools = TOOLS ? describe : describe.skip;

function urlOf(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function sql(url: string, statement: string, values: unknown[] = []): Promise<any[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(statement, values)).rows;
  } finally {
    await client.end();
  }
}

async function statsOf(targets: BackupTarget[]) {
  return Object.fromEntries(
    await Promise.all(
      targets.map(async (target) => [target.subgraph, await tableStats(target.url, target.schema)] as const),
    ),
  );
}

function manifestStats(manifest: Manifest) {
  return Object.fromEntries(manifest.entries.map((entry) => [entry.subgraph, entry.tables]));
}

const work = mkdtempSync(path.join(tmpdir(), 'tdkt-backup-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describeWithTools('db:backup / db:restore on the per-subgraph databases (embedded layout)', () => {
  const MEMBERS = ['TANDTC', 'VKSNDTC', 'BTP', 'BQLLANG', 'BQP', 'BCA', 'TTCP', 'KTNN'];
  const YEAR = new Date().getFullYear();
  let stack: Stack;
  let targets: BackupTarget[];
  let board: string;
  let file: string;
  let manifest: Manifest;

  beforeAll(async () => {
    stack = await startStack();
    targets = SUBGRAPH_NAMES.map((name, index) => ({
      subgraph: name,
      url: urlOf(stack.adminUrl, stack.databaseNames[index]!),
      schema: name,
    }));
    board = await stack.token('CENTRAL_BOARD');
    const lead = await stack.token('ORG_OFFICER', 'TANDTC');
    dataOf(
      await stack.gql(
        `mutation { createOrganization(input: { code: "BACKED_UP", name: "Đơn vị được sao lưu", kind: OTHER, parentCode: "HN" }) { code } }`,
        {},
        { token: board },
      ),
    );
    dataOf(
      await stack.gql(
        contractOperation('SetBlocMembership'),
        {
          input: {
            blocCode: 'NOI_CHINH_TW',
            year: YEAR,
            members: MEMBERS.map((code, index) => ({ organizationCode: code, role: index === 0 ? 'LEAD' : 'MEMBER' })),
          },
        },
        { token: board },
      ),
    );
    dataOf(
      await stack.gql(
        contractOperation('CreatePledge'),
        {
          input: {
            blocCode: 'NOI_CHINH_TW',
            year: YEAR,
            theme: 'Đoàn kết, sáng tạo',
            items: [{ code: '1', title: 'Hoàn thành nhiệm vụ', maxScore: 100 }],
            bonusCap: 5,
          },
        },
        { token: lead },
      ),
    );
  });
  afterAll(() => stack?.stop());

  it('backs up every subgraph into one file whose manifest matches the databases', async () => {
    const result = await backup({ targets, file: path.join(work, 'stack.tar') });
    file = result.file;
    manifest = result.manifest;
    console.log(
      `backup of the test data: ${result.seconds.toFixed(2)} s, ${(statSync(file).size / 1024).toFixed(0)} KiB`,
    );
    expect(manifest.entries.map((entry) => entry.subgraph)).toEqual(['organizations', 'campaigns', 'awards']);
    expect(manifest.serverVersionNum).toBeGreaterThanOrEqual(150000);
    expect(manifest.entries[0]!.extensions.map((extension) => extension.name)).toEqual(
      expect.arrayContaining(['pg_trgm', 'unaccent']),
    );
    expect(manifest.entries[1]!.tables['campaigns.pledge']!.rows).toBeGreaterThanOrEqual(1);
    expect(manifest.entries[2]!.tables['awards.award_type']!.rows).toBeGreaterThan(50);
    expect(manifest.entries[0]!.tables['organizations.organization']!.md5).toMatch(/^[0-9a-f]{32}$/);
    expect(await statsOf(targets)).toEqual(manifestStats(manifest));
  });

  it('refuses to restore while the subgraphs are connected, unless forced', async () => {
    await expect(restore({ targets, file })).rejects.toThrow(
      /subgraphs are connected to the target: .*tdkt-organizations/,
    );
  });

  it('restores the backup over changed and deleted data, verifies it, and the change is gone', async () => {
    // Changes after the backup: a new unit through the gateway, a rename, a deleted pledge, edited and added award tables.
    dataOf(
      await stack.gql(
        `mutation { createOrganization(input: { code: "AFTER_BACKUP", name: "Đơn vị tạo sau", kind: OTHER, parentCode: "HN" }) { code } }`,
        {},
        { token: board },
      ),
    );
    await sql(targets[0]!.url, `UPDATE organizations.organization SET name = 'Tên đã đổi' WHERE code = 'BACKED_UP'`);
    await sql(targets[1]!.url, `DELETE FROM campaigns.pledge_item; DELETE FROM campaigns.pledge`);
    await sql(targets[2]!.url, `UPDATE awards.award_type SET rank = rank + 1000`);
    await sql(targets[2]!.url, `CREATE TABLE awards.added_after_backup (id int)`);
    const changed = await statsOf(targets);
    expect(changed).not.toEqual(manifestStats(manifest));

    const logged: string[] = [];
    const result = await restore({ targets, file, force: true, log: (line) => logged.push(line) });
    console.log(`restore of the test data (3 databases, verified): ${result.seconds.toFixed(2)} s`);
    expect(logged.some((line) => line.startsWith('warning: The subgraphs are connected'))).toBe(true);
    expect(result.ok).toBe(true);
    expect(result.rows.filter((row) => row.status !== 'ok')).toEqual([]);
    expect(result.rows.length).toBe(manifest.entries.reduce((sum, entry) => sum + Object.keys(entry.tables).length, 0));
    expect(await statsOf(targets)).toEqual(manifestStats(manifest));

    // Through the gateway (the subgraphs kept running): the backup's state, not the later one.
    const read = dataOf(
      await stack.gql(
        `{ kept: organization(code: "BACKED_UP") { name } later: organization(code: "AFTER_BACKUP") { code } }`,
      ),
    );
    expect(read).toEqual({ kept: { name: 'Đơn vị được sao lưu' }, later: null });
    expect(
      await sql(targets[1]!.url, `SELECT count(*)::int AS n FROM campaigns.pledge WHERE theme = 'Đoàn kết, sáng tạo'`),
    ).toEqual([{ n: 1 }]);
    expect(await sql(targets[2]!.url, `SELECT to_regclass('awards.added_after_backup') AS t`)).toEqual([{ t: null }]);
    // The restored database takes writes again (sequences, constraints and indexes are back).
    dataOf(
      await stack.gql(
        `mutation { createOrganization(input: { code: "AFTER_RESTORE", name: "Đơn vị sau khôi phục", kind: OTHER, parentCode: "HN" }) { code } }`,
        {},
        { token: board },
      ),
    );
    const found = dataOf(
      await stack.gql(`{ organizations(filter: { search: "sau khoi phuc" }) { edges { node { code } } } }`),
    );
    expect(found.organizations.edges.map((edge: { node: { code: string } }) => edge.node.code)).toEqual([
      'AFTER_RESTORE',
    ]);
  });

  it('refuses a missing, truncated, corrupted or foreign file before touching the databases', async () => {
    const before = await statsOf(targets);
    await expect(restore({ targets, file: path.join(work, 'no-such.tar'), force: true })).rejects.toThrow(
      /Backup file not found: .*no-such\.tar/,
    );

    const bytes = readFileSync(file);
    const truncated = path.join(work, 'truncated.tar');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(restore({ targets, file: truncated, force: true })).rejects.toThrow(/truncated/);

    const corrupted = path.join(work, 'corrupted.tar');
    const flipped = Buffer.from(bytes);
    const at = bytes.length - 4096; // inside the last dump
    flipped[at] = flipped[at]! ^ 0xff;
    writeFileSync(corrupted, flipped);
    await expect(restore({ targets, file: corrupted, force: true })).rejects.toThrow(
      /corrupted: awards\.dump does not match the SHA-256/,
    );

    const badHeader = path.join(work, 'bad-header.tar');
    const header = Buffer.from(bytes);
    header[10] = header[10]! ^ 0x01;
    writeFileSync(badHeader, header);
    await expect(restore({ targets, file: badHeader, force: true })).rejects.toThrow(
      /corrupted or not a backup file \(bad tar header at byte 0\)/,
    );

    const foreign = path.join(work, 'notes.txt');
    writeFileSync(foreign, 'not a backup\n'.repeat(100));
    await expect(restore({ targets, file: foreign, force: true })).rejects.toThrow(/not a backup file/);

    expect(await statsOf(targets)).toEqual(before);
  });
});

describeWithTools('db:backup / db:restore scripts on one DATABASE_URL (a schema per subgraph)', () => {
  const name = `t_backup_shared_${process.pid}`;
  let url: string;
  let targets: BackupTarget[];

  const env = (): NodeJS.ProcessEnv => {
    const result: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url };
    for (const subgraph of SUBGRAPH_NAMES) delete result[`${subgraph.toUpperCase()}_DATABASE_URL`];
    delete result['INIT_CWD'];
    return result;
  };
  const script = (name: string, args: string[], extra: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'dist', name), ...args], {
      cwd: ROOT,
      env: { ...env(), ...extra },
      encoding: 'utf8',
      timeout: 120_000,
    });

  beforeAll(async () => {
    const { urlFor } = await createDatabases([name]);
    url = urlFor(name);
    targets = SUBGRAPH_NAMES.map((subgraph) => ({ subgraph, url, schema: subgraph }));
    // What npm start does with DATABASE_URL: every subgraph migrates and seeds its schema in one database.
    for (const [subgraph, create] of [
      ['organizations', createOrganizationsDatabase],
      ['campaigns', createCampaignsDatabase],
      ['awards', createAwardsDatabase],
    ] as const) {
      const database = create(url, { poolSize: 2 });
      await database.dataSource.initialize();
      await migrate(database, subgraph);
      if (subgraph === 'organizations') await seedOrganizations(database.dataSource, { demo: true });
      if (subgraph === 'campaigns') await seedCampaigns(database.dataSource, { demo: true });
      if (subgraph === 'awards') await seedCatalogue(database.dataSource);
      await database.dataSource.destroy();
    }
  });
  afterAll(() => dropDatabases([name]));

  it('round-trips through npm run db:backup and db:restore, and exits 1 when the verification fails', async () => {
    const file = path.join(work, 'shared.tar');
    let started = Date.now();
    const backedUp = script('db-backup.js', ['--out', file]);
    const backupSeconds = (Date.now() - started) / 1000;
    expect(backedUp.stderr).toBe('');
    expect(backedUp.status).toBe(0);
    expect(backedUp.stdout).toContain('[db:backup] backing up external PostgreSQL');
    expect(backedUp.stdout).toMatch(/\[db:backup\] wrote .*shared\.tar: \d+ tables, \d+ rows, PostgreSQL 15\./);

    const opened = openBackup(file);
    const manifest = opened.manifest;
    opened.dispose();
    expect(new Set(manifest.entries.map((entry) => entry.source.split(' ')[0])).size).toBe(1);
    expect(await statsOf(targets)).toEqual(manifestStats(manifest));

    await sql(url, `DELETE FROM organizations.person`);
    await sql(url, `UPDATE organizations.organization SET short_name = 'X' WHERE code = 'HN'`);
    await sql(url, `DROP TABLE campaigns.conference_delegate`);
    started = Date.now();
    const restored = script('db-restore.js', [file]);
    const restoreSeconds = (Date.now() - started) / 1000;
    console.log(
      `scripts on one DATABASE_URL: db-backup ${backupSeconds.toFixed(2)} s, db-restore ${restoreSeconds.toFixed(2)} s (node start-up included)`,
    );
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/organizations\s+organizations\.person\s+\d+\s+\d+\s+ok/);
    expect(restored.stdout).toMatch(/campaigns\s+campaigns\.conference_delegate\s+\d+\s+\d+\s+ok/);
    expect(restored.stdout).toContain('all rows and checksums match');
    expect(await statsOf(targets)).toEqual(manifestStats(manifest));

    // A manifest that disagrees with its dumps (as after a faulty restore): the comparison says which table, exit 1.
    const tampered = path.join(work, 'tampered.tar');
    const dir = mkdtempSync(path.join(work, 'tamper-'));
    execFileSync('tar', ['-xf', file, '-C', dir]);
    const edited = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    edited.entries[0]!.tables['organizations.bloc']!.md5 = '0'.repeat(32);
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(edited));
    execFileSync('tar', [
      '--format=ustar',
      '-cf',
      tampered,
      '-C',
      dir,
      'manifest.json',
      ...edited.entries.map((entry) => entry.file),
    ]);
    // A dump that pg_restore cannot read: refused before anything is dropped.
    const junk = path.join(work, 'junk.tar');
    const junkEntry = edited.entries[2]!;
    writeFileSync(path.join(dir, junkEntry.file), 'PGDMP but not really');
    junkEntry.bytes = statSync(path.join(dir, junkEntry.file)).size;
    junkEntry.sha256 = createHash('sha256')
      .update(readFileSync(path.join(dir, junkEntry.file)))
      .digest('hex');
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(edited));
    execFileSync('tar', [
      '--format=ustar',
      '-cf',
      junk,
      '-C',
      dir,
      'manifest.json',
      ...edited.entries.map((entry) => entry.file),
    ]);
    await sql(url, `DELETE FROM organizations.person`);
    const beforeJunk = await statsOf(targets);
    const refused = script('db-restore.js', [junk]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/awards\.dump in the backup cannot be read by pg_restore 15/);
    expect(await statsOf(targets)).toEqual(beforeJunk);

    // A readable dump that fails half-way (awards' entry holds organizations' dump again, so CREATE SCHEMA
    // organizations fails after two schemas were already replaced): the whole transaction is rolled back.
    const halfway = path.join(work, 'halfway.tar');
    copyFileSync(path.join(dir, 'organizations.dump'), path.join(dir, junkEntry.file));
    junkEntry.bytes = statSync(path.join(dir, junkEntry.file)).size;
    junkEntry.sha256 = createHash('sha256')
      .update(readFileSync(path.join(dir, junkEntry.file)))
      .digest('hex');
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(edited));
    execFileSync('tar', [
      '--format=ustar',
      '-cf',
      halfway,
      '-C',
      dir,
      'manifest.json',
      ...edited.entries.map((entry) => entry.file),
    ]);
    const failed = script('db-restore.js', [halfway]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(
      /The restore failed and was rolled back, nothing was changed .*schema "organizations" already exists/,
    );
    expect(await statsOf(targets)).toEqual(beforeJunk);

    const mismatch = script('db-restore.js', [tampered]);
    expect(mismatch.status).toBe(1);
    expect(mismatch.stdout).toMatch(/organizations\s+organizations\.bloc\s+\d+\s+\d+\s+checksum differs/);
    expect(mismatch.stderr).toContain('verification FAILED: 1 table(s) differ from the backup');
  });

  it('restores into an embedded cluster that does not exist yet (disaster recovery), and backs it up while stopped', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tdkt-backup-embedded-'));
    chmodSync(dataDir, 0o755); // as root, Postgres runs as the postgres user and must reach the cluster
    try {
      const embeddedEnv = { TDKT_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), DATABASE_URL: '' };
      const nothing = script('db-backup.js', ['--out', path.join(work, 'nothing.tar')], embeddedEnv);
      expect(nothing.status).toBe(1);
      expect(nothing.stderr).toContain('There is no embedded cluster in');

      // The DATABASE_URL backup (one database) goes into the embedded layout (a database per subgraph).
      const restored = script('db-restore.js', [path.join(work, 'shared.tar')], embeddedEnv);
      expect(restored.stderr).toBe('');
      expect(restored.status).toBe(0);
      expect(restored.stdout).toContain('the embedded PostgreSQL is not running: starting it');
      expect(restored.stdout).toContain('all rows and checksums match');
      expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false); // stopped again

      const again = path.join(work, 'embedded.tar');
      const backedUp = script('db-backup.js', ['--out', again], embeddedEnv);
      expect(backedUp.status).toBe(0);
      const read = (file: string) => {
        const opened = openBackup(file);
        opened.dispose();
        return manifestStats(opened.manifest);
      };
      expect(read(again)).toEqual(read(path.join(work, 'shared.tar')));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to run without a file, or with one that does not exist', () => {
    const none = script('db-restore.js', []);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('usage: npm run db:restore -- FILE');
    const missing = script('db-restore.js', [path.join(work, 'missing.tar')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/\[db:restore\] failed: Backup file not found: .*missing\.tar/);
  });
});
