/**
 * What the bench asks, with realistic variables read from the loaded data (never one cached row):
 * the largest ministry subtrees, blocs of about 30 members with a pledge, persons with grants and
 * ratings, diacritic-free searches. The variables are read with SQL as the database owner (the bench
 * only reads here); everything measured goes through HTTP.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, print, type OperationDefinitionNode } from 'graphql';
import pg from 'pg';
import { ROOT, type SubgraphName } from './stack.js';
import { BOARD_PREFIX } from './boards.js';

export const CONTRACT_FILE = path.join(ROOT, 'test', 'contract', 'operations.graphql');

export function contractOperations(): Record<string, string> {
  const document = parse(readFileSync(CONTRACT_FILE, 'utf8'));
  return Object.fromEntries(
    document.definitions
      .filter(
        (definition): definition is OperationDefinitionNode =>
          definition.kind === 'OperationDefinition' && !!definition.name,
      )
      .map((definition) => [definition.name!.value, print(definition)]),
  );
}

export type CallerKind = 'public' | 'central';

export interface Scenario {
  /** Row label in the report. */
  name: string;
  /** The contract operation it sends. */
  operation: string;
  caller: CallerKind;
  /** Variable sets, used round-robin. */
  variables: Record<string, unknown>[];
  /** What the variables are, in words, for the report. */
  description: string;
}

export interface WriteTarget {
  pledgeId: string;
  blocCode: string;
  year: number;
  /** (organization code, item code, period) combinations; each worker takes its own share. */
  combinations: { organizationCode: string; itemCode: string; period: string }[];
}

export interface Workload {
  scenarios: Scenario[];
  write: WriteTarget | null;
  notes: string[];
}

export const SEARCH_TERMS = [
  'ha noi',
  'tu phap',
  'ho chi minh',
  'cong an',
  'giao duc',
  'y te',
  'tai chinh',
  'da nang',
  'kiem sat',
  'nong nghiep',
  'hai phong',
  'van hoa',
];

