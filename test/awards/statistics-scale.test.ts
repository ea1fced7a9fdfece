/**
 * The analytics on the `tiny` preset of `npm run seed:scale` (~600 units, 2,000 persons, ~10,000 grants
 * loaded with the rollup triggers off, then `rebuild_award_rollups()`: the same loader, the same
 * rebuild and the same statements as the larger presets, a tenth of the rows): AwardStatistics and form
 * 0602 for provinces, ministries and blocs equal a GROUP BY over the ledger with the organization tree
 * read straight from the organizations database; the first statistic copies the whole tree; the SQL cost
 * of a statistic and of the bloc overview is the same for a small and a large scope. Speed at scale is
 * the bench's (`npm run bench` on the `national` preset), not a test's.
 */
import { seedScale } from '@tdkt/scripts';
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { dataOf } from '../support/stack';

let stack: InProcessStack;
let board: string;

const urlOf = (name: string) => {
  const url = new URL(stack.adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

async function statistics(filter: Record<string, unknown>) {
  const response = await stack.gql(
    contractOperation('AwardStatistics'),
    { filter },
    { token: board, headers: { 'x-tdkt-stats': '1' } },
  );
  return {
    data: dataOf(response).awardStatistics,
    sql: response.body.extensions!['stats'].sqlStatements as Record<string, number>,
  };
}

/** Live grants per year of a unit's subtree (as the organizations database has the tree now). */
async function ledgerByYear(
  code: string,
  yearFrom: number,
  yearTo: number,
): Promise<{ year: number; count: number }[]> {
  const ids: { id: string }[] = await stack.subgraphs.organizations.database.dataSource.query(
    `WITH RECURSIVE down(id) AS (SELECT id FROM organization WHERE code = $1 UNION SELECT o.id FROM organization o JOIN down ON o.parent_id = down.id) SELECT id FROM down`,
    [code],
  );
  return stack.subgraphs.awards.database.dataSource.query(
    `SELECT year, count(*)::int AS count FROM award_grant WHERE revoked_on IS NULL AND recipient_unit_id = ANY ($1::uuid[]) AND year BETWEEN $2 AND $3 GROUP BY year ORDER BY year`,
    [ids.map((row) => row.id), yearFrom, yearTo],
  );
}

beforeAll(async () => {
  stack = await startInProcess();
  board = await stack.token('CENTRAL_BOARD');
  const [organizations, campaigns, awards] = stack.databaseNames;
  await seedScale({
    preset: 'tiny',
    databaseUrls: { organizations: urlOf(organizations!), campaigns: urlOf(campaigns!), awards: urlOf(awards!) },
  });
}, 900_000);
afterAll(() => stack?.stop());

it('copies the whole tree on the first statistic and counts a province, a ministry and the country as the ledger does', async () => {
  const grants = (
    await stack.subgraphs.awards.database.dataSource.query(
      `SELECT count(*)::int AS n FROM award_grant WHERE revoked_on IS NULL`,
    )
  )[0].n;
  expect(grants).toBeGreaterThan(5_000);
  const first = await statistics({ organizationCode: 'HN', yearFrom: 2016, yearTo: 2025 });
  const units = (
    await stack.subgraphs.organizations.database.dataSource.query(`SELECT count(*)::int AS n FROM organization`)
  )[0].n;
  expect((await stack.subgraphs.awards.database.dataSource.query(`SELECT count(*)::int AS n FROM org_unit`))[0].n).toBe(
    units,
  );
  expect(first.data.byYear).toEqual(await ledgerByYear('HN', 2016, 2025));
  for (const code of ['HCM', 'BTP', 'BCA', 'CP']) {
    const answer = await statistics({ organizationCode: code, yearFrom: 2016, yearTo: 2025 });
    expect([code, answer.data.byYear]).toEqual([code, await ledgerByYear(code, 2016, 2025)]);
    expect(answer.sql['awards']).toBe(1);
  }
  const country = (
    await stack.gql(
      `query { f: statisticalForm0602(filter: { yearFrom: 2016, yearTo: 2025 }) { rows { code total } } }`,
    )
  ).body.data.f.rows;
  const stateLevel: { n: number }[] = await stack.subgraphs.awards.database.dataSource.query(
    `SELECT count(*)::int AS n FROM award_grant g JOIN award_type t ON t.code = g.award_type_code
      WHERE g.revoked_on IS NULL AND g.year BETWEEN 2016 AND 2025 AND t.deciding_authority IN ('PRESIDENT','PRIME_MINISTER')`,
  );
  expect(country.find((row: any) => row.code === '1').total).toBe(stateLevel[0]!.n);
  const split = Object.fromEntries(country.map((row: any) => [row.code, row.total]));
  expect(split['2'] + split['3']).toBe(split['1']);
}, 300_000);

it('answers for a small and a large bloc, and the bloc overview, in the same number of statements', async () => {
  const blocs: { code: string; members: number }[] = await stack.subgraphs.organizations.database.dataSource.query(
    `SELECT b.code, count(*)::int AS members FROM bloc b JOIN bloc_membership m ON m.bloc_id = b.id WHERE m.year = 2025 GROUP BY b.code ORDER BY members, b.code`,
  );
  const smallest = blocs[0]!;
  const largest = blocs[blocs.length - 1]!;
  expect(largest.members).toBeGreaterThan(smallest.members);
  const few = await statistics({ blocCode: smallest.code, yearFrom: 2016, yearTo: 2025 });
  const many = await statistics({ blocCode: largest.code, yearFrom: 2016, yearTo: 2025 });
  expect(many.data.total).toBeGreaterThan(0);
  expect(many.sql).toEqual(few.sql);

  const overview = async (first: number) => {
    const response = await stack.gql(
      `query($first: Int) { blocPledgeSummaries(year: 2025, first: $first) { totalCount edges { node { bloc { code } status membersCount signedCount averageProgress completionRate firstRanked { code } leadingUnit { code } } } } }`,
      { first },
      { token: board, headers: { 'x-tdkt-stats': '1' } },
    );
    return {
      data: dataOf(response).blocPledgeSummaries,
      sql: response.body.extensions!['stats'].sqlStatements as Record<string, number>,
    };
  };
  const two = await overview(2);
  const hundred = await overview(100);
  expect(hundred.data.edges.length).toBeGreaterThan(10);
  expect(hundred.data.edges.some((edge: any) => edge.node.status !== null && edge.node.signedCount > 0)).toBe(true);
  expect(hundred.sql).toEqual(two.sql);
}, 300_000);
