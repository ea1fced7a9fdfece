/**
 * The world every cell of the matrix runs in, and the fresh fixtures a cell needs. Everything is
 * prepared through the gateway as the Central Board (or as the role the workflow needs), so a
 * fixture is exactly what an officer would have produced.
 */
import { randomUUID } from 'node:crypto';
import type { InProcessStack } from '../../support/in-process';
import { dataOf, type GraphQLResponse } from '../../support/stack';
import { CALLERS, type CallerKey } from './callers';

/** Yesterday (UTC): a date that no check calls "in the future", in any time zone it uses. */
export const RECENT_DAY = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
/** The pledge year of the fresh bloc-years (and the year the events happen). */
export const YEAR = Number(RECENT_DAY.slice(0, 4));
export const PREVIOUS_YEAR = YEAR - 1;

export interface CallerIdentity {
  subject: string | null;
  role: string | null;
  org: string | null;
}

export interface World {
  stack: InProcessStack;
  tokens: Record<CallerKey, string | undefined>;
  identities: Record<CallerKey, CallerIdentity>;
  /** A number never used before in this run (codes, names, decision numbers). */
  next(): number;
  call(
    caller: CallerKey,
    query: string,
    variables?: Record<string, unknown>,
    requestId?: string,
  ): Promise<GraphQLResponse>;
  /** As the Central Board; fails the test with the errors if the call is refused. */
  board<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** A read of the awards database for state that no query exposes (initiatives, nominations by person). */
  awardsCount(sql: string, params: unknown[]): Promise<number>;
  shared: SharedFixtures;
}

/** Fixtures read by the field rows (never changed by a cell). */
export interface SharedFixtures {
  personIn: { id: string; fullName: string };
  personOut: { id: string; fullName: string };
  movementCode: string;
  conferenceCode: string;
  higherConferenceCode: string;
  workingPledgeId: string;
  workingBlocCode: string;
  draftPledgeId: string;
  draftBlocCode: string;
  nominationId: string;
}

function decodeSubject(token: string): string {
  const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { sub?: string };
  return payload.sub ?? '';
}

export async function createWorld(stack: InProcessStack): Promise<World> {
  const tokens = {} as Record<CallerKey, string | undefined>;
  const identities = {} as Record<CallerKey, CallerIdentity>;
  for (const [key, caller] of Object.entries(CALLERS) as [CallerKey, (typeof CALLERS)[CallerKey]][]) {
    const token = caller.role ? await stack.token(caller.role, caller.org ?? undefined) : undefined;
    tokens[key] = token;
    identities[key] = { subject: token ? decodeSubject(token) : null, role: caller.role, org: caller.org };
  }
  let counter = 0;
  const world: World = {
    stack,
    tokens,
    identities,
    next: () => (counter += 1),
    call: (caller, query, variables = {}, requestId = `mx-${randomUUID()}`) =>
      stack.gql(query, variables, { token: tokens[caller], headers: { 'x-request-id': requestId } }),
    async board(query, variables = {}) {
      return dataOf(await stack.gql(query, variables, { token: tokens.board }));
    },
    async awardsCount(sql, params) {
      const [row] = (await stack.subgraphs.awards.database.dataSource.query(sql, params)) as { count: string }[];
      return Number(row?.count ?? 0);
    },
    shared: undefined as unknown as SharedFixtures,
  };
  world.shared = await createSharedFixtures(world);
  return world;
}

// ------------------------------------------------------------------ fresh fixtures (as the Central Board)

