/**
 * One row per contract mutation (plus variants where a scope rule needs its own cells). A row says how
 * to prepare a fresh fixture, how to call the mutation on it, how to read the state it changes (as the
 * Central Board, so a refused cell can prove nothing changed) and what each caller must get.
 *
 * Decisions where the contract is silent are marked `decision:` in a comment and listed in the
 * report; an expectation the code does not meet yet may carry `knownBug` (callers.ts `bug`).
 */
import { vietnamToday } from '@tdkt/subgraph-kit';
import type { GraphQLResponse } from '../../support/stack';
import { BLOC_LEAD, BLOC_MEMBER, UNIT_OFFICER, type CallerKey, type Expectations } from './callers';
import { BLOC_ADMIN_ROWS } from './admin-rows';
import { ROUTING_IMPORT_ROWS } from './routing-import-rows';
import {
  ADD_DELEGATES,
  RECENT_DAY,
  YEAR,
  freshBlocYear,
  freshConference,
  freshGrant,
  freshMovement,
  freshNomination,
  freshPerson,
  freshPledge,
  freshRegistration,
  freshUnit,
  type World,
} from './world';

export type Observed = 'allowed' | string;

export interface MutationRow<F = any> {
  /** The Mutation field (must exist in schema/supergraph.graphql). */
  operation: string;
  /** Distinguishes further rows of the same mutation. */
  variant?: string;
  prepare(world: World): Promise<F>;
  build(fixture: F, world: World, caller: CallerKey): { query: string; variables: Record<string, unknown> };
  /** The state the mutation changes, read as the Central Board. */
  state(fixture: F, world: World): Promise<unknown>;
  expect: Expectations;
  /** Audit shape: a creation has no `before`; an update has one. Unset: not asserted. */
  audit?: 'create' | 'update';
  /** Reads a refusal that the mutation reports in its data rather than as an error. */
  outcome?(response: GraphQLResponse): Observed | undefined;
}

const row = <F>(definition: MutationRow<F>): MutationRow<F> => definition;

/** Past years of NOI_CHINH_TW without members, one per fixture of the central-bloc row. */
let centralBlocYear = 2020;

// Decisions encoded below: CP is the issuer of the Prime Minister's decisions, not a unit whose TĐKT
// officer acts for every ministry; PM-level decisions are the Central Board's; a nomination is returned
// by the level above the proposing unit (the proposer may withdraw it); central blocs (organized by
// Ban TĐKT TW) and their memberships are the Central Board's.

// ------------------------------------------------------------------ organizations

