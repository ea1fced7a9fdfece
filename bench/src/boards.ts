/**
 * The bench's own bloc-years: boards of a known size and shape, so the BlocBoard rows compare boards
 * that differ only in their number of members. Each is made through the gateway as the Central Board
 * would make it (createBloc, setBlocMembership, createPledge, openPledge, signPledge,
 * reportPledgeProgress, submitScorecard SELF → CROSS → VERIFIED, closePledge, recordBlocVote, and the
 * members' grants of the year by importGrants), so every row is exactly what the API writes.
 *
 * Shape per member: 6 items (4 with a target), a signature, 8 progress reports (the 4 measured items
 * in the first half-year and the whole year), three scorecards, a rank; every other member holds a
 * grant of that year (Bằng khen của Thủ tướng), the leading unit also the Government's emulation flag.
 * A 20-member board: 6 items, 20 signatures, 160 progress rows, 20 ranked, 10 with grants.
 *
 * Marked: bloc codes `BENCH_BOARD_<n>`, decision numbers `BENCH-…/QĐ-TTg`, written by the subject
 * `tdkt-bench:central`. Idempotent: a complete board left by an earlier run is used as it is; an
 * incomplete one (an interrupted run) is removed and made again. On a kept dataset the bench removes
 * them at the end (`removeBoards`), as it removes its progress reports.
 */
import pg from 'pg';
import type { SubgraphName } from './stack.js';

export const BOARD_PREFIX = 'BENCH_BOARD_';
const DECISION_PREFIX = 'BENCH-';
const ITEMS = [
  { code: '1', title: 'Thực hiện nhiệm vụ chính trị được giao', targetValue: 100, unit: '%', maxScore: 30 },
  { code: '2', title: 'Cải cách hành chính, chuyển đổi số', targetValue: 40, unit: 'thủ tục', maxScore: 20 },
  { code: '3', title: 'Phổ biến, giáo dục pháp luật', targetValue: 12, unit: 'hội nghị', maxScore: 15 },
  { code: '4', title: 'Phong trào thi đua, khen thưởng', targetValue: 6, unit: 'phong trào', maxScore: 15 },
  { code: '5', title: 'Xây dựng Đảng, đoàn thể', targetValue: null, unit: null, maxScore: 10 },
  { code: '6', title: 'Công tác phối hợp trong khối', targetValue: null, unit: null, maxScore: 10 },
];
/** Progress rows per member: the measured items × these periods (8 = 4 × 2). */
const periodsOf = (year: number) => [`${year}-H1`, `${year}`];

export interface Board {
  size: number;
  code: string;
  year: number;
  members: string[];
  /** Made by this run (false: found complete from an earlier one). */
  made: boolean;
}

export interface BoardContext {
  gatewayUrl: string;
  /** A Central Board token. */
  token: string;
  databaseUrls: Record<SubgraphName, string>;
  say(message: string): void;
}

/** Today's year in Việt Nam: the year the platform's own checks call "this year". */
export function vietnamYear(now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(now));
}

function vietnamToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

async function query<T>(url: string, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, application_name: 'tdkt-bench-boards' });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows as T[];
  } finally {
    await client.end();
  }
}

async function call<T = Record<string, unknown>>(
  context: BoardContext,
  document: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(context.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${context.token}` },
    body: JSON.stringify({ query: document, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; path?: unknown[] }[] };
  if (response.status !== 200 || body.errors?.length)
    throw new Error(
      `making the bench's boards: ${JSON.stringify(body.errors ?? body).slice(0, 600)} (HTTP ${response.status})`,
    );
  return body.data!;
}

interface Operation {
  field: string;
  inputType: string;
  selection: string;
  input: Record<string, unknown>;
}

const op = (field: string, selection: string, input: Record<string, unknown>): Operation => ({
  field,
  inputType: `${field[0]!.toUpperCase()}${field.slice(1)}Input`,
  selection,
  input,
});

/**
 * Mutations in groups: each group is one request of aliased fields, run in order (a GraphQL mutation
 * runs its fields one after the other); 4 groups in flight (their rows differ, so they never wait on
 * each other's locks). The gateway allows 30 aliases per request.
 */
