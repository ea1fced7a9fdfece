/**
 * Non-public data: each row reads one non-public field by one path (the root field, or nested under
 * another subgraph's type so that `_entities` / `__resolveReference` and the per-request DataLoader
 * batches are exercised), and says what each caller must see. A withheld field is "FORBIDDEN" (null
 * with a FORBIDDEN error, subgraph-kit access.ts); "hidden" is an item left out of a list where only
 * some are hidden (or zero matches); "allowed" is the true value, compared with what the Central Board
 * reads.
 */
import { BLOC_WORKING_DATA, PRIVATE_IN_SCOPE, PRIVATE_OUT_OF_SCOPE, PUBLIC, type Expectations } from './callers';
import { YEAR, type World } from './world';

export interface FieldRow {
  /** `Type.field` of schema/supergraph.graphql. */
  field: string;
  /** The path taken, for the test name. */
  via: string;
  build(world: World): { query: string; variables: Record<string, unknown> };
  /** The value of the field in the response data. */
  pick(data: any, world: World): unknown;
  expect: Expectations;
  /** Extra check of an allowed value (defaults to: equal to what the Central Board reads). */
  sameAsBoard?: boolean;
}

const PERSON = (fields: string) => `query($id: ID!) { person(id: $id) { id ${fields} } }`;
const personIn = (world: World) => ({ id: world.shared.personIn.id });

// Decisions encoded below: a DRAFT pledge is not published data (the Board and the staff of that
// year's members see it); a registration still in DRAFT (and its note) is the registering unit's
// working paper (the Board, the launcher's and the registrant's staff); CP's staff do not see every
// ministry's personnel records.

function personRootRows(): FieldRow[] {
  const fields: [string, string][] = [
    ['gender', 'gender'],
    ['birthYear', 'birthYear'],
    ['ethnicity', 'ethnicity'],
    ['position', 'position'],
    ['isDirectWorker', 'isDirectWorker'],
    ['annualRatings', 'annualRatings { year rating }'],
  ];
  return fields.map(([field, selection]) => ({
    field: `Person.${field}`,
    via: 'person(id) root',
    build: (world) => ({ query: PERSON(selection), variables: personIn(world) }),
    pick: (data) => data.person?.[field],
    expect: PRIVATE_IN_SCOPE,
    sameAsBoard: true,
  }));
}

const ELIGIBILITY = 'eligibility(awardTypeCode: "CSTD_CO_SO", year: 2024) { eligible ruleset reasons { code } }';

const batchThroughConference = (pickPerson: 'personIn' | 'personOut'): FieldRow => ({
  field: 'Person.birthYear',
  via: `Conference.delegates.person, batched with ${pickPerson === 'personIn' ? 'an out-of-scope' : 'an in-scope'} person (campaigns → organizations _entities); reads the ${pickPerson === 'personIn' ? 'in-scope (BTP)' : 'out-of-scope (HN)'} one`,
  build: (world) => ({
    query: `query($code: String!) { conference(code: $code) { delegates { person { id birthYear annualRatings { year } } } } }`,
    variables: { code: world.shared.conferenceCode },
  }),
  pick: (data, world) =>
    data.conference?.delegates.find((delegate: any) => delegate.person?.id === world.shared[pickPerson].id)?.person
      ?.birthYear,
  expect: pickPerson === 'personIn' ? PRIVATE_IN_SCOPE : PRIVATE_OUT_OF_SCOPE,
  sameAsBoard: true,
});

const batchThroughGrants = (pickPerson: 'personIn' | 'personOut'): FieldRow => ({
  field: 'Person.annualRatings',
  via: `Person.grants.person for two persons in one request (organizations → awards → organizations _entities batch); reads the ${pickPerson === 'personIn' ? 'in-scope (BTP)' : 'out-of-scope (HN)'} one`,
  build: (world) => ({
    query: `query($a: ID!, $b: ID!) { a: person(id: $a) { grants { person { id annualRatings { year rating } } } } b: person(id: $b) { grants { person { id annualRatings { year rating } } } } }`,
    variables: { a: world.shared.personIn.id, b: world.shared.personOut.id },
  }),
  pick: (data) => data[pickPerson === 'personIn' ? 'a' : 'b']?.grants?.[0]?.person?.annualRatings,
  expect: pickPerson === 'personIn' ? PRIVATE_IN_SCOPE : PRIVATE_OUT_OF_SCOPE,
  sameAsBoard: true,
});