const organizationRows: MutationRow[] = [
  row({
    operation: 'createOrganization',
    prepare: async (world) => ({ code: `MX_MOI_${world.next()}` }),
    build: ({ code }) => ({
      query: `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id code } }`,
      variables: { input: { code, name: `Phòng thử nghiệm ${code}`, kind: 'DEPARTMENT', parentCode: 'BTP' } },
    }),
    state: ({ code }, world) => world.board(`query($code: String!) { organization(code: $code) { id } }`, { code }),
    expect: { ...UNIT_OFFICER, childOfficer: 'FORBIDDEN' },
    audit: 'create',
  }),
  row({
    operation: 'createOrganization',
    variant: 'top-level unit (no parent)',
    prepare: async (world) => ({ code: `MX_GOC_${world.next()}` }),
    build: ({ code }) => ({
      query: `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id code } }`,
      variables: { input: { code, name: `Đơn vị gốc thử nghiệm ${code}`, kind: 'OTHER' } },
    }),
    state: ({ code }, world) => world.board(`query($code: String!) { organization(code: $code) { id } }`, { code }),
    expect: {
      public: 'UNAUTHENTICATED',
      viewerIn: 'FORBIDDEN',
      officerIn: 'FORBIDDEN',
      officerOut: 'FORBIDDEN',
      cpOfficer: 'FORBIDDEN',
      board: 'allowed',
    },
    audit: 'create',
  }),
  row({
    operation: 'updateOrganization',
    prepare: async (world) => ({ code: await freshUnit(world) }),
    build: ({ code }, world) => ({
      query: `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id version } }`,
      variables: { input: { code, name: `Phòng đã đổi tên ${world.next()}` } },
    }),
    state: ({ code }, world) =>
      world.board(`query($code: String!) { organization(code: $code) { name version } }`, { code }),
    expect: { ...UNIT_OFFICER, childOfficer: 'FORBIDDEN' },
    audit: 'update',
  }),
  row({
    // An officer never redefines its own organization (only units strictly below it).
    operation: 'updateOrganization',
    variant: 'the caller’s own unit (BTP)',
    prepare: async () => ({ code: 'BTP' }),
    build: ({ code }) => ({
      query: `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id version } }`,
      variables: { input: { code, shortName: 'Bộ Tư pháp' } },
    }),
    state: ({ code }, world) =>
      world.board(`query($code: String!) { organization(code: $code) { shortName version } }`, { code }),
    expect: { public: 'UNAUTHENTICATED', viewerIn: 'FORBIDDEN', officerIn: 'FORBIDDEN', board: 'allowed' },
    audit: 'update',
  }),
  row({
    operation: 'recordLineageEvent',
    prepare: async (world) => ({ a: await freshUnit(world), b: await freshUnit(world) }),
    build: ({ a, b }) => ({
      query: `mutation($input: RecordLineageEventInput!) { recordLineageEvent(input: $input) { id } }`,
      variables: {
        input: {
          kind: 'MERGE',
          effectiveDate: RECENT_DAY,
          legalBasis: 'Quyết định sắp xếp (thử nghiệm)',
          predecessorCodes: [a, b],
          successorCodes: [b],
        },
      },
    }),
    state: ({ a }, world) =>
      world.board(`query($code: String!) { organization(code: $code) { validTo lineage { id } } }`, { code: a }),
    expect: UNIT_OFFICER,
  }),
  row({
    // decision: an officer may set up a cluster organized by its own unit (e.g. a province's clusters).
    operation: 'createBloc',
    prepare: async (world) => ({ code: `MX_CUM_${world.next()}` }),
    build: ({ code }) => ({
      query: `mutation($input: CreateBlocInput!) { createBloc(input: $input) { id code } }`,
      variables: { input: { code, name: `Cụm thi đua thử nghiệm ${code}`, kind: 'CLUSTER', organizerCode: 'BTP' } },
    }),
    state: ({ code }, world) => world.board(`query($code: String!) { bloc(code: $code) { id } }`, { code }),
    expect: { ...UNIT_OFFICER, childOfficer: 'FORBIDDEN' },
    audit: 'create',
  }),
  row({
    operation: 'createBloc',
    variant: 'central bloc (organizer Ban TĐKT TW)',
    prepare: async (world) => ({ code: `MX_KHOI_TW_${world.next()}` }),
    build: ({ code }) => ({
      query: `mutation($input: CreateBlocInput!) { createBloc(input: $input) { id code } }`,
      variables: {
        input: { code, name: `Khối thi đua Trung ương thử nghiệm ${code}`, kind: 'BLOC', organizerCode: 'BTDKTTW' },
      },
    }),
    state: ({ code }, world) => world.board(`query($code: String!) { bloc(code: $code) { id } }`, { code }),
    expect: {
      public: 'UNAUTHENTICATED',
      officerIn: 'FORBIDDEN',
      bnvOfficer: 'FORBIDDEN',
      cpOfficer: 'FORBIDDEN',
      board: 'allowed',
    },
    audit: 'create',
  }),
  row({
    operation: 'setBlocMembership',
    prepare: async (world) => {
      const code = `MX_CUM_${world.next()}`;
      await world.board(`mutation($input: CreateBlocInput!) { createBloc(input: $input) { id } }`, {
        input: { code, name: `Cụm thi đua thử nghiệm ${code}`, kind: 'CLUSTER', organizerCode: 'BTP' },
      });
      return { code };
    },
    build: ({ code }) => ({
      query: `mutation($input: SetBlocMembershipInput!) { setBlocMembership(input: $input) { year role } }`,
      variables: {
        input: {
          blocCode: code,
          year: YEAR,
          members: [
            { organizationCode: 'BTP', role: 'LEAD' },
            { organizationCode: 'DEMO_BTP_VU_TDKT', role: 'MEMBER' },
          ],
        },
      },
    }),
    state: ({ code }, world) =>
      world.board(
        `query($code: String!, $year: Int!) { bloc(code: $code) { members(year: $year) { role organization { code } } } }`,
        { code, year: YEAR },
      ),
    expect: UNIT_OFFICER,
    audit: 'update',
  }),
  row({
    // A central bloc-year in the past, replaced by a list of units of the caller's own subtree.
    operation: 'setBlocMembership',
    variant: 'central bloc NOI_CHINH_TW',
    prepare: async () => ({ year: (centralBlocYear -= 1) }),
    build: ({ year }) => ({
      query: `mutation($input: SetBlocMembershipInput!) { setBlocMembership(input: $input) { year role } }`,
      variables: {
        input: { blocCode: 'NOI_CHINH_TW', year, members: [{ organizationCode: 'BTDKTTW', role: 'LEAD' }] },
      },
    }),
    state: ({ year }, world) =>
      world.board(
        `query($year: Int!) { bloc(code: "NOI_CHINH_TW") { members(year: $year) { role organization { code } } } }`,
        { year },
      ),
    expect: {
      public: 'UNAUTHENTICATED',
      officerIn: 'FORBIDDEN',
      leadOfficer: 'FORBIDDEN',
      bnvOfficer: 'FORBIDDEN',
      cpOfficer: 'FORBIDDEN',
      board: 'allowed',
    },
    audit: 'update',
  }),
  row({
    operation: 'createPerson',
    prepare: async (world) => ({ fullName: `Cán Bộ Mới Ma Trận ${world.next()}` }),
    build: ({ fullName }) => ({
      query: `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
      variables: {
        input: { fullName, gender: 'MALE', birthYear: 1990, ethnicity: 'Kinh', organizationCode: 'DEMO_BTP_VU_TDKT' },
      },
    }),
    state: ({ fullName }, world) =>
      world.board(`query($search: String!) { persons(filter: { search: $search }) { totalCount } }`, {
        search: fullName,
      }),
    expect: { ...UNIT_OFFICER, childOfficer: 'allowed' },
    audit: 'create',
  }),
  row({
    operation: 'recordAnnualRating',
    prepare: (world) => freshPerson(world),
    build: ({ id }) => ({
      query: `mutation($input: RecordAnnualRatingInput!) { recordAnnualRating(input: $input) { year rating } }`,
      variables: { input: { personId: id, year: 2024, rating: 'EXCELLENT' } },
    }),
    state: ({ id }, world) =>
      world.board(`query($id: ID!) { person(id: $id) { annualRatings { year rating } } }`, { id }),
    expect: { ...UNIT_OFFICER, childOfficer: 'allowed' },
  }),
];

// ------------------------------------------------------------------ campaigns

const PLEDGE_STATE = `query($id: ID!) { pledge(id: $id) { status theme schemeVersion signatures { organization { code } } scorecards { stage organization { code } totalScore }
  progressHistory { revision value organization { code } } ranking { rank } votes { id } } }`;
const pledgeState = ({ pledgeId }: { pledgeId: string }, world: World) => world.board(PLEDGE_STATE, { id: pledgeId });
/** What the lead's follow-up writes: the rotation, the bloc's deadlines, the reminders. */
const FOLLOW_UP_STATE = `query($id: ID!) { pledge(id: $id) { crossScoreShift deadlines { kind dueOn } reminders { id } } }`;
const followUpState = ({ pledgeId }: { pledgeId: string }, world: World) =>
  world.board(FOLLOW_UP_STATE, { id: pledgeId });

const scorecard = (stage: string) => (fixture: { pledgeId: string }) => ({
  query: `mutation($input: SubmitScorecardInput!) { submitScorecard(input: $input) { stage totalScore } }`,
  variables: {
    input: { pledgeId: fixture.pledgeId, organizationCode: 'BTP', stage, scores: [{ itemCode: '1', points: 7 }] },
  },
});

const REGISTRATIONS = `query($code: String!) { movement(code: $code) { registrations { id status } } }`;

const campaignRows: MutationRow[] = [
  row({
    operation: 'createMovement',
    prepare: async (world) => ({ code: `MX_PT_MOI_${world.next()}` }),
    build: ({ code }) => ({
      query: `mutation($input: CreateMovementInput!) { createMovement(input: $input) { id code } }`,
      variables: {
        input: {
          code,
          title: `Phong trào thi đua mới ${code}`,
          organizationCode: 'BTP',
          launchLevel: 'MINISTRY_OR_PROVINCE',
          method: 'THEMATIC',
          scope: 'MINISTRY_OR_PROVINCE',
          startDate: `${YEAR}-01-01`,
          endDate: `${YEAR}-12-31`,
        },
      },
    }),
    state: ({ code }, world) => world.board(`query($code: String!) { movement(code: $code) { id } }`, { code }),
    expect: { ...UNIT_OFFICER, childOfficer: 'FORBIDDEN' },
    audit: 'create',
  }),
  row({
    operation: 'registerForMovement',
    prepare: async (world) => ({ movementCode: await freshMovement(world) }),
    build: ({ movementCode }) => ({
      query: `mutation($input: RegisterForMovementInput!) { registerForMovement(input: $input) { id status } }`,
      variables: { input: { movementCode, organizationCode: 'DEMO_BTP_VU_TDKT' } },
    }),
    state: ({ movementCode }, world) => world.board(REGISTRATIONS, { code: movementCode }),
    expect: { ...UNIT_OFFICER, childOfficer: 'allowed' },
    audit: 'create',
  }),
  row({
    operation: 'submitRegistration',
    prepare: (world) => freshRegistration(world, 'DRAFT'),
    build: ({ registrationId }) => ({
      query: `mutation($id: ID!) { submitRegistration(id: $id) { id status } }`,
      variables: { id: registrationId },
    }),
    state: ({ movementCode }, world) => world.board(REGISTRATIONS, { code: movementCode }),
    expect: { ...UNIT_OFFICER, childOfficer: 'allowed' },
    audit: 'update',
  }),
  row({
    // The launcher reviews; the registering unit never approves its own registration.
    operation: 'reviewRegistration',
    prepare: (world) => freshRegistration(world, 'SUBMITTED'),
    build: ({ registrationId }) => ({
      query: `mutation($input: ReviewRegistrationInput!) { reviewRegistration(input: $input) { id status } }`,
      variables: { input: { registrationId, decision: 'APPROVED' } },
    }),
    state: ({ movementCode }, world) => world.board(REGISTRATIONS, { code: movementCode }),
    expect: { ...UNIT_OFFICER, childOfficer: 'FORBIDDEN' },
    audit: 'update',
  }),
  row({
    operation: 'createConference',
    prepare: async (world) => ({ code: `MX_HN_MOI_${world.next()}` }),
    build: ({ code }) => ({
      query: `mutation($input: CreateConferenceInput!) { createConference(input: $input) { id code } }`,
      variables: {
        input: {
          code,
          title: `Hội nghị điển hình tiên tiến ${code}`,
          kind: 'EXEMPLAR_CONFERENCE',
          level: 'MINISTRY_OR_PROVINCE',
          hostCode: 'BTP',
          periodFrom: 2025,
          periodTo: 2030,
        },
      },
    }),
    state: ({ code }, world) => world.board(`query($code: String!) { conference(code: $code) { id } }`, { code }),
    expect: { ...UNIT_OFFICER, childOfficer: 'FORBIDDEN' },
    audit: 'create',
  }),
  row({
    operation: 'addConferenceDelegates',
    prepare: async (world) => ({ code: await freshConference(world) }),
    build: ({ code }, world) => ({
      query: ADD_DELEGATES,
      variables: {
        input: {
          conferenceCode: code,
          delegates: [
            { fullName: `Đại Biểu Thử ${world.next()}`, category: 'EXEMPLAR', gender: 'FEMALE', birthYear: 1988 },
          ],
        },
      },
    }),
    state: ({ code }, world) =>
      world.board(`query($code: String!) { conference(code: $code) { delegates { fullName } } }`, { code }),
    expect: UNIT_OFFICER,
  }),
  row({
    operation: 'selectDelegatesForHigherConference',
    prepare: async (world) => {
      const code = await freshConference(world, { feedsIntoCode: world.shared.higherConferenceCode });
      await world.board(ADD_DELEGATES, {
        input: {
          conferenceCode: code,
          delegates: [
            { fullName: 'Nguyễn Thị Được Chọn', category: 'EMULATION_FIGHTER', gender: 'FEMALE', birthYear: 1987 },
          ],
        },
      });
      const { conference } = await world.board(
        `query($code: String!) { conference(code: $code) { delegates { id } } }`,
        { code },
      );
      return { code, delegateId: conference.delegates[0].id as string };
    },
    build: ({ code, delegateId }) => ({
      query: `mutation($input: SelectDelegatesForHigherConferenceInput!) { selectDelegatesForHigherConference(input: $input) { id } }`,
      variables: { input: { conferenceCode: code, delegateIds: [delegateId] } },
    }),
    state: ({ code }, world) =>
      world.board(`query($code: String!) { conference(code: $code) { delegates { id selectedFor { code } } } }`, {
        code,
      }),
    expect: UNIT_OFFICER,
  }),
  row({
    operation: 'createPledge',
    prepare: (world) => freshBlocYear(world),
    build: ({ blocCode, year }) => ({
      query: `mutation($input: CreatePledgeInput!) { createPledge(input: $input) { id status } }`,
      variables: {
        input: {
          blocCode,
          year,
          theme: 'Giao ước thi đua (thử nghiệm)',
          items: [{ code: '1', title: 'Hoàn thành nhiệm vụ', maxScore: 10 }],
        },
      },
    }),
    state: ({ blocCode, year }, world) =>
      world.board(`query($code: String!, $year: Int!) { bloc(code: $code) { pledge(year: $year) { id } } }`, {
        code: blocCode,
        year,
      }),
    expect: BLOC_LEAD,
    audit: 'create',
  }),
  row({
    operation: 'updatePledge',
    prepare: (world) => freshPledge(world, 'DRAFT'),
    build: ({ pledgeId }, world) => ({
      query: `mutation($input: UpdatePledgeInput!) { updatePledge(input: $input) { id schemeVersion } }`,
      variables: { input: { id: pledgeId, theme: `Chủ đề đã sửa ${world.next()}` } },
    }),
    state: pledgeState,
    expect: BLOC_LEAD,
    audit: 'update',
  }),
  row({
    operation: 'openPledge',
    prepare: (world) => freshPledge(world, 'DRAFT'),
    build: ({ pledgeId }) => ({
      query: `mutation($id: ID!) { openPledge(id: $id) { id status } }`,
      variables: { id: pledgeId },
    }),
    state: pledgeState,
    expect: BLOC_LEAD,
    audit: 'update',
  }),
  row({
    operation: 'signPledge',
    prepare: (world) => freshPledge(world, 'OPEN'),
    build: ({ pledgeId }) => ({
      query: `mutation($input: SignPledgeInput!) { signPledge(input: $input) { signedAt } }`,
      variables: { input: { pledgeId, organizationCode: 'BTP' } },
    }),
    state: pledgeState,
    expect: { ...BLOC_MEMBER, childOfficer: 'FORBIDDEN' },
  }),
  row({
    operation: 'signPledge',
    variant: 'for a ministry, by an officer of the Government (CP)',
    prepare: (world) => freshPledge(world, 'OPEN'),
    build: ({ pledgeId }) => ({
      query: `mutation($input: SignPledgeInput!) { signPledge(input: $input) { signedAt } }`,
      variables: { input: { pledgeId, organizationCode: 'BTP' } },
    }),
    state: pledgeState,
    expect: { cpOfficer: 'FORBIDDEN', officerIn: 'allowed' },
  }),
  row({
    // decision: the lead compiles the members' progress reports and may enter one for a member.
    operation: 'reportPledgeProgress',
    prepare: (world) => freshPledge(world, 'OPEN'),
    build: ({ pledgeId }) => ({
      query: `mutation($input: ReportPledgeProgressInput!) { reportPledgeProgress(input: $input) { revision } }`,
      variables: { input: { pledgeId, organizationCode: 'BTP', itemCode: '1', period: `${YEAR}-Q3`, value: 60 } },
    }),
    state: pledgeState,
    expect: { ...BLOC_MEMBER, leadOfficer: 'allowed', childOfficer: 'FORBIDDEN' },
    audit: 'create',
  }),
  row({
    operation: 'submitScorecard',
    variant: 'stage SELF',
    prepare: (world) => freshPledge(world, 'OPEN'),
    build: scorecard('SELF'),
    state: pledgeState,
    expect: { ...BLOC_MEMBER, childOfficer: 'FORBIDDEN' },
  }),
  row({
    // Cross-scoring is done by the member the bloc's rotation assigns: in the order BCA (lead), BTP,
    // KTNN, BTP is scored by the next one, KTNN; the lead is not BTP's scorer this year.
    operation: 'submitScorecard',
    variant: 'stage CROSS',
    prepare: (world) => freshPledge(world, 'SELF'),
    build: scorecard('CROSS'),
    state: pledgeState,
    expect: {
      public: 'UNAUTHENTICATED',
      viewerIn: 'FORBIDDEN',
      viewerOut: 'FORBIDDEN',
      officerIn: 'FORBIDDEN',
      officerOut: 'FORBIDDEN',
      leadOfficer: 'FORBIDDEN',
      memberOfficer: 'allowed',
      board: 'allowed',
    },
  }),
  row({
    operation: 'setCrossScoreRotation',
    prepare: (world) => freshPledge(world, 'OPEN'),
    build: ({ pledgeId }) => ({
      query: `mutation($input: SetCrossScoreRotationInput!) { setCrossScoreRotation(input: $input) { crossScoreShift } }`,
      variables: { input: { pledgeId, shift: 2 } },
    }),
    state: followUpState,
    expect: BLOC_LEAD,
  }),
  row({
    operation: 'setPledgeDeadline',
    prepare: (world) => freshPledge(world, 'OPEN'),
    build: ({ pledgeId }) => ({
      query: `mutation($input: SetPledgeDeadlineInput!) { setPledgeDeadline(input: $input) { id } }`,
      variables: { input: { pledgeId, kind: 'REPORT_H1', dueOn: `${YEAR}-07-31` } },
    }),
    state: followUpState,
    expect: BLOC_LEAD,
  }),
  row({
    operation: 'remindPledgeMember',
    prepare: (world) => freshPledge(world, 'OPEN'),
    build: ({ pledgeId }) => ({
      query: `mutation($input: RemindPledgeMemberInput!) { remindPledgeMember(input: $input) { id } }`,
      variables: { input: { pledgeId, organizationCode: 'BTP', kind: 'SELF_SCORE' } },
    }),
    state: followUpState,
    expect: BLOC_LEAD,
  }),
  row({
    operation: 'submitScorecard',
    variant: 'stage VERIFIED',
    prepare: (world) => freshPledge(world, 'CROSS'),
    build: scorecard('VERIFIED'),
    state: pledgeState,
    expect: BLOC_LEAD,
  }),
  row({
    operation: 'closePledge',
    prepare: (world) => freshPledge(world, 'VERIFIED_ALL'),
    build: ({ pledgeId }) => ({
      query: `mutation($id: ID!) { closePledge(id: $id) { id status } }`,
      variables: { id: pledgeId },
    }),
    state: pledgeState,
    expect: BLOC_LEAD,
    audit: 'update',
  }),
  row({
    operation: 'recordBlocVote',
    prepare: (world) => freshPledge(world, 'CLOSED'),
    build: ({ pledgeId }) => ({
      query: `mutation($input: RecordBlocVoteInput!) { recordBlocVote(input: $input) { id passed } }`,
      variables: {
        input: { pledgeId, candidateOrganizationCode: 'BTP', yes: 3, no: 0, abstain: 0, votedOn: vietnamToday() },
      },
    }),
    state: pledgeState,
    expect: BLOC_LEAD,
    audit: 'create',
  }),
  row({
    // A passed acclamation is undone by the Central Board only, with its reason.
    operation: 'annulBlocVote',
    prepare: async (world) => {
      const { pledgeId } = await freshPledge(world, 'CLOSED');
      const { recordBlocVote } = await world.board(
        `mutation($input: RecordBlocVoteInput!) { recordBlocVote(input: $input) { id } }`,
        {
          input: { pledgeId, candidateOrganizationCode: 'BTP', yes: 3, no: 0, abstain: 0, votedOn: vietnamToday() },
        },
      );
      return { pledgeId, voteId: recordBlocVote.id as string };
    },
    build: ({ voteId }) => ({
      query: `mutation($input: AnnulBlocVoteInput!) { annulBlocVote(input: $input) { id annulledAt } }`,
      variables: { input: { voteId, reason: 'Biên bản kiểm phiếu không hợp lệ.' } },
    }),
    state: ({ pledgeId }, world) =>
      world.board(`query($id: ID!) { pledge(id: $id) { leadingUnit { code } votes { id annulledAt } } }`, {
        id: pledgeId,
      }),
    expect: { ...BLOC_LEAD, leadOfficer: 'FORBIDDEN' },
    audit: 'update',
  }),
];

// ------------------------------------------------------------------ awards

const NOMINATION_STATE = `query($id: ID!) { nomination(id: $id) { status councilVotes { id } history { toStatus } } }`;
const nominationState = ({ nominationId }: { nominationId: string }, world: World) =>
  world.board(NOMINATION_STATE, { id: nominationId });

const ISSUE = `mutation($input: IssueDecisionInput!) { issueDecision(input: $input) { id number } }`;

const awardRows: MutationRow[] = [
  row({
    operation: 'importGrants',
    prepare: (world) => freshPerson(world),
    build: ({ id }, world) => ({
      query: `mutation($input: ImportGrantsInput!) { importGrants(input: $input) { imported skipped errors { index code message } } }`,
      variables: {
        input: {
          grants: [
            {
              personId: id,
              awardTypeCode: 'LDTT',
              year: 2021,
              basis: 'MERIT',
              decisionNumber: `${world.next()}/QĐ-BTP`,
              issuedOn: '2022-01-10',
              issuerCode: 'BTP',
            },
          ],
        },
      },
    }),
    state: ({ id }, world) => world.board(`query($id: ID!) { person(id: $id) { grants { id } } }`, { id }),
    expect: { ...UNIT_OFFICER, childOfficer: 'allowed' },
    // Out-of-scope rows come back as row errors (nothing imported), not as a GraphQL error.
    outcome: (response) => {
      const errors = (response.body.data as any)?.importGrants?.errors as { code: string }[] | undefined;
      return errors?.length ? errors[0]!.code : undefined;
    },
  }),
  row({
    operation: 'revokeGrant',
    prepare: (world) => freshGrant(world),
    build: ({ grantId }) => ({
      query: `mutation($input: RevokeGrantInput!) { revokeGrant(input: $input) { id revokedOn } }`,
      variables: {
        input: { grantId, revokedOn: RECENT_DAY, reason: 'Thu hồi do hồ sơ không trung thực (thử nghiệm)' },
      },
    }),
    state: ({ personId }, world) =>
      world.board(`query($id: ID!) { person(id: $id) { grants { id revokedOn revokeReason } } }`, { id: personId }),
    expect: { ...UNIT_OFFICER, childOfficer: 'FORBIDDEN' },
    audit: 'update',
  }),
  row({
    // No query lists initiatives: the state is read from the awards database.
    operation: 'recordInitiative',
    prepare: (world) => freshPerson(world),
    build: ({ id }, world) => ({
      query: `mutation($input: RecordInitiativeInput!) { recordInitiative(input: $input) { id } }`,
      variables: {
        input: {
          personIds: [id],
          title: `Sáng kiến số hóa hồ sơ ${world.next()}`,
          scope: 'BASE',
          recognizedOn: '2024-05-01',
          recognizedByCode: 'DEMO_BTP_VU_TDKT',
        },
      },
    }),
    state: ({ id }, world) => world.awardsCount('SELECT count(*) FROM initiative_author WHERE person_id = $1', [id]),
    expect: { ...UNIT_OFFICER, childOfficer: 'allowed' },
    audit: 'create',
  }),
  row({
    operation: 'recordExemplar',
    prepare: (world) => freshPerson(world),
    build: ({ id }) => ({
      query: `mutation($input: RecordExemplarInput!) { recordExemplar(input: $input) { id } }`,
      variables: {
        input: {
          personId: id,
          field: 'Tư pháp',
          story: 'Gương điển hình (thử nghiệm).',
          recognizedByKind: 'ORGANIZATION',
          recognizedByCode: 'BTP',
          periodFrom: 2020,
          periodTo: 2024,
        },
      },
    }),
    state: ({ id }, world) => world.board(`query($id: ID!) { person(id: $id) { exemplarProfiles { id } } }`, { id }),
    expect: { ...UNIT_OFFICER, childOfficer: 'allowed' },
    audit: 'create',
  }),
  row({
    // No query lists a person's nominations: the state is read from the awards database.
    operation: 'createNomination',
    prepare: (world) => freshPerson(world),
    build: ({ id }) => ({
      query: `mutation($input: CreateNominationInput!) { createNomination(input: $input) { id status } }`,
      variables: {
        input: {
          awardTypeCode: 'BANG_KHEN_BO_TINH',
          personId: id,
          year: YEAR - 1,
          basis: 'MERIT',
          proposedByCode: 'DEMO_BTP_VU_TDKT',
        },
      },
    }),
    state: ({ id }, world) => world.awardsCount('SELECT count(*) FROM nomination WHERE person_id = $1', [id]),
    expect: { ...UNIT_OFFICER, childOfficer: 'allowed' },
    audit: 'create',
  }),
  row({
    operation: 'submitNomination',
    prepare: (world) => freshNomination(world, 'DRAFT'),
    build: ({ nominationId }) => ({
      query: `mutation($id: ID!) { submitNomination(id: $id) { id status } }`,
      variables: { id: nominationId },
    }),
    state: nominationState,
    expect: { ...UNIT_OFFICER, childOfficer: 'allowed' },
    audit: 'update',
  }),
  row({
    // The reviewer is the level above the proposing unit (BTP above its department) or the Board.
    operation: 'returnNomination',
    prepare: (world) => freshNomination(world, 'SUBMITTED'),
    build: ({ nominationId }) => ({
      query: `mutation($id: ID!, $reason: String!) { returnNomination(id: $id, reason: $reason) { id status } }`,
      variables: { id: nominationId, reason: 'Bổ sung báo cáo thành tích' },
    }),
    state: nominationState,
    expect: { ...UNIT_OFFICER, childOfficer: 'FORBIDDEN' },
    audit: 'update',
  }),
  row({
    operation: 'withdrawNomination',
    prepare: (world) => freshNomination(world, 'DRAFT'),
    build: ({ nominationId }) => ({
      query: `mutation($id: ID!, $reason: String) { withdrawNomination(id: $id, reason: $reason) { id status } }`,
      variables: { id: nominationId, reason: 'Trùng hồ sơ' },
    }),
    state: nominationState,
    expect: { ...UNIT_OFFICER, childOfficer: 'allowed' },
    audit: 'update',
  }),
  row({
    operation: 'recordCouncilVote',
    prepare: (world) => freshNomination(world, 'SUBMITTED'),
    build: ({ nominationId }) => ({
      query: `mutation($input: RecordCouncilVoteInput!) { recordCouncilVote(input: $input) { passed nomination { id status } } }`,
      variables: { input: { nominationId, membersTotal: 10, yes: 9, no: 1, abstain: 0, votedOn: RECENT_DAY } },
    }),
    state: nominationState,
    expect: { ...UNIT_OFFICER, childOfficer: 'allowed' },
  }),
  row({
    operation: 'issueDecision',
    prepare: (world) => freshNomination(world, 'APPROVED'),
    build: ({ nominationId }, world) => ({
      query: ISSUE,
      variables: {
        input: {
          number: `${world.next()}/QĐ-BTP`,
          issuedOn: RECENT_DAY,
          issuerCode: 'BTP',
          nominationIds: [nominationId],
        },
      },
    }),
    state: nominationState,
    expect: { ...UNIT_OFFICER, childOfficer: 'FORBIDDEN' },
  }),
  row({
    operation: 'issueDecision',
    variant: 'Prime-Minister level (issuer CP)',
    prepare: (world) => freshNomination(world, 'APPROVED', { awardTypeCode: 'BANG_KHEN_TTG', proposedByCode: 'BTP' }),
    build: ({ nominationId }, world) => ({
      query: ISSUE,
      variables: {
        input: {
          number: `${world.next()}/QĐ-TTg`,
          issuedOn: RECENT_DAY,
          issuerCode: 'CP',
          nominationIds: [nominationId],
        },
      },
    }),
    state: nominationState,
    expect: {
      public: 'UNAUTHENTICATED',
      viewerIn: 'FORBIDDEN',
      officerIn: 'FORBIDDEN',
      cpViewer: 'FORBIDDEN',
      cpOfficer: 'FORBIDDEN',
      board: 'allowed',
    },
  }),
  row({
    // A unit with the same power (a city decides Bằng khen too) must not decide another unit's nominee.
    operation: 'issueDecision',
    variant: 'by another unit with the same power (issuer HN) for BTP’s nominee',
    prepare: (world) => freshNomination(world, 'APPROVED'),
    build: ({ nominationId }, world) => ({
      query: ISSUE,
      variables: {
        input: {
          number: `${world.next()}/QĐ-UBND`,
          issuedOn: RECENT_DAY,
          issuerCode: 'HN',
          nominationIds: [nominationId],
        },
      },
    }),
    state: nominationState,
    expect: {
      viewerOut: 'FORBIDDEN',
      officerOut: 'FORBIDDEN',
    },
  }),
];

export const MUTATION_ROWS: MutationRow[] = [
  ...organizationRows,
  ...BLOC_ADMIN_ROWS,
  ...campaignRows,
  ...awardRows,
  ...ROUTING_IMPORT_ROWS,
];

export const rowName = (row: MutationRow) => (row.variant ? `${row.operation} (${row.variant})` : row.operation);
