/**
 * A nomination's life through the gateway: history imported, nomination created with its verdict,
 * submitted, voted (below the threshold of ALL council members it is rejected), approved on a new
 * nomination, refused to an issuer without the authority, decided by the Prime Minister, and the grant
 * shows in PersonRecord and AwardStatistics. Then the bloc flag: Cờ thi đua của Chính phủ only for the
 * bloc's acclaimed leading unit.
 */
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { createTestPerson, dataOf, errorCodes } from '../support/stack';

let stack: InProcessStack;
let board: string;
let officer: string;
let personId: string;

beforeAll(async () => {
  stack = await startInProcess({ demo: true });
  board = await stack.token('CENTRAL_BOARD');
  officer = await stack.token('ORG_OFFICER', 'BTP');
  personId = await createTestPerson(stack, 'Ngô Thị Thu', 'BTP');
  for (let year = 2018; year <= 2024; year += 1) {
    dataOf(
      await stack.gql(
        contractOperation('RecordAnnualRating'),
        { input: { personId, year, rating: year % 2 ? 'EXCELLENT' : 'GOOD' } },
        { token: officer },
      ),
    );
  }
  const grants = [
    { awardTypeCode: 'BANG_KHEN_BO_TINH', year: 2018, decisionNumber: '500/QĐ-BTP', issuedOn: '2019-02-01' },
    ...[2020, 2022, 2024].map((year) => ({
      awardTypeCode: 'CSTD_CO_SO',
      year,
      decisionNumber: `${year}-CS/QĐ-BTP`,
      issuedOn: `${year + 1}-01-20`,
    })),
    ...[2019, 2020, 2021, 2022, 2023, 2024].map((year) => ({
      awardTypeCode: 'LDTT',
      year,
      decisionNumber: `${year}-LD/QĐ-BTP`,
      issuedOn: `${year + 1}-01-10`,
    })),
  ].map((grant) => ({
    personId,
    basis: 'MERIT',
    // The ministry's Vụ decides the base-level titles (Luật TĐKT 2022, Điều 80 khoản 1), the minister the
    // ministry's Bằng khen (Điều 74): the import checks the issuer's power.
    issuerCode: grant.awardTypeCode === 'BANG_KHEN_BO_TINH' ? 'BTP' : 'DEMO_BTP_VU_TDKT',
    ...grant,
  }));
  expect(
    dataOf(await stack.gql(contractOperation('ImportGrants'), { input: { grants } }, { token: officer })).importGrants
      .imported,
  ).toBe(10);
});
afterAll(() => stack?.stop());

const create = (input: Record<string, unknown>, token = officer) =>
  stack.gql(contractOperation('CreateNomination'), { input }, { token });
const vote = (nominationId: string, yes: number, membersTotal = 15) =>
  stack.gql(
    contractOperation('RecordCouncilVote'),
    { input: { nominationId, membersTotal, yes, no: membersTotal - yes, abstain: 0, votedOn: '2025-03-01' } },
    { token: board },
  );