async function batch(context: BoardContext, groups: Operation[][]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < groups.length) {
      const group = groups[next++]!;
      const document = `mutation(${group.map((entry, index) => `$i${index}: ${entry.inputType}!`).join(', ')}) { ${group
        .map((entry, index) => `m${index}: ${entry.field}(input: $i${index}) { ${entry.selection} }`)
        .join(' ')} }`;
      await call(context, document, Object.fromEntries(group.map((entry, index) => [`i${index}`, entry.input])));
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, groups.length) }, worker));
}

const chunked = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, index) => list.slice(index * size, (index + 1) * size));

/**
 * The members of each board: current provinces and central bodies, always the same ones, and no unit
 * in two of the bench's boards (so the boards are independent: made side by side, each with its own
 * grants).
 */
async function memberCodes(context: BoardContext, sizes: number[]): Promise<string[][]> {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const rows = await query<{ code: string }>(
    context.databaseUrls['organizations']!,
    `SELECT code FROM organizations.organization
      WHERE valid_to IS NULL AND kind IN ('PROVINCE', 'CENTRAL_CITY', 'MINISTRY', 'MINISTERIAL_AGENCY', 'GOVERNMENT_AGENCY',
                                          'COURT', 'PROCURACY', 'STATE_AUDIT', 'PARTY_OR_MASS_ORGANIZATION')
      ORDER BY CASE WHEN kind IN ('PROVINCE', 'CENTRAL_CITY') THEN 0 ELSE 1 END, code LIMIT $1`,
    [total],
  );
  if (rows.length < total)
    throw new Error(`the data has ${rows.length} current provinces and central bodies, the boards need ${total}`);
  let offset = 0;
  return sizes.map((size) => rows.slice(offset, (offset += size)).map((row) => row.code));
}

interface Found {
  status: string;
  members: number;
  signatures: number;
  progress: number;
  ranked: number;
  leading: boolean;
  grants: number;
}

/** What an earlier run left of a board (null: nothing). */
async function inspect(context: BoardContext, code: string, year: number): Promise<Found | null> {
  const data = await call<{
    bloc: {
      members: unknown[];
      pledge: {
        status: string;
        signatures: unknown[];
        progress: unknown[] | null;
        ranking: { organization: { grants: unknown[] | null } }[];
        leadingUnit: unknown;
      } | null;
    } | null;
  }>(
    context,
    `query($code: String!, $year: Int!) { bloc(code: $code) { members(year: $year) { role }
       pledge(year: $year) { status signatures { signedAt } progress { period } leadingUnit { code }
         ranking { rank organization { grants(year: $year) { year } } } } } }`,
    { code, year },
  );
  if (!data.bloc) return null;
  const pledge = data.bloc.pledge;
  return {
    status: pledge?.status ?? 'NONE',
    members: data.bloc.members.length,
    signatures: pledge?.signatures.length ?? 0,
    progress: pledge?.progress?.length ?? 0,
    ranked: pledge?.ranking.length ?? 0,
    leading: !!pledge?.leadingUnit,
    grants: pledge?.ranking.filter((entry) => (entry.organization.grants?.length ?? 0) > 0).length ?? 0,
  };
}

const complete = (found: Found, size: number) =>
  found.status === 'CLOSED' &&
  found.members === size &&
  found.signatures === size &&
  found.progress === size * 8 &&
  found.ranked === size &&
  found.leading &&
  // Members of the other boards may hold grants of the year too (the boards share organizations).
  found.grants >= Math.ceil(size / 2);

