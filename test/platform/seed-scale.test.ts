/**
 * `seed:scale`: the tiny preset loaded through the real schemas into the databases of a
 * running stack, then checked — the counts, every constraint and index back in place (the same as a
 * freshly migrated database), the invariants the application keeps (one LEAD per bloc-year, pledge
 * status against signatures, subject kinds, titles against ratings, issuers' powers, nominations
 * against grants), the contract queries answering on the generated data, determinism (a second load
 * into fresh databases, interrupted and resumed, gives the same rows), a rerun that changes nothing,
 * and a restart that removes only generated rows.
 */
import pg from 'pg';
import { canDecide, type AuthorityKind } from '@tdkt/awards';
import { createAwardsDatabase } from '@tdkt/awards';
import { createCampaignsDatabase } from '@tdkt/campaigns';
import { createOrganizationsDatabase } from '@tdkt/organizations';
import { migrate, type Database } from '@tdkt/subgraph-kit';
import { SCALE_PRESETS, seedScale, type SeedScaleReport } from '@tdkt/scripts';
import { contractOperation } from '../support/operations';
import {
  SUBGRAPH_NAMES,
  createDatabases,
  dataOf,
  dropDatabases,
  startStack,
  type Stack,
  type SubgraphName,
} from '../support/stack';

jest.setTimeout(180_000);

const GENERATED = (column: string) => `coalesce(substr(${column}::text, 15, 1) = '8', false)`;
type Urls = Record<string, string>;
/** The bulk loader's own type for them, whichever key set it spells out. */
type SeedUrls = NonNullable<Parameters<typeof seedScale>[0]['databaseUrls']>;

function urlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function query<T = any>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET TimeZone = 'UTC'`);
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Tables the generator writes, and the uuid column that tells a generated row. */
const LOADED: Record<SubgraphName, [string, string][]> = {
  organizations: [
    ['organization', 'id'],
    ['lineage_event', 'id'],
    ['lineage_participant', 'event_id'],
    ['bloc', 'id'],
    ['bloc_membership', 'bloc_id'],
    ['person', 'id'],
    ['annual_rating', 'person_id'],
  ],
  campaigns: [
    ['pledge', 'id'],
    ['pledge_item', 'pledge_id'],
    ['pledge_signature', 'pledge_id'],
    ['progress_report', 'pledge_id'],
    ['scorecard', 'pledge_id'],
    ['scorecard_item', 'pledge_id'],
    ['pledge_ranking', 'pledge_id'],
    ['bloc_vote', 'id'],
  ],
  awards: [
    ['decision', 'id'],
    ['award_grant', 'id'],
    ['nomination', 'id'],
    ['nomination_event', 'nomination_id'],
    ['council_vote', 'id'],
    ['initiative', 'id'],
    ['initiative_author', 'initiative_id'],
    ['grant_initiative', 'grant_id'],
  ],
};

/** Count and checksum of the generated rows of every loaded table. */
async function generatedChecksums(urls: Urls): Promise<Record<string, { rows: number; md5: string }>> {
  const result: Record<string, { rows: number; md5: string }> = {};
  for (const subgraph of SUBGRAPH_NAMES) {
    for (const [table, column] of LOADED[subgraph]) {
      const [row] = await query(
        urls[subgraph],
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE "C"), '')) AS md5 FROM ${subgraph}.${table} t WHERE ${GENERATED(`t.${column}`)}`,
      );
      result[`${subgraph}.${table}`] = { rows: row.rows, md5: row.md5 };
    }
  }
  return result;
}