export async function freshPerson(
  world: World,
  organizationCode = 'DEMO_BTP_VU_TDKT',
  extra: Record<string, unknown> = {},
): Promise<{ id: string; fullName: string }> {
  // Zero-padded: a search for person 7 must not also find persons 70–79 (search matches word prefixes).
  const fullName = `Người Thử Ma Trận ${String(world.next()).padStart(6, '0')}`;
  const { createPerson } = await world.board(
    `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
    {
      input: {
        fullName,
        gender: 'FEMALE',
        birthYear: 1985,
        ethnicity: 'Kinh',
        organizationCode,
        position: 'Chuyên viên',
        isDirectWorker: false,
        ...extra,
      },
    },
  );
  return { id: createPerson.id, fullName };
}

export async function freshUnit(world: World, parentCode = 'BTP'): Promise<string> {
  const code = `MX_DV_${world.next()}`;
  await world.board(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, {
    input: { code, name: `Đơn vị thử nghiệm ${code}`, kind: 'DEPARTMENT', parentCode },
  });
  return code;
}

const SET_MEMBERS = `mutation($input: SetBlocMembershipInput!) { setBlocMembership(input: $input) { year } }`;

/** A bloc organized by Ban TĐKT TW: YEAR lead BCA (BTP, KTNN members); YEAR-1 lead KTNN. */
export async function freshBlocYear(world: World): Promise<{ blocCode: string; year: number }> {
  const blocCode = `MX_KHOI_${world.next()}`;
  await world.board(`mutation($input: CreateBlocInput!) { createBloc(input: $input) { id } }`, {
    input: { code: blocCode, name: `Khối thi đua thử nghiệm ${blocCode}`, kind: 'BLOC', organizerCode: 'BTDKTTW' },
  });
  await world.board(SET_MEMBERS, {
    input: {
      blocCode,
      year: YEAR,
      members: [
        { organizationCode: 'BCA', role: 'LEAD' },
        { organizationCode: 'BTP', role: 'MEMBER' },
        { organizationCode: 'KTNN', role: 'MEMBER' },
      ],
    },
  });
  await world.board(SET_MEMBERS, {
    input: {
      blocCode,
      year: PREVIOUS_YEAR,
      members: [
        { organizationCode: 'KTNN', role: 'LEAD' },
        { organizationCode: 'BCA', role: 'MEMBER' },
        { organizationCode: 'BTP', role: 'MEMBER' },
      ],
    },
  });
  return { blocCode, year: YEAR };
}

export const PLEDGE_MEMBERS = ['BCA', 'BTP', 'KTNN'] as const;
export const PLEDGE_ITEMS = [{ code: '1', title: 'Hoàn thành xuất sắc nhiệm vụ được giao', maxScore: 10 }];

export type PledgeStage = 'DRAFT' | 'OPEN' | 'SELF' | 'CROSS' | 'VERIFIED_ALL' | 'CLOSED';
const STAGE_ORDER: PledgeStage[] = ['DRAFT', 'OPEN', 'SELF', 'CROSS', 'VERIFIED_ALL', 'CLOSED'];

const SCORE = `mutation($input: SubmitScorecardInput!) { submitScorecard(input: $input) { stage } }`;
const scoreInput = (pledgeId: string, organizationCode: string, stage: string) => ({
  input: { pledgeId, organizationCode, stage, scores: [{ itemCode: '1', points: 8 }] },
});

/**
 * A pledge of a fresh bloc-year, brought to a stage by the Central Board: SELF and CROSS leave BTP's
 * cards at that stage; VERIFIED_ALL means every member signed and has a verified card.
 */
export async function freshPledge(
  world: World,
  stage: PledgeStage,
): Promise<{ pledgeId: string; blocCode: string; year: number }> {
  const { blocCode, year } = await freshBlocYear(world);
  const reached = (s: PledgeStage) => STAGE_ORDER.indexOf(stage) >= STAGE_ORDER.indexOf(s);
  const { createPledge } = await world.board(
    `mutation($input: CreatePledgeInput!) { createPledge(input: $input) { id } }`,
    {
      input: { blocCode, year, theme: 'Đoàn kết, kỷ cương, sáng tạo (thử nghiệm)', items: PLEDGE_ITEMS, bonusCap: 0 },
    },
  );
  const pledgeId = createPledge.id as string;
  if (reached('OPEN')) await world.board(`mutation($id: ID!) { openPledge(id: $id) { status } }`, { id: pledgeId });
  if (stage === 'SELF' || stage === 'CROSS') {
    await world.board(SCORE, scoreInput(pledgeId, 'BTP', 'SELF'));
    if (stage === 'CROSS') await world.board(SCORE, scoreInput(pledgeId, 'BTP', 'CROSS'));
  }
  if (reached('VERIFIED_ALL')) {
    for (const code of PLEDGE_MEMBERS) {
      await world.board(`mutation($input: SignPledgeInput!) { signPledge(input: $input) { signedAt } }`, {
        input: { pledgeId, organizationCode: code },
      });
    }
    for (const code of PLEDGE_MEMBERS)
      for (const s of ['SELF', 'CROSS', 'VERIFIED']) await world.board(SCORE, scoreInput(pledgeId, code, s));
  }
  if (reached('CLOSED')) await world.board(`mutation($id: ID!) { closePledge(id: $id) { status } }`, { id: pledgeId });
  return { pledgeId, blocCode, year };
}

export type NominationStage = 'DRAFT' | 'SUBMITTED' | 'APPROVED';

export async function freshNomination(
  world: World,
  stage: NominationStage,
  options: { awardTypeCode?: string; proposedByCode?: string } = {},
): Promise<{ nominationId: string; personId: string }> {
  const person = await freshPerson(world);
  const { createNomination } = await world.board(
    `mutation($input: CreateNominationInput!) { createNomination(input: $input) { id } }`,
    {
      input: {
        awardTypeCode: options.awardTypeCode ?? 'BANG_KHEN_BO_TINH',
        personId: person.id,
        year: YEAR - 1,
        basis: 'MERIT',
        proposedByCode: options.proposedByCode ?? 'DEMO_BTP_VU_TDKT',
      },
    },
  );
  const nominationId = createNomination.id as string;
  if (stage !== 'DRAFT')
    await world.board(`mutation($id: ID!) { submitNomination(id: $id) { status } }`, { id: nominationId });
  if (stage === 'APPROVED') {
    await world.board(`mutation($input: RecordCouncilVoteInput!) { recordCouncilVote(input: $input) { passed } }`, {
      input: { nominationId, membersTotal: 10, yes: 10, no: 0, abstain: 0, votedOn: RECENT_DAY },
    });
  }
  return { nominationId, personId: person.id };
}

/** A legacy grant (imported) of a fresh person of DEMO_BTP_VU_TDKT, decided by BTP. */
export async function freshGrant(world: World): Promise<{ grantId: string; personId: string }> {
  const person = await freshPerson(world);
  await world.board(`mutation($input: ImportGrantsInput!) { importGrants(input: $input) { imported } }`, {
    input: {
      grants: [
        {
          personId: person.id,
          awardTypeCode: 'LDTT',
          year: 2022,
          basis: 'MERIT',
          decisionNumber: `${world.next()}/QĐ-BTP`,
          issuedOn: '2023-01-10',
          issuerCode: 'BTP',
        },
      ],
    },
  });
  const { person: read } = await world.board(`query($id: ID!) { person(id: $id) { grants { id } } }`, {
    id: person.id,
  });
  return { grantId: read.grants[0].id, personId: person.id };
}

/** A movement of BTP for its own subtree, open until the end of next year. */
export async function freshMovement(world: World): Promise<string> {
  const code = `MX_PT_${world.next()}`;
  await world.board(`mutation($input: CreateMovementInput!) { createMovement(input: $input) { id } }`, {
    input: {
      code,
      title: `Phong trào thi đua thử nghiệm ${code}`,
      organizationCode: 'BTP',
      launchLevel: 'MINISTRY_OR_PROVINCE',
      method: 'THEMATIC',
      scope: 'MINISTRY_OR_PROVINCE',
      startDate: `${YEAR}-01-01`,
      endDate: `${YEAR + 1}-12-31`,
    },
  });
  return code;
}

export async function freshRegistration(
  world: World,
  status: 'DRAFT' | 'SUBMITTED',
): Promise<{ movementCode: string; registrationId: string }> {
  const movementCode = await freshMovement(world);
  const { registerForMovement } = await world.board(
    `mutation($input: RegisterForMovementInput!) { registerForMovement(input: $input) { id } }`,
    {
      input: { movementCode, organizationCode: 'DEMO_BTP_VU_TDKT', status },
    },
  );
  return { movementCode, registrationId: registerForMovement.id };
}

export async function freshConference(
  world: World,
  options: { feedsIntoCode?: string; balanceFacets?: string[] } = {},
): Promise<string> {
  const code = `MX_HN_${world.next()}`;
  await world.board(`mutation($input: CreateConferenceInput!) { createConference(input: $input) { id } }`, {
    input: {
      code,
      title: `Hội nghị điển hình tiên tiến thử nghiệm ${code}`,
      kind: 'EXEMPLAR_CONFERENCE',
      level: 'MINISTRY_OR_PROVINCE',
      hostCode: 'BTP',
      periodFrom: 2025,
      periodTo: 2030,
      ...options,
    },
  });
  return code;
}

export const ADD_DELEGATES = `mutation($input: AddConferenceDelegatesInput!) { addConferenceDelegates(input: $input) { id } }`;

// ------------------------------------------------------------------ shared fixtures (read by field rows)

async function createSharedFixtures(world: World): Promise<SharedFixtures> {
  const personIn = await freshPerson(world, 'DEMO_BTP_VU_TDKT', {
    gender: 'FEMALE',
    birthYear: 1982,
    ethnicity: 'Mường',
    position: 'Chuyên viên chính',
    isDirectWorker: true,
  });
  const personOut = await freshPerson(world, 'HN', {
    gender: 'MALE',
    birthYear: 1976,
    ethnicity: 'Tày',
    position: 'Trưởng phòng',
    isDirectWorker: true,
  });
  for (const person of [personIn, personOut]) {
    for (const year of [2023, 2024]) {
      await world.board(`mutation($input: RecordAnnualRatingInput!) { recordAnnualRating(input: $input) { year } }`, {
        input: { personId: person.id, year, rating: 'EXCELLENT' },
      });
    }
  }
  await world.board(`mutation($input: ImportGrantsInput!) { importGrants(input: $input) { imported } }`, {
    input: {
      grants: [
        {
          personId: personIn.id,
          awardTypeCode: 'LDTT',
          year: 2023,
          basis: 'MERIT',
          decisionNumber: '1/QĐ-MX-BTP',
          issuedOn: '2024-01-10',
          issuerCode: 'BTP',
        },
        {
          personId: personOut.id,
          awardTypeCode: 'LDTT',
          year: 2023,
          basis: 'MERIT',
          decisionNumber: '1/QĐ-MX-HN',
          issuedOn: '2024-01-10',
          issuerCode: 'HN',
        },
      ],
    },
  });
  for (const [person, code] of [
    [personIn, 'BTP'],
    [personOut, 'HN'],
  ] as const) {
    await world.board(`mutation($input: RecordExemplarInput!) { recordExemplar(input: $input) { id } }`, {
      input: {
        personId: person.id,
        field: 'Cải cách hành chính',
        story: 'Điển hình trong cải cách hành chính (thử nghiệm).',
        recognizedByKind: 'ORGANIZATION',
        recognizedByCode: code,
        periodFrom: 2020,
        periodTo: 2024,
      },
    });
  }

  const movementCode = await freshMovement(world);
  const register = `mutation($input: RegisterForMovementInput!) { registerForMovement(input: $input) { id } }`;
  await world.board(register, {
    input: { movementCode, organizationCode: 'DEMO_BTP_VU_TDKT', personId: personIn.id, status: 'SUBMITTED' },
  });
  await world.board(register, {
    input: { movementCode, organizationCode: 'DEMO_BTP_VU_TDKT', status: 'DRAFT', note: 'Bản nháp, chưa gửi' },
  });

  const higherConferenceCode = `MX_DH_TOAN_QUOC_${world.next()}`;
  await world.board(`mutation($input: CreateConferenceInput!) { createConference(input: $input) { id } }`, {
    input: {
      code: higherConferenceCode,
      title: 'Đại hội thi đua yêu nước toàn quốc (thử nghiệm)',
      kind: 'PATRIOTIC_EMULATION_CONGRESS',
      level: 'NATIONAL',
      hostCode: 'BTDKTTW',
      periodFrom: 2025,
      periodTo: 2030,
    },
  });
  const conferenceCode = await freshConference(world, { balanceFacets: ['GENDER', 'ETHNICITY', 'AGE_BAND'] });
  await world.board(ADD_DELEGATES, {
    input: {
      conferenceCode,
      delegates: [
        { fullName: personIn.fullName, personId: personIn.id, category: 'EXEMPLAR' },
        { fullName: personOut.fullName, personId: personOut.id, category: 'EXEMPLAR' },
        {
          fullName: 'Vi Thị Đại Biểu',
          category: 'GOOD_DEED',
          sector: 'CULTURE_SOCIETY',
          gender: 'FEMALE',
          ethnicity: 'Thái',
          birthYear: 1999,
          isDirectWorker: true,
        },
      ],
    },
  });

  const working = await freshPledge(world, 'SELF');
  // The lead's reminders are working data too: one, so the matrix compares a list that is not empty.
  await world.board(`mutation($input: RemindPledgeMemberInput!) { remindPledgeMember(input: $input) { id } }`, {
    input: { pledgeId: working.pledgeId, organizationCode: 'BTP', kind: 'REPORT', period: `${YEAR}-H1` },
  });
  await world.board(
    `mutation($input: ReportPledgeProgressInput!) { reportPledgeProgress(input: $input) { revision } }`,
    {
      input: {
        pledgeId: working.pledgeId,
        organizationCode: 'BTP',
        itemCode: '1',
        period: `${YEAR}-Q1`,
        value: 25,
        note: 'Quý I',
      },
    },
  );
  const draft = await freshPledge(world, 'DRAFT');

  const { createNomination } = await world.board(
    `mutation($input: CreateNominationInput!) { createNomination(input: $input) { id } }`,
    {
      input: {
        awardTypeCode: 'BANG_KHEN_BO_TINH',
        personId: personIn.id,
        year: YEAR - 1,
        basis: 'MERIT',
        proposedByCode: 'DEMO_BTP_VU_TDKT',
      },
    },
  );

  return {
    personIn,
    personOut,
    movementCode,
    conferenceCode,
    higherConferenceCode,
    workingPledgeId: working.pledgeId,
    workingBlocCode: working.blocCode,
    draftPledgeId: draft.pledgeId,
    draftBlocCode: draft.blocCode,
    nominationId: createNomination.id,
  };
}