async function make(context: BoardContext, size: number, year: number, members: string[]): Promise<void> {
  const code = `${BOARD_PREFIX}${size}`;
  // Both in one request, in this order (a mutation's fields run one after the other).
  await call(
    context,
    `mutation($bloc: CreateBlocInput!, $members: SetBlocMembershipInput!) {
       createBloc(input: $bloc) { id } setBlocMembership(input: $members) { year } }`,
    {
      bloc: {
        code,
        name: `Khối thi đua của công cụ đo tải (${size} thành viên)`,
        kind: 'BLOC',
        organizerCode: 'BTDKTTW',
      },
      members: {
        blocCode: code,
        year,
        members: members.map((member, index) => ({
          organizationCode: member,
          role: index === 0 ? 'LEAD' : index === 1 ? 'DEPUTY' : 'MEMBER',
        })),
      },
    },
  );
  const { createPledge } = await call<{ createPledge: { id: string } }>(
    context,
    `mutation($input: CreatePledgeInput!) { createPledge(input: $input) { id } }`,
    {
      input: {
        blocCode: code,
        year,
        theme: 'Đoàn kết, kỷ cương, đổi mới, sáng tạo (công cụ đo tải)',
        items: ITEMS,
        bonusCap: 5,
      },
    },
  );
  const pledgeId = createPledge.id;
  await call(context, `mutation($id: ID!) { openPledge(id: $id) { status } }`, { id: pledgeId });
  await batch(
    context,
    chunked(
      members.map((member) => op('signPledge', 'signedAt', { pledgeId, organizationCode: member })),
      10,
    ),
  );
  const measured = ITEMS.filter((item) => item.targetValue !== null);
  await batch(
    context,
    chunked(
      members.flatMap((member, index) =>
        measured.flatMap((item) =>
          periodsOf(year).map((period) =>
            op('reportPledgeProgress', 'period', {
              pledgeId,
              organizationCode: member,
              itemCode: item.code,
              period,
              value: Math.round(item.targetValue! * (period.endsWith('H1') ? 0.5 : 0.8 + (index % 5) * 0.05) * 10) / 10,
              note: 'Báo cáo của công cụ đo tải (bench)',
            }),
          ),
        ),
      ),
      10,
    ),
  );
  // Points from 70 % to 100 % of each item's maximum, spread over the members (a real ranking, few
  // ties). A member's three cards go in one request, SELF → CROSS → VERIFIED in that order.
  const share = (index: number, stage: number) => 0.7 + (((index * 7 + stage) % size) / Math.max(1, size - 1)) * 0.3;
  await batch(
    context,
    chunked(
      members.map((member, index) => ({ member, index })),
      8,
    ).map((group) =>
      ['SELF', 'CROSS', 'VERIFIED'].flatMap((stage, stageIndex) =>
        group.map(({ member, index }) =>
          op('submitScorecard', 'stage', {
            pledgeId,
            organizationCode: member,
            stage,
            scores: ITEMS.map((item) => ({
              itemCode: item.code,
              points: Math.round(item.maxScore * share(index, stageIndex) * 100) / 100,
            })),
            bonus: index % 3,
          }),
        ),
      ),
    ),
  );
  const { closePledge } = await call<{ closePledge: { ranking: { rank: number; organization: { code: string } }[] } }>(
    context,
    `mutation($id: ID!) { closePledge(id: $id) { ranking { rank organization { code } } } }`,
    { id: pledgeId },
  );
  const first = closePledge.ranking[0]!.organization.code;
  const today = vietnamToday();
  await call(context, `mutation($input: RecordBlocVoteInput!) { recordBlocVote(input: $input) { passed } }`, {
    input: { pledgeId, candidateOrganizationCode: first, yes: size, no: 0, abstain: 0, votedOn: today },
  });
  // Every other ranked member holds a grant of the year; the leading unit also the Government's flag.
  const holders = closePledge.ranking.filter((_, index) => index % 2 === 0).map((entry) => entry.organization.code);
  const grants = holders.map((organizationCode, index) => ({
    organizationCode,
    awardTypeCode: 'BANG_KHEN_TTG',
    year,
    decisionNumber: `${DECISION_PREFIX}${size}-${year}-${index + 1}/QĐ-TTg`,
    issuedOn: today,
    issuerCode: 'CP',
  }));
  grants.push({
    organizationCode: first,
    awardTypeCode: 'CO_THI_DUA_CP',
    year,
    decisionNumber: `${DECISION_PREFIX}${size}-${year}-CO/QĐ-TTg`,
    issuedOn: today,
    issuerCode: 'CP',
  });
  const { importGrants } = await call<{ importGrants: { imported: number; errors: unknown[] } }>(
    context,
    `mutation($input: ImportGrantsInput!) { importGrants(input: $input) { imported errors { row message } } }`,
    { input: { grants } },
  );
  if (importGrants.errors.length)
    throw new Error(
      `making the bench's boards: importGrants refused ${JSON.stringify(importGrants.errors).slice(0, 600)}`,
    );
}