/** Indexes and constraints of a subgraph schema, as definitions. */
async function schemaObjects(url: string, schema: string): Promise<string[]> {
  const indexes = await query<{ d: string }>(url, `SELECT indexdef AS d FROM pg_indexes WHERE schemaname = $1`, [
    schema,
  ]);
  const constraints = await query<{ d: string }>(
    url,
    `SELECT c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) || CASE WHEN c.convalidated THEN '' ELSE ' (not validated)' END AS d
       FROM pg_constraint c WHERE c.connamespace = $1::regnamespace`,
    [schema],
  );
  const triggers = await query<{ d: string }>(
    url,
    `SELECT t.tgrelid::regclass::text || ' ' || t.tgname || ' ' || t.tgenabled::text AS d FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = $1::regnamespace AND NOT t.tgisinternal`,
    [schema],
  );
  return [...indexes, ...constraints, ...triggers].map((row) => row.d).sort();
}

const tableRows = (report: SeedScaleReport, table: string) =>
  report.tables.find((entry) => entry.table === table)?.rows ?? 0;

let stack: Stack;
let urls: Urls;
let report: SeedScaleReport;
let board: string;
const extraDatabases: string[] = [];

beforeAll(async () => {
  stack = await startStack({ demo: false });
  urls = Object.fromEntries(
    SUBGRAPH_NAMES.map((name, index) => [name, urlFor(stack.adminUrl, stack.databaseNames[index]!)]),
  ) as Urls;
  report = await seedScale({ preset: 'tiny', databaseUrls: urls as SeedUrls, demo: false });
  board = await stack.token('CENTRAL_BOARD');
});

afterAll(async () => {
  await stack?.stop();
  if (extraDatabases.length) await dropDatabases(extraDatabases);
});

