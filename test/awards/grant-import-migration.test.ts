/**
 * The upgrade that keys decisions by their number (rules/decision-number.rule.ts) on a database that
 * already holds the same decision typed several ways: copies with the same date become one decision
 * (their grants and nominations move to it), a number claimed with two dates keeps both rows for an
 * officer to settle, and the key is unique per issuer afterwards.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createAwardsDatabase, seedCatalogue } from '@tdkt/awards';
import { createDatabases, dropDatabases } from '../support/databases';

const name = `t_decision_key_${process.pid}`;
let url: string;

beforeAll(async () => {
  const created = await createDatabases([name]);
  url = created.urlFor(name);
});
afterAll(() => dropDatabases([name]));

it('merges a decision typed several ways on upgrade, and keeps the number that has two dates', async () => {
  const database = createAwardsDatabase(url);
  await database.dataSource.initialize();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE SCHEMA IF NOT EXISTS awards');
    await database.dataSource.runMigrations({ transaction: 'each' });
    await seedCatalogue(database.dataSource);
    // Back to the schema before the key: undo the migrations after it, then the key itself.
    const hasKey = async () =>
      (
        await client.query(
          `SELECT 1 FROM information_schema.columns WHERE table_schema = 'awards' AND table_name = 'decision' AND column_name = 'number_key'`,
        )
      ).rowCount === 1;
    while (await hasKey()) await database.dataSource.undoLastMigration({ transaction: 'each' });

    const issuer = randomUUID();
    const other = randomUUID();
    const decision = async (number: string, issuedOn: string, issuerId = issuer, legacy = true) =>
      (
        await client.query(
          `INSERT INTO awards.decision (number, issued_on, issuer_organization_id, is_legacy) VALUES ($1, $2, $3, $4) RETURNING id`,
          [number, issuedOn, issuerId, legacy],
        )
      ).rows[0].id as string;
    const grant = async (decisionId: string, year: number) =>
      client.query(
        `INSERT INTO awards.award_grant (award_type_code, person_id, recipient_unit_id, year, basis, decision_id, imported)
         VALUES ('LDTT', $1, $2, $3, 'MERIT', $4, true)`,
        [randomUUID(), randomUUID(), year, decisionId],
      );
    const first = await decision('15/QĐ-BTP', '2023-01-15');
    const copies = [
      await decision('15/qđ-btp', '2023-01-15'),
      await decision('15 /QĐ-BTP', '2023-01-15'),
      await decision('15/QĐ–BTP', '2023-01-15'),
      await decision('15/QĐ-BTP\u200b', '2023-01-15'),
    ];
    const twoDates = await decision('15/QĐ-btp', '2023-02-01');
    const elsewhere = await decision('15/QĐ-BTP', '2023-01-15', other);
    for (const [index, id] of [first, ...copies, twoDates, elsewhere].entries()) await grant(id, 2015 + index);

    await database.dataSource.runMigrations({ transaction: 'each' });

    const { rows } = await client.query(
      `SELECT d.id, d.number, d.number_key, count(g.id)::int AS grants FROM awards.decision d
         LEFT JOIN awards.award_grant g ON g.decision_id = d.id GROUP BY d.id ORDER BY d.issuer_organization_id = $1 DESC, d.issued_on`,
      [issuer],
    );
    expect(rows).toEqual([
      { id: first, number: '15/QĐ-BTP', number_key: '15/QĐ-BTP', grants: 5 },
      { id: twoDates, number: '15/QĐ-btp', number_key: `15/QĐ-BTP#${twoDates}`, grants: 1 },
      { id: elsewhere, number: '15/QĐ-BTP', number_key: '15/QĐ-BTP', grants: 1 },
    ]);
    await expect(
      client.query(
        `INSERT INTO awards.decision (number, number_key, issued_on, issuer_organization_id) VALUES ('15/QĐ-BTP', '15/QĐ-BTP', '2024-01-01', $1)`,
        [issuer],
      ),
    ).rejects.toThrow(/decision_issuer_number_key_unique/);
  } finally {
    await client.end();
    await database.dataSource.destroy();
  }
});
