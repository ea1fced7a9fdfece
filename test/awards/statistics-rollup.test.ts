/**
 * AwardStatistics from the rollups (awards migration 1765000000000): the counts follow every write of
 * the ledger (import, revocation, a decision issued, direct updates and deletes, concurrent imports) and
 * every change of the organization tree, the two rollups equal a GROUP BY over the ledger after a random
 * sequence of writes, and the SQL cost of a statistic does not depend on the size of the subtree or bloc.
 */
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { createTestPerson, dataOf } from '../support/stack';

let stack: InProcessStack;
let board: string;
const persons: { id: string; unit: string }[] = [];
let decisionNumber = 0;

const gql = (query: string, variables: Record<string, unknown> = {}) => stack.gql(query, variables, { token: board });
const awardsDb = () => stack.subgraphs.awards.database.dataSource;

async function createOrganization(code: string, parentCode: string, kind = 'DEPARTMENT'): Promise<void> {
  dataOf(
    await gql(contractOperation('CreateOrganization'), { input: { code, name: `Đơn vị ${code}`, kind, parentCode } }),
  );
}

async function createPerson(fullName: string, unit: string, gender: 'MALE' | 'FEMALE'): Promise<string> {
  const response = await gql(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`, {
    input: { fullName, gender, birthYear: 1980, ethnicity: 'Kinh', organizationCode: unit, isDirectWorker: false },
  });
  return dataOf(response).createPerson.id;
}

interface ImportRow {
  personId?: string;
  organizationCode?: string;
  awardTypeCode: string;
  year: number;
  basis?: string;
}

async function importGrants(rows: ImportRow[]): Promise<{ imported: number; skipped: number }> {
  const grants = rows.map((row) => {
    decisionNumber += 1;
    return {
      basis: 'MERIT',
      decisionNumber: `${decisionNumber}/QĐ-TK`,
      issuedOn: `${row.year + 1}-01-15`,
      // The Vụ decides the base-level titles (Luật TĐKT 2022, Điều 80 khoản 1), the ministry its Bằng
      // khen (Điều 74): the import checks the issuer's power.
      issuerCode: row.awardTypeCode === 'BANG_KHEN_BO_TINH' ? 'BTP' : 'TK_VU',
      ...row,
    };
  });
  const result = dataOf(await gql(contractOperation('ImportGrants'), { input: { grants } })).importGrants;
  expect(result.errors).toEqual([]);
  return result;
}

/**
 * The statistic, and the SQL statements it cost in each subgraph: those of the gateway's fetches
 * (x-tdkt-stats) and, for organizations, also those of the awards subgraph's own calls to it (its counter).
 */
async function statistics(filter: Record<string, unknown>): Promise<{ data: any; sql: Record<string, number> }> {
  const organizationsBefore = stack.subgraphs.organizations.database.sql.total;
  const response = await stack.gql(
    contractOperation('AwardStatistics'),
    { filter },
    { token: board, headers: { 'x-tdkt-stats': '1' } },
  );
  const sql = {
    ...response.body.extensions!['stats'].sqlStatements,
    organizations: stack.subgraphs.organizations.database.sql.total - organizationsBefore,
  };
  return { data: dataOf(response).awardStatistics, sql };
}

const total = async (organizationCode: string, extra: Record<string, unknown> = {}) =>
  (await statistics({ organizationCode, ...extra })).data.total as number;

/** A moved unit shows within about a second (the awards subgraph reads the tree log at most once a second). */
async function eventually(code: string, expected: number): Promise<void> {
  const deadline = Date.now() + 5_000;
  let seen = await total(code);
  while (seen !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen = await total(code);
  }
  expect([code, seen]).toEqual([code, expected]);
}

/** A small deterministic generator (mulberry32): the same "random" sequence on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
  };
}

beforeAll(async () => {
  stack = await startInProcess();
  board = await stack.token('CENTRAL_BOARD');
  await createOrganization('TK_VU', 'BTP');
  await createOrganization('TK_PHONG_1', 'TK_VU');
  await createOrganization('TK_PHONG_2', 'TK_VU');
  await createOrganization('TK_SO_HN', 'HN');
  for (const [index, unit] of ['TK_VU', 'TK_PHONG_1', 'TK_PHONG_1', 'TK_PHONG_2', 'TK_PHONG_2', 'TK_SO_HN'].entries()) {
    persons.push({ id: await createPerson(`Cán bộ thống kê ${index + 1}`, unit, index % 2 ? 'MALE' : 'FEMALE'), unit });
  }
});
afterAll(() => stack?.stop());

it('counts a grant once imported, not once revoked, and again when a decision is issued', async () => {
  const before = {
    btp: await total('BTP'),
    vu: await total('TK_VU'),
    phong1: await total('TK_PHONG_1'),
    cp: await total('CP'),
  };
  expect(before).toEqual({ btp: 0, vu: 0, phong1: 0, cp: 0 });

  await importGrants([
    { personId: persons[1]!.id, awardTypeCode: 'LDTT', year: 2024 },
    { personId: persons[2]!.id, awardTypeCode: 'LDTT', year: 2024 },
    { organizationCode: 'TK_PHONG_2', awardTypeCode: 'TTLD_TIEN_TIEN', year: 2024 },
  ]);
  const vu = (await statistics({ organizationCode: 'TK_VU', yearFrom: 2024, yearTo: 2024 })).data;
  expect(vu.total).toBe(3);
  expect(vu.byAwardType.map((entry: any) => [entry.awardType.code, entry.count])).toEqual([
    ['LDTT', 2],
    ['TTLD_TIEN_TIEN', 1],
  ]);
  expect(vu.bySubjectKind).toEqual(
    expect.arrayContaining([
      { subjectKind: 'PERSON', count: 2 },
      { subjectKind: 'COLLECTIVE', count: 1 },
    ]),
  );
  expect(vu.byGender.sort((a: any, b: any) => a.gender.localeCompare(b.gender))).toEqual([
    { gender: 'FEMALE', count: 1 },
    { gender: 'MALE', count: 1 },
  ]);
  expect(await total('TK_PHONG_1')).toBe(2);
  expect(await total('BTP')).toBe(3);
  expect(await total('CP')).toBe(3);
  expect(await total('HN')).toBe(0);

  const [grant] = await awardsDb().query(`SELECT id FROM award_grant WHERE person_id = $1`, [persons[1]!.id]);
  dataOf(
    await gql(`mutation($input: RevokeGrantInput!) { revokeGrant(input: $input) { revokedOn } }`, {
      input: { grantId: grant.id, revokedOn: '2025-06-01', reason: 'Hồ sơ không đúng' },
    }),
  );
  expect(await total('TK_PHONG_1')).toBe(1);
  expect(await total('BTP')).toBe(2);

  // A decision issued at the end of the nomination workflow (Bằng khen TTg, Prime Minister).
  const candidate = await createTestPerson(stack, 'Ngô Thị Thu', 'TK_PHONG_1');
  for (let year = 2018; year <= 2024; year += 1) {
    dataOf(
      await gql(contractOperation('RecordAnnualRating'), {
        input: { personId: candidate, year, rating: year % 2 ? 'EXCELLENT' : 'GOOD' },
      }),
    );
  }
  await importGrants([
    { personId: candidate, awardTypeCode: 'BANG_KHEN_BO_TINH', year: 2018 },
    ...[2020, 2022, 2024].map((year) => ({ personId: candidate, awardTypeCode: 'CSTD_CO_SO', year })),
  ]);
  const merit = { organizationCode: 'TK_VU', category: 'CERTIFICATE_OF_MERIT' };
  expect((await statistics(merit)).data.byAwardType.map((entry: any) => [entry.awardType.code, entry.count])).toEqual([
    ['BANG_KHEN_BO_TINH', 1],
  ]);
  const nomination = dataOf(
    await gql(contractOperation('CreateNomination'), {
      input: { awardTypeCode: 'BANG_KHEN_TTG', personId: candidate, year: 2024, basis: 'MERIT', proposedByCode: 'BTP' },
    }),
  ).createNomination;
  dataOf(await gql(contractOperation('SubmitNomination'), { id: nomination.id }));
  dataOf(
    await gql(contractOperation('RecordCouncilVote'), {
      input: { nominationId: nomination.id, membersTotal: 15, yes: 12, no: 3, abstain: 0, votedOn: '2025-03-01' },
    }),
  );
  dataOf(
    await gql(contractOperation('IssueDecision'), {
      input: { number: '7/QĐ-TTg', issuedOn: '2025-04-01', issuerCode: 'CP', nominationIds: [nomination.id] },
    }),
  );
  const after = (await statistics(merit)).data;
  expect(after.byAwardType.map((entry: any) => [entry.awardType.code, entry.count])).toEqual([
    ['BANG_KHEN_BO_TINH', 1],
    ['BANG_KHEN_TTG', 1],
  ]);
  expect(after.total).toBe(2);
  expect(
    (await statistics({ organizationCode: 'CP', basis: 'MERIT', yearFrom: 2024, yearTo: 2024 })).data.byAwardType.find(
      (entry: any) => entry.awardType.code === 'BANG_KHEN_TTG',
    ).count,
  ).toBe(1);
});

it('moves a unit’s counts with it when the unit changes parent, within about a second', async () => {
  const before = {
    vu: await total('TK_VU'),
    btp: await total('BTP'),
    hn: await total('HN'),
    so: await total('TK_SO_HN'),
    phong2: await total('TK_PHONG_2'),
  };
  expect(before.phong2).toBe(1);
  dataOf(
    await gql(`mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { code } }`, {
      input: { code: 'TK_PHONG_2', parentCode: 'TK_SO_HN' },
    }),
  );
  await eventually('TK_VU', before.vu - 1);
  expect(await total('BTP')).toBe(before.btp - 1);
  expect(await total('TK_SO_HN')).toBe(before.so + 1);
  expect(await total('HN')).toBe(before.hn + 1);
  expect(await total('TK_PHONG_2')).toBe(1);
  // And back, so the rest of the file sees the first tree.
  dataOf(
    await gql(`mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { code } }`, {
      input: { code: 'TK_PHONG_2', parentCode: 'TK_VU' },
    }),
  );
  await eventually('TK_VU', before.vu);
  expect(await total('HN')).toBe(before.hn);
});

/** The two rollups as the triggers keep them, and as a GROUP BY over the ledger (with today's tree) says they should be. */
async function rollupsAndExpectations(): Promise<{
  unit: string[];
  expectedUnit: string[];
  subtree: string[];
  expectedSubtree: string[];
}> {
  await total('CP'); // applies pending tree changes, as every statistic does
  await awardsDb().query(`SELECT awards.compact_award_rollups()`);
  expect(await awardsDb().query(`SELECT count(*)::int AS n FROM award_grant_rollup_pending`)).toEqual([{ n: 0 }]);
  const keyOf = (row: any) => `${row.year}|${row.award_type_code}|${row.subject_kind}|${row.basis}|${row.gender}`;
  const unit: any[] = await awardsDb().query(
    `SELECT organization_id, year, award_type_code, subject_kind, basis, gender, count FROM award_grant_rollup`,
  );
  const subtree: any[] = await awardsDb().query(
    `SELECT ancestor_id, year, award_type_code, subject_kind, basis, gender, count FROM award_grant_subtree_rollup`,
  );
  const ledger: any[] = await awardsDb().query(
    `SELECT recipient_unit_id AS organization_id, year, award_type_code, CASE WHEN person_id IS NULL THEN 'COLLECTIVE' ELSE 'PERSON' END AS subject_kind, basis,
            CASE WHEN person_id IS NULL THEN 'NONE' ELSE coalesce(recipient_gender, 'UNKNOWN') END AS gender, count(*)::int AS count
       FROM award_grant WHERE revoked_on IS NULL GROUP BY 1, 2, 3, 4, 5, 6`,
  );
  const chains: { origin: string; ancestors: string[] }[] =
    await stack.subgraphs.organizations.database.dataSource.query(
      `WITH RECURSIVE up(origin, ancestor) AS (
       SELECT id, parent_id FROM organization WHERE parent_id IS NOT NULL
       UNION ALL SELECT up.origin, o.parent_id FROM up JOIN organization o ON o.id = up.ancestor WHERE o.parent_id IS NOT NULL)
     SELECT origin, array_agg(ancestor) AS ancestors FROM up GROUP BY origin`,
    );
  const ancestorsOf = new Map(chains.map((chain) => [chain.origin, chain.ancestors]));
  const expectedSubtree = new Map<string, number>();
  for (const row of ledger) {
    for (const node of [row.organization_id, ...(ancestorsOf.get(row.organization_id) ?? [])]) {
      const key = `${node}|${keyOf(row)}`;
      expectedSubtree.set(key, (expectedSubtree.get(key) ?? 0) + row.count);
    }
  }
  return {
    unit: unit.map((row) => `${row.organization_id}|${keyOf(row)}=${row.count}`).sort(),
    expectedUnit: ledger.map((row) => `${row.organization_id}|${keyOf(row)}=${row.count}`).sort(),
    subtree: subtree.map((row) => `${row.ancestor_id}|${keyOf(row)}=${row.count}`).sort(),
    expectedSubtree: [...expectedSubtree].map(([key, count]) => `${key}=${count}`).sort(),
  };
}

it('keeps both rollups equal to a GROUP BY over the ledger after a random sequence of writes and tree changes', async () => {
  process.env['AWARDS_TREE_CHECK_MS'] = '0'; // every statistic reads the tree log: the moves apply at once
  const rng = random(20250601);
  const units = ['TK_VU', 'TK_PHONG_1', 'TK_PHONG_2', 'TK_SO_HN'];
  const personTypes = ['LDTT', 'CSTD_CO_SO', 'GIAY_KHEN', 'BANG_KHEN_BO_TINH'];
  const collectiveTypes = ['TTLD_TIEN_TIEN', 'GIAY_KHEN', 'BANG_KHEN_BO_TINH'];
  const bases = ['MERIT', 'THEMATIC', 'AD_HOC'];
  const randomRow = (): ImportRow =>
    rng.next() < 0.7
      ? {
          personId: rng.pick(persons).id,
          awardTypeCode: rng.pick(personTypes),
          year: rng.int(2018, 2024),
          basis: rng.pick(bases),
        }
      : {
          organizationCode: rng.pick(units),
          awardTypeCode: rng.pick(collectiveTypes),
          year: rng.int(2018, 2024),
          basis: rng.pick(bases),
        };
  const tolerate = (promise: Promise<unknown>) =>
    promise.catch((error: Error) => expect(error.message).toMatch(/award_grant_once|duplicate key/));
  const kinds = new Set<string>();

  for (let step = 0; step < 60; step += 1) {
    const choice = rng.next();
    if (choice < 0.3) {
      kinds.add('import');
      await importGrants(Array.from({ length: rng.int(1, 6) }, randomRow));
    } else if (choice < 0.42) {
      kinds.add('revoke');
      const live: { id: string }[] = await awardsDb().query(
        `SELECT id FROM award_grant WHERE revoked_on IS NULL ORDER BY id`,
      );
      if (live.length) {
        dataOf(
          await gql(`mutation($input: RevokeGrantInput!) { revokeGrant(input: $input) { id } }`, {
            input: { grantId: rng.pick(live).id, revokedOn: '2026-01-05', reason: 'Kiểm tra ngẫu nhiên' },
          }),
        );
      }
    } else if (choice < 0.52) {
      kinds.add('update one');
      const [row] = await awardsDb().query(`SELECT id FROM award_grant ORDER BY md5(id::text || $1) LIMIT 1`, [
        String(step),
      ]);
      if (row)
        await tolerate(
          awardsDb().query(`UPDATE award_grant SET year = $2, basis = $3 WHERE id = $1`, [
            row.id,
            rng.int(2018, 2024),
            rng.pick(bases),
          ]),
        );
    } else if (choice < 0.6) {
      kinds.add('update many');
      await tolerate(
        awardsDb().query(`UPDATE award_grant SET basis = $1 WHERE year = $2`, [rng.pick(bases), rng.int(2018, 2024)]),
      );
    } else if (choice < 0.68) {
      kinds.add('unrevoke');
      const [row] = await awardsDb().query(
        `SELECT id FROM award_grant WHERE revoked_on IS NOT NULL ORDER BY md5(id::text || $1) LIMIT 1`,
        [String(step)],
      );
      if (row)
        await tolerate(
          awardsDb().query(`UPDATE award_grant SET revoked_on = NULL, revoke_reason = NULL WHERE id = $1`, [row.id]),
        );
    } else if (choice < 0.78) {
      kinds.add('delete');
      await awardsDb().query(
        `DELETE FROM award_grant WHERE id = (SELECT g.id FROM award_grant g WHERE NOT EXISTS (SELECT 1 FROM exemplar_grant e WHERE e.grant_id = g.id)
           AND g.nomination_id IS NULL ORDER BY md5(g.id::text || $1) LIMIT 1)`,
        [String(step)],
      );
    } else if (choice < 0.86) {
      kinds.add('move unit');
      const parent = rng.pick(['TK_VU', 'TK_SO_HN', 'HN', 'BTP']);
      dataOf(
        await gql(`mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { code } }`, {
          input: { code: 'TK_PHONG_1', parentCode: parent },
        }),
      );
      if (rng.next() < 0.5) await total('TK_VU'); // sometimes applied at once, sometimes with the next change
    } else if (choice < 0.93) {
      kinds.add('concurrent imports and a fold');
      await Promise.all([
        ...Array.from({ length: 6 }, () => importGrants(Array.from({ length: 3 }, randomRow))),
        awardsDb().query(`SELECT awards.compact_award_rollups()`),
      ]);
    } else {
      kinds.add('fold');
      await awardsDb().query(`SELECT awards.compact_award_rollups()`);
    }
  }
  expect(kinds.size).toBeGreaterThanOrEqual(8);
  // What a statistic says with changes still pending is what it says once they are folded.
  await importGrants([{ organizationCode: 'TK_PHONG_2', awardTypeCode: 'GIAY_KHEN', year: 2019, basis: 'AD_HOC' }]);
  const [live] = await awardsDb().query(`SELECT id FROM award_grant WHERE revoked_on IS NULL ORDER BY id LIMIT 1`);
  dataOf(
    await gql(`mutation($input: RevokeGrantInput!) { revokeGrant(input: $input) { id } }`, {
      input: { grantId: live.id, revokedOn: '2026-01-06', reason: 'Kiểm tra' },
    }),
  );
  const nodes = ['CP', 'BTP', 'HN', 'TK_VU', 'TK_PHONG_1', 'TK_SO_HN'];
  const sorted = (data: any) => ({
    ...data,
    bySubjectKind: [...data.bySubjectKind].sort((a, b) => a.subjectKind.localeCompare(b.subjectKind)),
    byGender: [...data.byGender].sort((a, b) => a.gender.localeCompare(b.gender)),
  });
  const answers = () =>
    Promise.all(nodes.map((code) => statistics({ organizationCode: code }).then((answer) => sorted(answer.data))));
  const pendingRows = (await awardsDb().query(`SELECT count(*)::int AS n FROM award_grant_rollup_pending`))[0].n;
  const unfolded = await answers();
  const state = await rollupsAndExpectations();
  expect(pendingRows).toBeGreaterThan(0);
  expect(await answers()).toEqual(unfolded);
  expect(state.unit.length).toBeGreaterThan(20);
  expect(state.unit).toEqual(state.expectedUnit);
  expect(state.subtree).toEqual(state.expectedSubtree);

  // A full recompute gives the same rows (what the bulk loader relies on).
  await awardsDb().query(`SELECT awards.rebuild_award_rollups()`);
  const rebuilt = await rollupsAndExpectations();
  expect(rebuilt.unit).toEqual(state.unit);
  expect(rebuilt.subtree).toEqual(state.subtree);
  delete process.env['AWARDS_TREE_CHECK_MS'];
}, 120_000);

it('answers AwardStatistics in as many SQL statements for 30 units or members as for 3', async () => {
  async function subtreeOf(code: string, size: number): Promise<string[]> {
    await createOrganization(code, 'BNV');
    const codes = Array.from({ length: size }, (_, index) => `${code}_${index + 1}`);
    for (const child of codes) await createOrganization(child, code);
    await importGrants(
      codes.map((child, index) => ({
        organizationCode: child,
        awardTypeCode: index % 2 ? 'GIAY_KHEN' : 'TTLD_TIEN_TIEN',
        year: 2020 + (index % 5),
      })),
    );
    return codes;
  }
  const small = await subtreeOf('TK_NHO', 3);
  const large = await subtreeOf('TK_LON', 30);
  for (const [code, members] of [
    ['TK_KHOI_NHO', small],
    ['TK_KHOI_LON', large],
  ] as const) {
    dataOf(
      await gql(contractOperation('CreateBloc'), {
        input: { code, name: `Khối ${code}`, kind: 'BLOC', organizerCode: 'BNV' },
      }),
    );
    for (const year of [2022, 2023, 2024]) {
      dataOf(
        await gql(contractOperation('SetBlocMembership'), {
          input: {
            blocCode: code,
            year,
            members: members.map((member, index) => ({
              organizationCode: member,
              role: index === 0 ? 'LEAD' : 'MEMBER',
            })),
          },
        }),
      );
    }
  }
  await statistics({ organizationCode: 'TK_NHO' }); // an unknown unit: the tree changes are applied at once

  process.env['AWARDS_TREE_CHECK_MS'] = '600000'; // no tree check falls inside the measured requests
  const nho = await statistics({ organizationCode: 'TK_NHO', yearFrom: 2016, yearTo: 2025 });
  const lon = await statistics({ organizationCode: 'TK_LON', yearFrom: 2016, yearTo: 2025 });
  expect(nho.data.total).toBe(3);
  expect(lon.data.total).toBe(30);
  expect(lon.sql).toEqual(nho.sql);
  expect(lon.sql['awards']).toBe(1);
  expect(lon.sql['organizations']).toBe(0); // a subtree is found in the copy of the tree: no call

  process.env['AWARDS_TREE_CHECK_MS'] = '0'; // members asked every time (no reuse), tree log read every time
  const blocSmall = await statistics({ blocCode: 'TK_KHOI_NHO', yearFrom: 2016, yearTo: 2025 });
  const blocLarge = await statistics({ blocCode: 'TK_KHOI_LON', yearFrom: 2016, yearTo: 2025 });
  // Members count in the years they were members (2022–2024): the grants of those years.
  expect(blocSmall.data.byYear).toEqual([{ year: 2022, count: 1 }]);
  expect(blocLarge.data.byYear).toEqual([2022, 2023, 2024].map((year) => ({ year, count: 6 })));
  expect(blocLarge.sql).toEqual(blocSmall.sql);
  expect(blocLarge.sql['awards']).toBe(1);
  expect(blocLarge.sql['organizations']).toBeGreaterThan(0);
  expect(blocLarge.sql['organizations']).toBeLessThanOrEqual(5);
  delete process.env['AWARDS_TREE_CHECK_MS'];
});

it('counts a unit inside another member of the same bloc-year once', async () => {
  dataOf(
    await gql(contractOperation('CreateBloc'), {
      input: { code: 'TK_KHOI_LONG', name: 'Khối lồng nhau', kind: 'BLOC', organizerCode: 'BNV' },
    }),
  );
  dataOf(
    await gql(contractOperation('SetBlocMembership'), {
      input: {
        blocCode: 'TK_KHOI_LONG',
        year: 2022,
        members: [
          { organizationCode: 'TK_LON', role: 'LEAD' },
          { organizationCode: 'TK_LON_3', role: 'MEMBER' },
          { organizationCode: 'TK_LON_8', role: 'MEMBER' },
        ],
      },
    }),
  );
  const nested = await statistics({ blocCode: 'TK_KHOI_LONG', yearFrom: 2022, yearTo: 2022 });
  const whole = await statistics({ organizationCode: 'TK_LON', yearFrom: 2022, yearTo: 2022 });
  expect(whole.data.total).toBe(6);
  expect(nested.data.total).toBe(6);
});