describe('the tiny preset', () => {
  it('loads every entity through the real schemas, with the counts it reports', async () => {
    expect(report.status).toBe('loaded');
    const sums = await generatedChecksums(urls);
    for (const [table, stats] of Object.entries(sums))
      expect({ table, rows: stats.rows }).toEqual({ table, rows: tableRows(report, table) });
    expect(sums['organizations.person']!.rows).toBe(SCALE_PRESETS.tiny.persons);
    expect(sums['organizations.organization']!.rows).toBeGreaterThan(200);
    expect(sums['organizations.bloc']!.rows).toBe(SCALE_PRESETS.tiny.blocs);
    // Ratings for the years each person worked, grants ≈ 5 per person, nominations near the target.
    expect(sums['organizations.annual_rating']!.rows).toBeGreaterThan(SCALE_PRESETS.tiny.persons * 7);
    expect(sums['awards.award_grant']!.rows).toBeGreaterThan(SCALE_PRESETS.tiny.expectedGrants * 0.8);
    expect(sums['awards.award_grant']!.rows).toBeLessThan(SCALE_PRESETS.tiny.expectedGrants * 1.4);
    expect(sums['awards.nomination']!.rows).toBeGreaterThan(SCALE_PRESETS.tiny.nominations * 0.6);
    expect(sums['awards.nomination']!.rows).toBeLessThan(SCALE_PRESETS.tiny.nominations * 1.6);
    for (const subgraph of SUBGRAPH_NAMES)
      expect(report.sizes[subgraph as keyof SeedScaleReport['sizes']]).toBeGreaterThan(0);
  });

  it('puts back every index, key, foreign key and trigger, as in a freshly migrated database', async () => {
    const names = SUBGRAPH_NAMES.map((name) => `t_pristine_${process.pid}_${name}`);
    extraDatabases.push(...names);
    const { urlFor: pristineUrl } = await createDatabases(names);
    const factories: Record<SubgraphName, (url: string) => Database> = {
      organizations: createOrganizationsDatabase,
      campaigns: createCampaignsDatabase,
      awards: createAwardsDatabase,
    };
    for (const [index, name] of SUBGRAPH_NAMES.entries()) {
      const database = factories[name](pristineUrl(names[index]!));
      await database.dataSource.initialize();
      await migrate(database, name);
      await database.dataSource.destroy();
      expect(await schemaObjects(urls[name], name)).toEqual(await schemaObjects(pristineUrl(names[index]!), name));
      expect(await query(urls[name], `SELECT * FROM scale_seed.dropped`)).toEqual([]);
    }
  });

  it('hangs the units under the reference ministries and provinces, with the 2025 commune lineage', async () => {
    const orphans = await query(
      urls.organizations,
      `SELECT o.code FROM organizations.organization o WHERE ${GENERATED('o.id')} AND o.parent_id IS NULL`,
    );
    expect(orphans).toEqual([]);
    const [roots] = await query(
      urls.organizations,
      `SELECT count(*)::int AS n FROM organizations.organization o JOIN organizations.organization p ON p.id = o.parent_id WHERE ${GENERATED('o.id')} AND NOT ${GENERATED('p.id')}`,
    );
    expect(roots.n).toBeGreaterThan(34);
    // Every new commune (from 2025-07-01) merges former communes that ended on 2025-06-30.
    const merges = await query(
      urls.organizations,
      `SELECT s.valid_from::text AS successor_from, p.valid_to::text AS predecessor_to, count(*)::int AS n
         FROM organizations.lineage_participant sp JOIN organizations.organization s ON s.id = sp.organization_id AND sp.role = 'SUCCESSOR'
         JOIN organizations.lineage_participant pp ON pp.event_id = sp.event_id AND pp.role = 'PREDECESSOR' JOIN organizations.organization p ON p.id = pp.organization_id
        WHERE ${GENERATED('sp.event_id')} GROUP BY 1, 2`,
    );
    expect(merges.map((row) => [row.successor_from, row.predecessor_to])).toEqual([['2025-07-01', '2025-06-30']]);
  });

  it('keeps exactly one LEAD and one DEPUTY per generated bloc-year, and members valid that year', async () => {
    const wrong = await query(
      urls.organizations,
      `SELECT m.bloc_id, m.year FROM organizations.bloc_membership m WHERE ${GENERATED('m.bloc_id')}
        GROUP BY 1, 2 HAVING count(*) FILTER (WHERE role = 'LEAD') <> 1 OR count(*) FILTER (WHERE role = 'DEPUTY') <> 1`,
    );
    expect(wrong).toEqual([]);
    const invalid = await query(
      urls.organizations,
      `SELECT m.year, o.code FROM organizations.bloc_membership m JOIN organizations.organization o ON o.id = m.organization_id
        WHERE ${GENERATED('m.bloc_id')} AND NOT ((o.valid_from IS NULL OR o.valid_from <= make_date(m.year, 12, 31)) AND (o.valid_to IS NULL OR o.valid_to >= make_date(m.year, 1, 1)))`,
    );
    expect(invalid).toEqual([]);
  });

  it('leaves each pledge in a state its signatures and scorecards explain', async () => {
    const members = await query<{ bloc_id: string; year: number; organizations: string[] }>(
      urls.organizations,
      `SELECT bloc_id, year, array_agg(organization_id::text ORDER BY organization_id) AS organizations FROM organizations.bloc_membership WHERE ${GENERATED('bloc_id')} GROUP BY 1, 2`,
    );
    const pledges = await query<{
      bloc_id: string;
      year: number;
      status: string;
      signers: string[];
      verified: number;
      ranked: number;
      leading: string | null;
    }>(
      urls.campaigns,
      `SELECT p.bloc_id, p.year, p.status,
              coalesce((SELECT array_agg(s.organization_id::text ORDER BY s.organization_id) FROM campaigns.pledge_signature s WHERE s.pledge_id = p.id), '{}') AS signers,
              (SELECT count(*)::int FROM campaigns.scorecard c WHERE c.pledge_id = p.id AND c.stage = 'VERIFIED') AS verified,
              (SELECT count(*)::int FROM campaigns.pledge_ranking r WHERE r.pledge_id = p.id) AS ranked,
              (SELECT v.candidate_organization_id::text FROM campaigns.bloc_vote v WHERE v.pledge_id = p.id AND v.passed ORDER BY v.voted_on DESC LIMIT 1) AS leading
         FROM campaigns.pledge p WHERE ${GENERATED('p.id')}`,
    );
    const byBlocYear = new Map(members.map((row) => [`${row.bloc_id}|${row.year}`, row.organizations]));
    expect(pledges.length).toBe(members.length);
    const statuses = new Set<string>();
    for (const pledge of pledges) {
      const expected = byBlocYear.get(`${pledge.bloc_id}|${pledge.year}`)!;
      statuses.add(pledge.status);
      if (pledge.status === 'DRAFT') expect(pledge.signers).toEqual([]);
      if (pledge.status === 'OPEN') expect(pledge.signers.length).toBeLessThan(expected.length);
      if (pledge.status === 'SIGNED' || pledge.status === 'CLOSED') expect(pledge.signers).toEqual(expected);
      for (const signer of pledge.signers) expect(expected).toContain(signer);
      if (pledge.status === 'CLOSED') {
        expect(pledge.verified).toBe(expected.length);
        expect(pledge.ranked).toBe(expected.length);
        if (pledge.leading) expect(expected).toContain(pledge.leading);
      } else {
        expect(pledge.ranked).toBe(0);
      }
    }
    expect(statuses.has('CLOSED')).toBe(true);
    // A VERIFIED card's total is its capped points plus the capped bonus minus the penalty (scoreTotal).
    const [mismatch] = await query(
      urls.campaigns,
      `SELECT count(*)::int AS n FROM campaigns.scorecard c JOIN campaigns.pledge p ON p.id = c.pledge_id
        WHERE ${GENERATED('p.id')} AND c.total_score <> round((SELECT sum(least(i.points, pi.max_score)) FROM campaigns.scorecard_item i
              JOIN campaigns.pledge_item pi ON pi.pledge_id = i.pledge_id AND pi.code = i.item_code
             WHERE i.pledge_id = c.pledge_id AND i.organization_id = c.organization_id AND i.stage = c.stage) + least(c.bonus, p.bonus_cap) - c.penalty, 2)`,
    );
    expect(mismatch.n).toBe(0);
  });

  it("writes grants that follow the catalogue, the ratings and the issuers' powers", async () => {
    const [wrongKind] = await query(
      urls.awards,
      `SELECT count(*)::int AS n FROM awards.award_grant g JOIN awards.award_type t ON t.code = g.award_type_code
        WHERE (g.person_id IS NOT NULL AND NOT 'PERSON' = ANY (t.subject_kinds)) OR (g.organization_id IS NOT NULL AND NOT 'COLLECTIVE' = ANY (t.subject_kinds))`,
    );
    expect(wrongKind.n).toBe(0);
    // Many Lao động tiên tiến, few orders (Huân chương).
    const shares = await query<{ code: string; share: number }>(
      urls.awards,
      `SELECT award_type_code AS code, (count(*)::float / sum(count(*)) OVER ()) AS share FROM awards.award_grant WHERE ${GENERATED('id')} GROUP BY 1 ORDER BY 2 DESC`,
    );
    expect(shares[0]!.code).toBe('LDTT');
    expect(shares[0]!.share).toBeGreaterThan(0.4);
    expect(shares.filter((row) => row.code.startsWith('HC_')).reduce((sum, row) => sum + row.share, 0)).toBeLessThan(
      0.01,
    );
    // CSTĐ cơ sở only with Lao động tiên tiến (or Chiến sĩ tiên tiến) of the same year (Law Art 23).
    const [withoutBasic] = await query(
      urls.awards,
      `SELECT count(*)::int AS n FROM awards.award_grant c WHERE c.award_type_code = 'CSTD_CO_SO' AND ${GENERATED('c.id')}
          AND NOT EXISTS (SELECT 1 FROM awards.award_grant l WHERE l.person_id = c.person_id AND l.year = c.year AND l.award_type_code IN ('LDTT', 'CHIEN_SI_TIEN_TIEN'))`,
    );
    expect(withoutBasic.n).toBe(0);
    // Persons and units exist; LĐTT only for a GOOD or EXCELLENT year (Law Art 24).
    const ratings = await query<{ person: string; year: number; rating: string }>(
      urls.organizations,
      `SELECT person_id::text AS person, year, rating FROM organizations.annual_rating WHERE ${GENERATED('person_id')}`,
    );
    const rated = new Map(ratings.map((row) => [`${row.person}|${row.year}`, row.rating]));
    const units = new Set(
      (await query<{ id: string }>(urls.organizations, `SELECT id::text FROM organizations.organization`)).map(
        (row) => row.id,
      ),
    );
    const grants = await query<{
      person: string | null;
      organization: string | null;
      unit: string;
      year: number;
      code: string;
    }>(
      urls.awards,
      `SELECT person_id::text AS person, organization_id::text AS organization, recipient_unit_id::text AS unit, year, award_type_code AS code FROM awards.award_grant WHERE ${GENERATED('id')}`,
    );
    for (const grant of grants) {
      expect(units.has(grant.unit)).toBe(true);
      if (grant.organization) expect(units.has(grant.organization)).toBe(true);
      if (grant.person && (grant.code === 'LDTT' || grant.code === 'CHIEN_SI_TIEN_TIEN'))
        expect(['GOOD', 'EXCELLENT']).toContain(rated.get(`${grant.person}|${grant.year}`));
    }
    // Decisions made through the workflow were signed by someone who holds that power on that day.
    const decided = await query<{ authority: AuthorityKind; code: string; issued: string }>(
      urls.awards,
      `SELECT DISTINCT d.authority, g.award_type_code AS code, d.issued_on::text AS issued FROM awards.decision d JOIN awards.award_grant g ON g.decision_id = d.id
        WHERE ${GENERATED('d.id')} AND NOT d.is_legacy`,
    );
    expect(decided.length).toBeGreaterThan(0);
    for (const row of decided)
      expect({ ...row, allowed: canDecide(row.authority, row.code, row.issued).allowed }).toEqual({
        ...row,
        allowed: true,
      });
  });

  it('keeps nominations in valid states: a DECIDED one per workflow grant, a history ending in its status', async () => {
    const [unmatched] = await query(
      urls.awards,
      `SELECT count(*) FILTER (WHERE n.status = 'DECIDED' AND g.id IS NULL)::int AS decided_without_grant,
              count(*) FILTER (WHERE n.status <> 'DECIDED' AND g.id IS NOT NULL)::int AS grant_of_open_nomination,
              count(*) FILTER (WHERE n.status = 'DECIDED' AND n.decision_id IS DISTINCT FROM g.decision_id)::int AS other_decision
         FROM awards.nomination n LEFT JOIN awards.award_grant g ON g.nomination_id = n.id WHERE ${GENERATED('n.id')}`,
    );
    expect(unmatched).toEqual({ decided_without_grant: 0, grant_of_open_nomination: 0, other_decision: 0 });
    const histories = await query<{ status: string; first: string; last: string; votes: number }>(
      urls.awards,
      `SELECT n.status, (SELECT e.to_status FROM awards.nomination_event e WHERE e.nomination_id = n.id ORDER BY e.id LIMIT 1) AS first,
              (SELECT e.to_status FROM awards.nomination_event e WHERE e.nomination_id = n.id ORDER BY e.id DESC LIMIT 1) AS last,
              (SELECT count(*)::int FROM awards.council_vote v WHERE v.nomination_id = n.id) AS votes
         FROM awards.nomination n WHERE ${GENERATED('n.id')}`,
    );
    const statuses = new Set(histories.map((row) => row.status));
    for (const status of ['DECIDED', 'DRAFT', 'SUBMITTED']) expect(statuses.has(status)).toBe(true);
    for (const row of histories) {
      expect(row.first).toBe('DRAFT');
      expect(row.last).toBe(row.status);
      expect(row.votes).toBe(['DECIDED', 'APPROVED', 'REJECTED'].includes(row.status) ? 1 : 0);
    }
  });

  it('answers the contract queries on the generated data', async () => {
    const [commune] = await query<{ code: string; name: string; short_name: string }>(
      urls.organizations,
      `SELECT code, name, short_name FROM organizations.organization o WHERE ${GENERATED('o.id')} AND valid_from = '2025-07-01' AND EXISTS (SELECT 1 FROM organizations.lineage_participant p WHERE p.organization_id = o.id) ORDER BY code LIMIT 1`,
    );
    const tree = dataOf(await stack.gql(contractOperation('OrganizationTree'), { code: commune!.code })).organization;
    expect(tree.name).toBe(commune!.name);
    expect(tree.predecessors.length).toBeGreaterThan(0);
    // Search without diacritics finds the generated commune.
    const folded = commune!.short_name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd');
    const search = dataOf(
      await stack.gql(contractOperation('SearchOrganizations'), { search: folded, first: 50 }),
    ).organizations;
    expect(search.edges.map((edge: any) => edge.node.code)).toContain(commune!.code);

    const [closed] = await query<{ code: string; year: number }>(
      urls.organizations,
      `SELECT b.code, 2024 AS year FROM organizations.bloc b WHERE ${GENERATED('b.id')} AND EXISTS (SELECT 1 FROM organizations.bloc_membership m WHERE m.bloc_id = b.id AND m.year = 2024) ORDER BY b.code LIMIT 1`,
    );
    const board2024 = dataOf(
      await stack.gql(contractOperation('BlocBoard'), { code: closed!.code, year: closed!.year }, { token: board }),
    ).bloc;
    expect(board2024.members.filter((member: any) => member.role === 'LEAD')).toHaveLength(1);
    expect(board2024.pledge.status).toBe('CLOSED');
    expect(board2024.pledge.ranking.length).toBe(board2024.members.length);
    if (board2024.pledge.leadingUnit) {
      const flag = board2024.pledge.ranking.find(
        (entry: any) => entry.organization.code === board2024.pledge.leadingUnit.code,
      );
      expect(flag.organization.grants.map((grant: any) => grant.awardType.code)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^CO_THI_DUA_/)]),
      );
    }

    const [person] = await query<{ id: string }>(
      urls.awards,
      `SELECT person_id::text AS id FROM awards.award_grant WHERE award_type_code = 'LDTT' AND year = 2024 AND ${GENERATED('id')} ORDER BY id LIMIT 1`,
    );
    const record = dataOf(
      await stack.gql(
        contractOperation('PersonRecord'),
        { id: person!.id, awardTypeCode: 'LDTT', year: 2025 },
        { token: board },
      ),
    ).person;
    expect(record.annualRatings.length).toBeGreaterThan(0);
    expect(record.grants.map((grant: any) => `${grant.awardType.code}|${grant.year}`)).toContain('LDTT|2024');
    expect(record.eligibility.ruleset).toMatch(/^LAW_2022/);

    // Statistics of a province subtree: the same total as counting the ledger directly.
    const province = 'NGHE_AN';
    const subtree = await query<{ id: string }>(
      urls.organizations,
      `WITH RECURSIVE t(id) AS (SELECT id FROM organizations.organization WHERE code = $1 UNION ALL SELECT o.id FROM organizations.organization o JOIN t ON o.parent_id = t.id) SELECT id::text FROM t`,
      [province],
    );
    const [expected] = await query(
      urls.awards,
      `SELECT count(*)::int AS n FROM awards.award_grant WHERE revoked_on IS NULL AND year BETWEEN 2016 AND 2025 AND recipient_unit_id = ANY ($1::uuid[])`,
      [subtree.map((row) => row.id)],
    );
    const statistics = dataOf(
      await stack.gql(
        contractOperation('AwardStatistics'),
        { filter: { organizationCode: province, yearFrom: 2016, yearTo: 2025 } },
        { token: board },
      ),
    ).awardStatistics;
    expect(expected.n).toBeGreaterThan(0);
    expect(statistics.total).toBe(expected.n);
  });
});