it('takes a Bằng khen TTg nomination from creation to a decision, refusing an issuer without the authority', async () => {
  const created = dataOf(
    await create({ awardTypeCode: 'BANG_KHEN_TTG', personId, year: 2024, basis: 'MERIT', proposedByCode: 'BTP' }),
  ).createNomination;
  expect(created.status).toBe('DRAFT');
  expect(created.eligibility.eligible).toBe(true);
  expect(
    errorCodes(
      await create({ awardTypeCode: 'BANG_KHEN_TTG', personId, year: 2024, basis: 'MERIT', proposedByCode: 'BTP' }),
    ),
  ).toEqual(['CONFLICT']);

  expect(
    dataOf(await stack.gql(contractOperation('SubmitNomination'), { id: created.id }, { token: officer }))
      .submitNomination.status,
  ).toBe('SUBMITTED');
  // Bằng khen TTg needs a majority of all members (no 80/90 % rule): 7 of 15 is not enough.
  const rejected = dataOf(await vote(created.id, 7)).recordCouncilVote;
  expect(rejected).toMatchObject({ passed: false, nomination: { status: 'REJECTED' } });
  expect(errorCodes(await vote(created.id, 12))).toEqual(['CONFLICT']);

  const second = dataOf(
    await create({ awardTypeCode: 'BANG_KHEN_TTG', personId, year: 2024, basis: 'MERIT', proposedByCode: 'BTP' }),
  ).createNomination;
  dataOf(await stack.gql(contractOperation('SubmitNomination'), { id: second.id }, { token: officer }));
  expect(dataOf(await vote(second.id, 12)).recordCouncilVote).toMatchObject({
    passed: true,
    nomination: { status: 'APPROVED' },
  });

  const issue = (issuerCode: string, number: string, token = board) =>
    stack.gql(
      contractOperation('IssueDecision'),
      { input: { number, issuedOn: '2025-04-01', issuerCode, nominationIds: [second.id] } },
      { token },
    );
  expect(errorCodes(await issue('BTP', '1/QĐ-BTP', officer))).toEqual(['FORBIDDEN']);
  expect(errorCodes(await issue('CP', '1/QĐ-TTg', officer))).toEqual(['FORBIDDEN']);
  const decided = dataOf(await issue('CP', '1/QĐ-TTg')).issueDecision;
  expect(decided.number).toBe('1/QĐ-TTg');
  expect(decided.grants).toEqual([{ id: expect.any(String), year: 2024, awardType: { code: 'BANG_KHEN_TTG' } }]);
  expect(errorCodes(await issue('CP', '2/QĐ-TTg'))).toEqual(['CONFLICT']);

  const record = dataOf(
    await stack.gql(
      contractOperation('PersonRecord'),
      { id: personId, awardTypeCode: 'HC_LAO_DONG_3', year: 2024 },
      { token: officer },
    ),
  ).person;
  expect(record.grants.map((grant: any) => grant.awardType.code)).toContain('BANG_KHEN_TTG');
  const stats = dataOf(
    await stack.gql(
      contractOperation('AwardStatistics'),
      { filter: { organizationCode: 'BTP', category: 'CERTIFICATE_OF_MERIT' } },
      { token: board },
    ),
  ).awardStatistics;
  expect(stats.byAwardType.map((entry: any) => [entry.awardType.code, entry.count])).toEqual(
    expect.arrayContaining([
      ['BANG_KHEN_TTG', 1],
      ['BANG_KHEN_BO_TINH', 1],
    ]),
  );
});

it('shows who did what to a nomination, and hides it from other units', async () => {
  const created = dataOf(
    await create({ awardTypeCode: 'CSTD_CO_SO', personId, year: 2023, basis: 'MERIT', proposedByCode: 'BTP' }),
  ).createNomination;
  dataOf(
    await stack.gql(
      `mutation($id: ID!) { withdrawNomination(id: $id, reason: "Trùng hồ sơ") { status } }`,
      { id: created.id },
      { token: officer },
    ),
  );
  const history = dataOf(
    await stack.gql(
      `query($id: ID!) { nomination(id: $id) { status history { fromStatus toStatus reason bySubject } } }`,
      { id: created.id },
      { token: officer },
    ),
  ).nomination;
  expect(history.status).toBe('WITHDRAWN');
  expect(history.history.map((event: any) => [event.fromStatus, event.toStatus, event.reason])).toEqual([
    [null, 'DRAFT', null],
    ['DRAFT', 'WITHDRAWN', 'Trùng hồ sơ'],
  ]);
  const other = await stack.token('ORG_OFFICER', 'HN');
  // Withheld, not "no such dossier": null with FORBIDDEN (kit access.ts).
  const hidden = await stack.gql(
    `query($id: ID!) { nomination(id: $id) { id } }`,
    { id: created.id },
    { token: other },
  );
  expect(hidden.body.data).toEqual({ nomination: null });
  expect(errorCodes(hidden)).toEqual(['FORBIDDEN']);
  expect(
    errorCodes(
      await create({ awardTypeCode: 'CSTD_CO_SO', personId, year: 2023, basis: 'MERIT', proposedByCode: 'BTP' }, other),
    ),
  ).toEqual(['FORBIDDEN']);
});

it('gives Cờ thi đua của Chính phủ for a bloc-year only to the acclaimed leading unit', async () => {
  // The demo 2024 Nội chính year is closed with an acclaimed leading unit (the top of the ranking).
  const { bloc } = dataOf(
    await stack.gql(`{ bloc(code: "NOI_CHINH_TW") { pledge(year: 2024) { leadingUnit { code } } } }`),
  );
  const leader = bloc.pledge.leadingUnit.code as string;
  const other = ['BTP', 'BCA', 'BQP', 'TANDTC'].find((code) => code !== leader)!;
  const flag = async (code: string) =>
    dataOf(
      await create(
        {
          awardTypeCode: 'CO_THI_DUA_CP',
          organizationCode: code,
          year: 2024,
          basis: 'MERIT',
          proposedByCode: code,
          blocCode: 'NOI_CHINH_TW',
        },
        board,
      ),
    ).createNomination.eligibility;
  expect((await flag(leader)).eligible).toBe(true);
  const refused = await flag(other);
  expect(refused.eligible).toBe(false);
  expect(refused.reasons.map((reason: any) => reason.code)).toContain('NOT_LEADING_UNIT');
});