const delegateRows = (): FieldRow[] =>
  ['gender', 'ethnicity', 'birthYear', 'ageBand', 'isDirectWorker'].map((field) => ({
    field: `ConferenceDelegate.${field}`,
    via: 'conference(code).delegates (host BTP)',
    build: (world) => ({
      query: `query($code: String!) { conference(code: $code) { delegates { fullName ${field} } } }`,
      variables: { code: world.shared.conferenceCode },
    }),
    pick: (data) =>
      data.conference?.delegates.find((delegate: any) => delegate.fullName === 'Vi Thị Đại Biểu')?.[field],
    expect: PRIVATE_IN_SCOPE,
    sameAsBoard: true,
  }));

export const FIELD_ROWS: FieldRow[] = [
  {
    // Contract: the public sees a person's name and unit (and the grants), nothing else.
    field: 'Person.fullName',
    via: 'person(id) root, with the unit — published',
    build: (world) => ({ query: PERSON('fullName organization { code }'), variables: personIn(world) }),
    pick: (data) => (data.person ? { fullName: data.person.fullName, unit: data.person.organization?.code } : null),
    expect: PUBLIC,
    sameAsBoard: true,
  },
  {
    field: 'Person.grants',
    via: 'person(id).grants with their decisions — published',
    build: (world) => ({
      query: PERSON('grants { year awardType { code } decision { number issuer { code } } }'),
      variables: personIn(world),
    }),
    pick: (data) => data.person?.grants,
    expect: PUBLIC,
    sameAsBoard: true,
  },
  ...personRootRows(),
  {
    field: 'Person.eligibility',
    via: 'person(id) root (needs the annual ratings)',
    build: (world) => ({ query: PERSON(ELIGIBILITY), variables: personIn(world) }),
    pick: (data) => data.person?.eligibility,
    expect: PRIVATE_IN_SCOPE,
    sameAsBoard: true,
  },
  {
    field: 'Query.persons',
    via: 'persons(filter) — SQL scope filter, looking for the in-scope person',
    build: (world) => ({
      query: `query($s: String!) { persons(filter: { search: $s }) { totalCount edges { node { id } } } }`,
      variables: { s: world.shared.personIn.fullName },
    }),
    pick: (data) => (data.persons?.totalCount ? data.persons.edges.map((edge: any) => edge.node.id) : null),
    // A list: persons outside the caller's scope are left out, not refused.
    expect: { ...PRIVATE_IN_SCOPE, public: 'UNAUTHENTICATED', viewerOut: 'hidden', officerOut: 'hidden' },
    sameAsBoard: true,
  },
  {
    field: 'Query.persons',
    via: 'persons(filter) — SQL scope filter, looking for the out-of-scope person',
    build: (world) => ({
      query: `query($s: String!) { persons(filter: { search: $s }) { totalCount edges { node { id } } } }`,
      variables: { s: world.shared.personOut.fullName },
    }),
    pick: (data) => (data.persons?.totalCount ? data.persons.edges.map((edge: any) => edge.node.id) : null),
    expect: { ...PRIVATE_OUT_OF_SCOPE, public: 'UNAUTHENTICATED', viewerIn: 'hidden', officerIn: 'hidden' },
    sameAsBoard: true,
  },
  {
    field: 'Person.birthYear',
    via: 'Person.grants.person (awards → organizations _entities)',
    build: (world) => ({ query: PERSON('grants { person { birthYear } }'), variables: personIn(world) }),
    pick: (data) => data.person?.grants?.[0]?.person?.birthYear,
    expect: PRIVATE_IN_SCOPE,
    sameAsBoard: true,
  },
  {
    field: 'Person.annualRatings',
    via: 'Person.exemplarProfiles.person (awards → organizations _entities)',
    build: (world) => ({
      query: PERSON('exemplarProfiles { person { annualRatings { year rating } } }'),
      variables: personIn(world),
    }),
    pick: (data) => data.person?.exemplarProfiles?.[0]?.person?.annualRatings,
    expect: PRIVATE_IN_SCOPE,
    sameAsBoard: true,
  },
  {
    field: 'Person.eligibility',
    via: 'Person.grants.person.eligibility (organizations → awards → organizations → awards _entities)',
    build: (world) => ({ query: PERSON(`grants { person { ${ELIGIBILITY} } }`), variables: personIn(world) }),
    pick: (data) => data.person?.grants?.[0]?.person?.eligibility,
    expect: PRIVATE_IN_SCOPE,
    sameAsBoard: true,
  },
  {
    field: 'Person.ethnicity',
    via: 'Movement.registrations.person (campaigns → organizations _entities)',
    build: (world) => ({
      query: `query($code: String!) { movement(code: $code) { registrations { person { id ethnicity } } } }`,
      variables: { code: world.shared.movementCode },
    }),
    pick: (data, world) =>
      data.movement?.registrations.find((registration: any) => registration.person?.id === world.shared.personIn.id)
        ?.person?.ethnicity,
    expect: PRIVATE_IN_SCOPE,
    sameAsBoard: true,
  },
  batchThroughConference('personIn'),
  batchThroughConference('personOut'),
  batchThroughGrants('personIn'),
  batchThroughGrants('personOut'),
  {
    field: 'Person.birthYear',
    via: 'Person.birthYear of a ministry’s staff, read by the Government (CP)',
    build: (world) => ({ query: PERSON('birthYear'), variables: personIn(world) }),
    pick: (data) => data.person?.birthYear,
    expect: {
      cpViewer: 'FORBIDDEN', // decision: CP is the issuer of the Prime Minister’s decisions, not a unit whose staff see every ministry’s personnel records
      board: 'allowed',
    },
    sameAsBoard: true,
  },
  ...delegateRows(),
  {
    field: 'Pledge.progress',
    via: 'pledge(id) root',
    build: (world) => ({
      query: `query($id: ID!) { pledge(id: $id) { progress { period value organization { code } } } }`,
      variables: { id: world.shared.workingPledgeId },
    }),
    pick: (data) => data.pledge?.progress,
    expect: BLOC_WORKING_DATA,
    sameAsBoard: true,
  },
  {
    field: 'Pledge.progressHistory',
    via: 'pledge(id) root',
    build: (world) => ({
      query: `query($id: ID!) { pledge(id: $id) { progressHistory { revision value note } } }`,
      variables: { id: world.shared.workingPledgeId },
    }),
    pick: (data) => data.pledge?.progressHistory,
    expect: BLOC_WORKING_DATA,
    sameAsBoard: true,
  },
  {
    field: 'Pledge.scorecards',
    via: 'pledge(id) root',
    build: (world) => ({
      query: `query($id: ID!) { pledge(id: $id) { scorecards { stage totalScore scores { itemCode points } } } }`,
      variables: { id: world.shared.workingPledgeId },
    }),
    pick: (data) => data.pledge?.scorecards,
    expect: BLOC_WORKING_DATA,
    sameAsBoard: true,
  },
  {
    field: 'Pledge.scorecards',
    via: 'bloc(code).pledge(year) (organizations → campaigns _entities)',
    build: (world) => ({
      query: `query($code: String!) { bloc(code: $code) { pledge(year: ${YEAR}) { scorecards { stage totalScore } progress { value } } } }`,
      variables: { code: world.shared.workingBlocCode },
    }),
    pick: (data) => data.bloc?.pledge?.scorecards,
    expect: BLOC_WORKING_DATA,
    sameAsBoard: true,
  },
  {
    field: 'Pledge.outstanding',
    via: 'pledge(id) root',
    build: (world) => ({
      query: `query($id: ID!) { pledge(id: $id) { outstanding { kind dueOn } } }`,
      variables: { id: world.shared.workingPledgeId },
    }),
    pick: (data) => data.pledge?.outstanding,
    expect: BLOC_WORKING_DATA,
    sameAsBoard: true,
  },
  {
    field: 'Pledge.reminders',
    via: 'pledge(id) root',
    build: (world) => ({
      query: `query($id: ID!) { pledge(id: $id) { reminders { kind remindedAt } } }`,
      variables: { id: world.shared.workingPledgeId },
    }),
    pick: (data) => data.pledge?.reminders,
    expect: BLOC_WORKING_DATA,
    sameAsBoard: true,
  },
  {
    field: 'Query.pledge',
    via: 'pledge(id) of a DRAFT pledge',
    build: (world) => ({
      query: `query($id: ID!) { pledge(id: $id) { id status theme items { code title } } }`,
      variables: { id: world.shared.draftPledgeId },
    }),
    pick: (data) => data.pledge,
    expect: BLOC_WORKING_DATA,
    sameAsBoard: true,
  },
  {
    field: 'EmulationBloc.pledge',
    via: 'bloc(code).pledge(year) of a DRAFT pledge (organizations → campaigns _entities)',
    build: (world) => ({
      query: `query($code: String!) { bloc(code: $code) { pledge(year: ${YEAR}) { id status theme } } }`,
      variables: { code: world.shared.draftBlocCode },
    }),
    pick: (data) => data.bloc?.pledge,
    expect: BLOC_WORKING_DATA,
    sameAsBoard: true,
  },
  {
    field: 'EmulationBloc.pledges',
    via: 'bloc(code).pledges of a bloc whose only pledge is a DRAFT',
    build: (world) => ({
      query: `query($code: String!) { bloc(code: $code) { pledges { id status } } }`,
      variables: { code: world.shared.draftBlocCode },
    }),
    pick: (data) => data.bloc?.pledges,
    expect: { ...BLOC_WORKING_DATA, public: 'hidden', viewerOut: 'hidden', officerOut: 'hidden' },
    sameAsBoard: true,
  },
  {
    field: 'BlocPledgeSummary.pledge',
    via: 'blocPledgeSummaries(year) of a bloc whose pledge is a DRAFT',
    build: () => ({
      query: `{ blocPledgeSummaries(year: ${YEAR}, kind: BLOC, first: 100) { edges { node { bloc { code } pledge { id status } } } } }`,
      variables: {},
    }),
    pick: (data, world) =>
      data.blocPledgeSummaries?.edges.find((edge: any) => edge.node.bloc.code === world.shared.draftBlocCode)?.node
        .pledge,
    expect: BLOC_WORKING_DATA,
    sameAsBoard: true,
  },
  ...(['averageProgress', 'completionRate'] as const).map((field): FieldRow => ({
    field: `BlocPledgeSummary.${field}`,
    via: 'blocPledgeSummaries(year) of the bloc with working data',
    build: () => ({
      query: `{ blocPledgeSummaries(year: ${YEAR}, kind: BLOC, first: 100) { edges { node { bloc { code } progressVisible ${field} } } } }`,
      variables: {},
    }),
    // The fixture's items have no targets, so the rate itself is null for everyone who may see it:
    // what is compared is the reading, { rate } when visible, null when withheld.
    pick: (data, world) => {
      const node = data.blocPledgeSummaries?.edges.find(
        (edge: any) => edge.node.bloc.code === world.shared.workingBlocCode,
      )?.node;
      return node?.progressVisible ? { [field]: node[field] } : null;
    },
    expect: BLOC_WORKING_DATA,
    sameAsBoard: true,
  })),
  {
    field: 'Movement.registrations',
    via: 'movement(code).registrations, the DRAFT one',
    build: (world) => ({
      query: `query($code: String!) { movement(code: $code) { registrations { id status note } } }`,
      variables: { code: world.shared.movementCode },
    }),
    pick: (data) => data.movement?.registrations.find((registration: any) => registration.status === 'DRAFT') ?? null,
    expect: {
      ...PRIVATE_IN_SCOPE,
      public: 'hidden',
      viewerOut: 'hidden',
      officerOut: 'hidden',
    },
    sameAsBoard: true,
  },
  {
    field: 'Query.nomination',
    via: 'nomination(id) root (proposed by DEMO_BTP_VU_TDKT)',
    build: (world) => ({
      query: `query($id: ID!) { nomination(id: $id) { id status year } }`,
      variables: { id: world.shared.nominationId },
    }),
    pick: (data) => data.nomination,
    expect: { ...PRIVATE_IN_SCOPE, public: 'UNAUTHENTICATED' },
    sameAsBoard: true,
  },
  {
    field: 'Nomination.history',
    via: 'nomination(id).history',
    build: (world) => ({
      query: `query($id: ID!) { nomination(id: $id) { history { toStatus bySubject byOrganization } } }`,
      variables: { id: world.shared.nominationId },
    }),
    pick: (data) => data.nomination?.history,
    expect: { ...PRIVATE_IN_SCOPE, public: 'UNAUTHENTICATED' },
    sameAsBoard: true,
  },
  {
    field: 'Nomination.eligibility',
    via: 'nomination(id).eligibility',
    build: (world) => ({
      query: `query($id: ID!) { nomination(id: $id) { eligibility { eligible ruleset reasons { code } } } }`,
      variables: { id: world.shared.nominationId },
    }),
    pick: (data) => data.nomination?.eligibility,
    expect: { ...PRIVATE_IN_SCOPE, public: 'UNAUTHENTICATED' },
    sameAsBoard: true,
  },
  {
    field: 'Person.birthYear',
    via: 'nomination(id).person (awards → organizations _entities)',
    build: (world) => ({
      query: `query($id: ID!) { nomination(id: $id) { person { birthYear annualRatings { year } } } }`,
      variables: { id: world.shared.nominationId },
    }),
    pick: (data) => data.nomination?.person?.birthYear,
    expect: { ...PRIVATE_IN_SCOPE, public: 'UNAUTHENTICATED' },
    sameAsBoard: true,
  },
  {
    // decision: statistics of forms 0602/0603 and the composition of a conference are published
    // aggregates; they stay public (small-cell inference is listed as a risk in the report).
    field: 'AwardStatistics.byGender',
    via: 'awardStatistics(organizationCode: DEMO_BTP_VU_TDKT) — a published aggregate',
    build: () => ({
      query: `{ awardStatistics(filter: { organizationCode: "DEMO_BTP_VU_TDKT" }) { total byGender { gender count } } }`,
      variables: {},
    }),
    pick: (data) => data.awardStatistics?.byGender,
    expect: PUBLIC,
  },
  {
    field: 'CompositionReport.breakdowns',
    via: 'conference(code).compositionReport — a published aggregate',
    build: (world) => ({
      query: `query($code: String!) { conference(code: $code) { compositionReport { total breakdowns { facet buckets { value count } } } } }`,
      variables: { code: world.shared.conferenceCode },
    }),
    pick: (data) => data.conference?.compositionReport?.breakdowns,
    expect: PUBLIC,
  },
];