describe('reruns', () => {
  let second: Urls;

  it('gives the same rows in fresh databases, also when interrupted and resumed', async () => {
    const names = SUBGRAPH_NAMES.map((name) => `t_scale2_${process.pid}_${name}`);
    extraDatabases.push(...names);
    const { urlFor: secondUrl } = await createDatabases(names);
    second = Object.fromEntries(SUBGRAPH_NAMES.map((name, index) => [name, secondUrl(names[index]!)])) as Urls;
    // Interrupt once the awards step has committed a chunk; the chunk in progress is rolled back.
    const controller = new AbortController();
    const interrupted = seedScale({
      preset: 'tiny',
      databaseUrls: second as SeedUrls,
      demo: false,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.step === 'awards' && event.chunks.done === 1) controller.abort();
      },
    });
    await expect(interrupted).rejects.toThrow(/interrupted/);
    const [awardsDone] = await query(
      second.awards,
      `SELECT count(*)::int AS n FROM scale_seed.chunk WHERE step = 'awards'`,
    );
    expect(awardsDone.n).toBeGreaterThan(0);
    expect(awardsDone.n).toBeLessThan(3);
    // The interrupted step's keys and indexes are still set aside; the rerun puts them back before the
    // reference seed (which needs them) and sets them aside again for the rest of the step.
    expect((await query(second.awards, `SELECT * FROM scale_seed.dropped`)).length).toBeGreaterThan(0);

    const resumed = await seedScale({ preset: 'tiny', databaseUrls: second as SeedUrls, demo: true });
    expect(resumed.status).toBe('resumed');
    expect(resumed.steps.find((step) => step.step === 'persons')!.skipped).toBe(true);
    expect(await generatedChecksums(second)).toEqual(await generatedChecksums(urls));
  });

  it('changes nothing when the load is complete', async () => {
    const before = await generatedChecksums(urls);
    const again = await seedScale({ preset: 'tiny', databaseUrls: urls as SeedUrls, demo: false });
    expect(again.status).toBe('unchanged');
    expect(again.rows).toBe(0);
    expect(await generatedChecksums(urls)).toEqual(before);
    await expect(seedScale({ preset: 'small', databaseUrls: urls as SeedUrls, demo: false })).rejects.toThrow(
      /preset "tiny".*--restart/,
    );
  });

  it("restarts: removes only the generated rows, keeps the officers' own, and loads the same data again", async () => {
    const created = dataOf(
      await stack.gql(
        `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id code } }`,
        { input: { code: 'SO_THU_NGHIEM_HN', name: 'Sở Thử nghiệm Hà Nội', kind: 'DEPARTMENT', parentCode: 'HN' } },
        { token: board },
      ),
    ).createOrganization;
    const restarted = await seedScale({ preset: 'tiny', databaseUrls: urls as SeedUrls, demo: false, restart: true });
    expect(restarted.status).toBe('loaded');
    expect(restarted.removed['organizations.person']).toBe(SCALE_PRESETS.tiny.persons);
    const [kept] = await query(urls.organizations, `SELECT code FROM organizations.organization WHERE id = $1`, [
      created.id,
    ]);
    expect(kept).toEqual({ code: 'SO_THU_NGHIEM_HN' });
    const [reference] = await query(
      urls.organizations,
      `SELECT count(*)::int AS n FROM organizations.organization WHERE NOT ${GENERATED('id')}`,
    );
    expect(reference.n).toBeGreaterThan(100);
    expect(await generatedChecksums(urls)).toEqual(await generatedChecksums(second));
  });
});