/** The boards of these sizes for this year: found complete, or made now (side by side). */
export async function ensureBoards(context: BoardContext, sizes: number[], year = vietnamYear()): Promise<Board[]> {
  const memberLists = await memberCodes(context, sizes);
  return Promise.all(
    sizes.map(async (size, position): Promise<Board> => {
      const code = `${BOARD_PREFIX}${size}`;
      const members = memberLists[position]!;
      const found = await inspect(context, code, year);
      if (found && complete(found, size)) return { size, code, year, members, made: false };
      if (found) {
        context.say(`${code} ${year} is incomplete (an interrupted run?): removing it and making it again`);
        await removeBoards(context.databaseUrls, [code]);
      }
      const started = Date.now();
      await make(context, size, year, members);
      const made = await inspect(context, code, year);
      if (!made || !complete(made, size))
        throw new Error(`${code} ${year} was made but does not have the expected shape: ${JSON.stringify(made)}`);
      context.say(`made ${code} ${year} through the API in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return { size, code, year, members, made: true };
    }),
  );
}

/**
 * Removes the bench's boards (all, or these codes) from the three databases: the pledges and every
 * row under them, the blocs and their memberships, the grants and decisions the bench imported. The
 * audit log keeps its entries (append-only; their subject says they were the bench's). Returns the
 * number of rows removed.
 */
export async function removeBoards(databaseUrls: Record<SubgraphName, string>, codes?: string[]): Promise<number> {
  let removed = 0;
  const blocs = await query<{ id: string }>(
    databaseUrls['organizations']!,
    codes
      ? `SELECT id FROM organizations.bloc WHERE code = ANY($1::text[])`
      : `SELECT id FROM organizations.bloc WHERE starts_with(code, $1)`,
    [codes ?? BOARD_PREFIX],
  );
  const blocIds = blocs.map((bloc) => bloc.id);
  if (blocIds.length) {
    const campaigns = new pg.Client({ connectionString: databaseUrls['campaigns'], application_name: 'tdkt-bench' });
    await campaigns.connect();
    try {
      await campaigns.query('BEGIN');
      const { rows: pledges } = await campaigns.query<{ id: string }>(
        `SELECT id FROM campaigns.pledge WHERE bloc_id = ANY($1::uuid[])`,
        [blocIds],
      );
      const pledgeIds = pledges.map((pledge) => pledge.id);
      // Every table under a pledge, children first (the order of the foreign keys).
      for (const table of [
        'bloc_vote',
        'pledge_ranking',
        'scorecard_item',
        'scorecard',
        'progress_report',
        'pledge_signature',
        'pledge_item',
      ])
        removed += (
          await campaigns.query(`DELETE FROM campaigns.${table} WHERE pledge_id = ANY($1::uuid[])`, [pledgeIds])
        ).rowCount!;
      removed += (await campaigns.query(`DELETE FROM campaigns.pledge WHERE id = ANY($1::uuid[])`, [pledgeIds]))
        .rowCount!;
      await campaigns.query('COMMIT');
    } catch (error) {
      await campaigns.query('ROLLBACK');
      throw error;
    } finally {
      await campaigns.end();
    }
    const organizations = await query<{ count: string }>(
      databaseUrls['organizations']!,
      `WITH m AS (DELETE FROM organizations.bloc_membership WHERE bloc_id = ANY($1::uuid[]) RETURNING 1),
            b AS (DELETE FROM organizations.bloc WHERE id = ANY($1::uuid[]) RETURNING 1)
       SELECT ((SELECT count(*) FROM m) + (SELECT count(*) FROM b))::text AS count`,
      [blocIds],
    );
    removed += Number(organizations[0]?.count ?? 0);
  }
  const patterns = (codes ?? [BOARD_PREFIX]).map(
    (code) => `${DECISION_PREFIX}${code.slice(BOARD_PREFIX.length)}${codes ? '-' : ''}%`,
  );
  // Both in one statement: the foreign key is checked at its end, when the grants are gone too.
  const awards = await query<{ count: string }>(
    databaseUrls['awards']!,
    `WITH d AS (SELECT id FROM awards.decision WHERE number LIKE ANY($1::text[]) AND created_by LIKE 'tdkt-bench%'),
          g AS (DELETE FROM awards.award_grant WHERE decision_id IN (SELECT id FROM d) RETURNING 1),
          x AS (DELETE FROM awards.decision WHERE id IN (SELECT id FROM d) RETURNING 1)
     SELECT ((SELECT count(*) FROM g) + (SELECT count(*) FROM x))::text AS count`,
    [patterns],
  );
  removed += Number(awards[0]?.count ?? 0);
  return removed;
}