/**
 * Fields the code or the schema treats as non-public. The coverage test checks each has a row and
 * that every field whose description says it is not public is listed here.
 */
export const NON_PUBLIC_FIELDS = [
  'Person.gender',
  'Person.birthYear',
  'Person.ethnicity',
  'Person.position',
  'Person.isDirectWorker',
  'Person.annualRatings',
  'Person.eligibility',
  'Query.persons',
  'Query.nomination',
  'Nomination.history',
  'Nomination.eligibility',
  'ConferenceDelegate.gender',
  'ConferenceDelegate.ethnicity',
  'ConferenceDelegate.birthYear',
  'ConferenceDelegate.ageBand',
  'ConferenceDelegate.isDirectWorker',
  'Pledge.progress',
  'Pledge.progressHistory',
  'Pledge.scorecards',
  'Pledge.outstanding',
  'Pledge.reminders',
  'Query.pledge',
  'EmulationBloc.pledge',
  'EmulationBloc.pledges',
  'BlocPledgeSummary.pledge',
  'BlocPledgeSummary.averageProgress',
  'BlocPledgeSummary.completionRate',
  'Movement.registrations',
] as const;

/** Descriptions that mark a field as not public (schema/supergraph.graphql). */
export const NON_PUBLIC_MARKERS = /Không công khai|Chỉ Ban TĐKT|cần đăng nhập|người xem không được/i;

export const fieldRowName = (row: FieldRow) => `${row.field} via ${row.via}`;
