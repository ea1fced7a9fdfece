/**
 * Who decides Lao động tiên tiến for a ministry's own staff, and what happens to a file nobody may
 * decide. Luật TĐKT 2022, Điều 80 khoản 1: the base-level titles belong to the heads of units with legal
 * personality; the ministry's own apparatus has none of its own, so the Minister decides them for the
 * ministry's officers. And whatever the authority table says, an APPROVED file is never stuck: the level
 * above (here the Central Board) returns it with a reason, and the proposer may withdraw it.
 */
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { createTestPerson, dataOf, errorCodes } from '../support/stack';

let stack: InProcessStack;
let board: string;
let officer: string;
let personId: string;

beforeAll(async () => {
  stack = await startInProcess();
  board = await stack.token('CENTRAL_BOARD');
  officer = await stack.token('ORG_OFFICER', 'BTC');
  personId = await createTestPerson(stack, 'Phạm Văn An', 'BTC');
  for (const year of [2023, 2024, 2025])
    dataOf(
      await stack.gql(
        contractOperation('RecordAnnualRating'),
        { input: { personId, year, rating: 'GOOD' } },
        { token: officer },
      ),
    );
});
afterAll(() => stack?.stop());

/** An LĐTT nomination of the Bộ Tài chính officer for `year`, submitted and approved by the ministry's council. */
async function approvedLdtt(year: number): Promise<string> {
  const created = dataOf(
    await stack.gql(
      contractOperation('CreateNomination'),
      { input: { awardTypeCode: 'LDTT', personId, year, basis: 'MERIT', proposedByCode: 'BTC' } },
      { token: officer },
    ),
  ).createNomination;
  expect(created.eligibility.eligible).toBe(true);
  dataOf(await stack.gql(contractOperation('SubmitNomination'), { id: created.id }, { token: officer }));
  const vote = dataOf(
    await stack.gql(
      contractOperation('RecordCouncilVote'),
      { input: { nominationId: created.id, membersTotal: 9, yes: 8, no: 1, abstain: 0, votedOn: '2025-01-10' } },
      { token: officer },
    ),
  ).recordCouncilVote;
  expect(vote.nomination.status).toBe('APPROVED');
  return created.id;
}

const issue = (nominationId: string, issuerCode: string, number: string, token: string) =>
  stack.gql(
    contractOperation('IssueDecision'),
    { input: { number, issuedOn: '2025-01-20', issuerCode, nominationIds: [nominationId] } },
    { token },
  );

const status = async (id: string) =>
  dataOf(
    await stack.gql(
      `query($id: ID!) { nomination(id: $id) { status history { fromStatus toStatus reason bySubject byOrganization } } }`,
      { id },
      { token: officer },
    ),
  ).nomination;

it("lets the Minister of Finance decide LĐTT for the ministry's own officer (Law Art 80(1))", async () => {
  const id = await approvedLdtt(2024);
  const decided = dataOf(await issue(id, 'BTC', '15/QĐ-BTC', officer)).issueDecision;
  expect(decided).toMatchObject({
    number: '15/QĐ-BTC',
    grants: [{ year: 2024, awardType: { code: 'LDTT' } }],
  });
  expect((await status(id)).status).toBe('DECIDED');
});

it('returns an approved file no one may decide, with the reason in its history, and lets it be submitted again', async () => {
  const id = await approvedLdtt(2023);
  // The Prime Minister does not decide LĐTT (Law Arts 78, 80): refused, and the file stays APPROVED.
  const refused = await issue(id, 'CP', '1/QĐ-TTg-LĐTT', board);
  expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
  expect(refused.body.errors![0]!.message).toContain('trả lại hồ sơ');
  expect((await status(id)).status).toBe('APPROVED');

  // The proposer does not return its own file; the level above (the Central Board) does, with a reason.
  const returnIt = (token: string) =>
    stack.gql(
      `mutation($id: ID!, $reason: String!) { returnNomination(id: $id, reason: $reason) { status } }`,
      { id, reason: 'Trình Bộ trưởng Bộ Tài chính quyết định theo Điều 80 khoản 1.' },
      { token },
    );
  expect(errorCodes(await returnIt(officer))).toEqual(['FORBIDDEN']);
  expect(dataOf(await returnIt(board)).returnNomination.status).toBe('RETURNED');
  const after = await status(id);
  expect(after.history.at(-1)).toMatchObject({
    fromStatus: 'APPROVED',
    toStatus: 'RETURNED',
    reason: 'Trình Bộ trưởng Bộ Tài chính quyết định theo Điều 80 khoản 1.',
  });
  expect(after.history.at(-1).bySubject).toBeTruthy();

  // Back in the proposer's hands: submitted again, it goes through the council once more.
  expect(
    dataOf(await stack.gql(contractOperation('SubmitNomination'), { id }, { token: officer })).submitNomination.status,
  ).toBe('SUBMITTED');
});

it('lets the proposer withdraw an approved file not yet decided', async () => {
  const id = await approvedLdtt(2025);
  const withdrawn = dataOf(
    await stack.gql(
      `mutation($id: ID!) { withdrawNomination(id: $id, reason: "Cá nhân đã chuyển công tác") { status } }`,
      { id },
      { token: officer },
    ),
  ).withdrawNomination;
  expect(withdrawn.status).toBe('WITHDRAWN');
  expect((await status(id)).history.at(-1)).toMatchObject({
    fromStatus: 'APPROVED',
    toStatus: 'WITHDRAWN',
    reason: 'Cá nhân đã chuyển công tác',
  });
});