async function query<T>(url: string, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function resolveWorkload(databaseUrls: Record<SubgraphName, string>, now = new Date()): Promise<Workload> {
  const organizations = databaseUrls.organizations;
  const notes: string[] = [];

  // The bench's own boards (boards.ts) are measured in rows of their own, never picked from the data.
  // The largest current ministry / ministerial / government agency subtrees.
  const subtrees = await query<{ code: string; units: string }>(
    organizations,
    `WITH RECURSIVE tree AS (
       SELECT id AS root, id FROM organizations.organization
        WHERE kind IN ('MINISTRY', 'MINISTERIAL_AGENCY', 'GOVERNMENT_AGENCY') AND valid_to IS NULL
       UNION ALL
       SELECT tree.root, child.id FROM organizations.organization child JOIN tree ON child.parent_id = tree.id)
     SELECT root_org.code, count(*)::text AS units
       FROM tree JOIN organizations.organization root_org ON root_org.id = tree.root
      GROUP BY root_org.code ORDER BY count(*) DESC, root_org.code LIMIT 3`,
  );

  // Pledges, and the size of their bloc-year.
  const pledges = await query<{ id: string; bloc_id: string; year: number; status: string }>(
    databaseUrls.campaigns,
    `SELECT id, bloc_id, year, status FROM campaigns.pledge ORDER BY year DESC, id`,
  );
  const blocYears = pledges.length
    ? await query<{ bloc_id: string; code: string; year: number; members: string }>(
        organizations,
        `SELECT b.id AS bloc_id, b.code, m.year, count(*)::text AS members
           FROM organizations.bloc b JOIN organizations.bloc_membership m ON m.bloc_id = b.id
          WHERE (b.id, m.year) IN (SELECT * FROM unnest($1::uuid[], $2::int[])) AND NOT starts_with(b.code, $3)
          GROUP BY b.id, b.code, m.year`,
        [pledges.map((pledge) => pledge.bloc_id), pledges.map((pledge) => pledge.year), BOARD_PREFIX],
      )
    : [];
  const boards = pledges
    .map((pledge) => {
      const blocYear = blocYears.find((entry) => entry.bloc_id === pledge.bloc_id && entry.year === pledge.year);
      return blocYear ? { ...pledge, code: blocYear.code, members: Number(blocYear.members) } : null;
    })
    .filter((board): board is NonNullable<typeof board> => board !== null)
    // About 30 members first (the issue's "bloc with ~30 members and a pledge"), recent years first.
    .sort((a, b) => Math.abs(a.members - 30) - Math.abs(b.members - 30) || b.year - a.year);
  // Half boards of a closed year (ranking, leading unit, the members' grants: every fetch of the plan),
  // half of the year in progress (open or signed pledges), then whatever else there is.
  const closed = boards.filter((board) => board.status === 'CLOSED').slice(0, 4);
  const current = boards
    .filter((board) => board.status !== 'CLOSED' && board.status !== 'DRAFT')
    .slice(0, 8 - closed.length);
  const boardPicks = [...closed, ...current];
  for (const board of boards) if (boardPicks.length < 8 && !boardPicks.includes(board)) boardPicks.push(board);

  // The blocs with the most members, for statistics over 10 years.
  const bigBlocs = await query<{ code: string; members: string }>(
    organizations,
    `SELECT b.code, max(n)::text AS members FROM organizations.bloc b
       JOIN (SELECT bloc_id, year, count(*) AS n FROM organizations.bloc_membership GROUP BY bloc_id, year) m ON m.bloc_id = b.id
      WHERE NOT starts_with(b.code, $1)
      GROUP BY b.code ORDER BY max(n) DESC, b.code LIMIT 3`,
    [BOARD_PREFIX],
  );
  const [grantYears] = await query<{ max: number | null; grants: string }>(
    databaseUrls.awards,
    `SELECT max(year) AS max, count(*)::text AS grants FROM awards.award_grant WHERE revoked_on IS NULL`,
  );
  const yearTo = grantYears?.max ?? now.getUTCFullYear() - 1;
  const yearFrom = yearTo - 9;

  // Persons with several grants, among those with annual ratings. On a big ledger a 1 % sample of it
  // is enough (and keeps this a second, not a full scan of millions of grants).
  const big = Number(grantYears?.grants ?? 0) > 1_000_000;
  const granted = await query<{ person_id: string; grants: string }>(
    databaseUrls.awards,
    `SELECT person_id, count(*)::text AS grants FROM awards.award_grant ${big ? 'TABLESAMPLE SYSTEM (1) REPEATABLE (6)' : ''}
      WHERE person_id IS NOT NULL AND revoked_on IS NULL GROUP BY person_id ORDER BY count(*) DESC, person_id LIMIT 2000`,
  );
  let persons = granted.length
    ? await query<{ id: string; last_year: number }>(
        organizations,
        `SELECT person_id AS id, max(year) AS last_year FROM organizations.annual_rating WHERE person_id = ANY($1::uuid[])
          GROUP BY person_id ORDER BY count(*) DESC, person_id LIMIT 50`,
        [granted.map((row) => row.person_id)],
      )
    : [];
  if (persons.length === 0) {
    notes.push('No person has both grants and annual ratings: PersonRecord uses persons with ratings only.');
    persons = await query<{ id: string; last_year: number }>(
      organizations,
      `SELECT person_id AS id, max(year) AS last_year FROM organizations.annual_rating GROUP BY person_id ORDER BY count(*) DESC, person_id LIMIT 50`,
    );
  }
  if (persons.length === 0) {
    persons = await query<{ id: string; last_year: number }>(
      organizations,
      `SELECT id, ${now.getUTCFullYear() - 1} AS last_year FROM organizations.person ORDER BY id LIMIT 50`,
    );
  }

  const scenarios: Scenario[] = [];
  if (boardPicks.length) {
    scenarios.push({
      name: 'BlocBoard',
      operation: 'BlocBoard',
      // The Central Board's view, the whole board: the public is not shown the bloc's progress.
      caller: 'central',
      variables: boardPicks.map((board) => ({ code: board.code, year: board.year })),
      description: boardPicks
        .map((board) => `${board.code} ${board.year} (${board.members} members, ${board.status})`)
        .join('; '),
    });
    // The members of those bloc-years: each has a membership, probably a signature, maybe grants.
    const members = await query<{ code: string; year: number }>(
      organizations,
      `SELECT o.code, m.year FROM organizations.bloc_membership m JOIN organizations.organization o ON o.id = m.organization_id
        WHERE (m.bloc_id, m.year) IN (SELECT * FROM unnest($1::uuid[], $2::int[])) ORDER BY m.year DESC, o.code LIMIT 40`,
      [boardPicks.map((board) => board.bloc_id), boardPicks.map((board) => board.year)],
    );
    scenarios.push({
      name: 'OrganizationProfile',
      operation: 'OrganizationProfile',
      caller: 'public',
      variables: members.map((member) => ({ code: member.code, year: member.year })),
      description: `${members.length} members of those bloc-years, in their year`,
    });
  } else {
    notes.push('No pledge in the data: BlocBoard and OrganizationProfile are not measured.');
  }
  if (persons.length) {
    const awardTypes = ['CSTD_CO_SO', 'BANG_KHEN_TTG', 'CSTD_BO_TINH'];
    scenarios.push({
      name: 'PersonRecord',
      operation: 'PersonRecord',
      caller: 'central',
      variables: persons.map((person, index) => ({
        id: person.id,
        awardTypeCode: awardTypes[index % awardTypes.length],
        year: person.last_year,
      })),
      description: `${persons.length} persons${granted.length ? ' with grants and ratings' : ''}; eligibility for ${awardTypes.join(' / ')} in their last rated year (CENTRAL_BOARD token)`,
    });
  }
  if (subtrees.length) {
    scenarios.push({
      name: 'AwardStatistics (ministry subtree)',
      operation: 'AwardStatistics',
      caller: 'public',
      variables: subtrees.map((subtree) => ({ filter: { organizationCode: subtree.code, yearFrom, yearTo } })),
      description: `${subtrees.map((subtree) => `${subtree.code} (${subtree.units} units)`).join(', ')}; ${yearFrom}–${yearTo}; ${grantYears?.grants ?? 0} grants in the ledger`,
    });
  }
  if (bigBlocs.length) {
    scenarios.push({
      name: 'AwardStatistics (bloc)',
      operation: 'AwardStatistics',
      caller: 'public',
      variables: bigBlocs.map((bloc) => ({ filter: { blocCode: bloc.code, yearFrom, yearTo } })),
      description: `${bigBlocs.map((bloc) => `${bloc.code} (up to ${bloc.members} members)`).join(', ')}; ${yearFrom}–${yearTo}`,
    });
  }
  scenarios.push({
    name: 'SearchOrganizations',
    operation: 'SearchOrganizations',
    caller: 'public',
    variables: SEARCH_TERMS.map((search) => ({ search, first: 20 })),
    description: `first 20 of "${SEARCH_TERMS.join('", "')}"`,
  });

  // Writes for the mixed workload: progress reports on the latest open or signed pledge.
  let write: WriteTarget | null = null;
  const writable = boards
    .filter((board) => board.status === 'OPEN' || board.status === 'SIGNED')
    .sort((a, b) => b.year - a.year)[0];
  if (writable) {
    const items = await query<{ code: string }>(
      databaseUrls.campaigns,
      `SELECT code FROM campaigns.pledge_item WHERE pledge_id = $1 ORDER BY position`,
      [writable.id],
    );
    const members = await query<{ code: string }>(
      organizations,
      `SELECT o.code FROM organizations.bloc_membership m JOIN organizations.organization o ON o.id = m.organization_id
        WHERE m.bloc_id = $1 AND m.year = $2 ORDER BY o.code`,
      [writable.bloc_id, writable.year],
    );
    const periods = [
      `${writable.year}-Q1`,
      `${writable.year}-Q2`,
      `${writable.year}-Q3`,
      `${writable.year}-Q4`,
      `${writable.year}`,
    ];
    write = {
      pledgeId: writable.id,
      blocCode: writable.code,
      year: writable.year,
      combinations: members.flatMap((member) =>
        items.flatMap((item) =>
          periods.map((period) => ({ organizationCode: member.code, itemCode: item.code, period })),
        ),
      ),
    };
  } else {
    notes.push('No open or signed pledge: the mixed workload has no writes.');
  }
  return { scenarios, write, notes };
}

/** Removes what the mixed workload wrote (progress reports and idempotency keys of the bench's callers). */
export async function removeBenchWrites(
  databaseUrls: Record<SubgraphName, string>,
  subjectPrefix: string,
): Promise<number> {
  const removed = await query<{ count: string }>(
    databaseUrls.campaigns,
    `WITH gone AS (DELETE FROM campaigns.progress_report WHERE reported_by LIKE $1 RETURNING 1) SELECT count(*)::text AS count FROM gone`,
    [`${subjectPrefix}%`],
  );
  await query(databaseUrls.campaigns, `DELETE FROM campaigns.idempotency_key WHERE subject LIKE $1`, [
    `${subjectPrefix}%`,
  ]).catch(() => undefined);
  return Number(removed[0]?.count ?? 0);
}
