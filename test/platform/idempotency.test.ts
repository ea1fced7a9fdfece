/**
 * Retried mutations with an Idempotency-Key act once and answer like the first time; the same key for
 * a different request is refused; 50 concurrent updates of one scorecard leave one consistent card.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { contractOperation } from '../support/operations';
import { dataOf, errorCodes, startStack, type Stack } from '../support/stack';

let stack: Stack;
let board: string;
let pledgeId: string;
const MEMBERS = ['TANDTC', 'VKSNDTC', 'BTP', 'BCA'];

beforeAll(async () => {
  stack = await startStack();
  board = await stack.token('CENTRAL_BOARD');
  dataOf(
    await stack.gql(
      contractOperation('SetBlocMembership'),
      {
        input: {
          blocCode: 'NOI_CHINH_TW',
          year: 2026,
          members: MEMBERS.map((code, index) => ({ organizationCode: code, role: index === 0 ? 'LEAD' : 'MEMBER' })),
        },
      },
      { token: board },
    ),
  );
  pledgeId = dataOf(
    await stack.gql(
      contractOperation('CreatePledge'),
      {
        input: {
          blocCode: 'NOI_CHINH_TW',
          year: 2026,
          theme: 'Thử',
          items: [
            { code: '1', title: 'Nội dung 1', maxScore: 50 },
            { code: '2', title: 'Nội dung 2', maxScore: 50 },
          ],
        },
      },
      { token: board },
    ),
  ).createPledge.id;
  dataOf(await stack.gql(contractOperation('OpenPledge'), { id: pledgeId }, { token: board }));
});
afterAll(() => stack?.stop());

const sign = (organizationCode: string, key?: string) =>
  stack.gql(
    contractOperation('SignPledge'),
    { input: { pledgeId, organizationCode } },
    { token: board, headers: key ? { 'idempotency-key': key } : {} },
  );

it('answers a replayed signature like the first time and signs once', async () => {
  const first = dataOf(await sign('BTP', 'sign-btp-0001')).signPledge;
  const replay = dataOf(await sign('BTP', 'sign-btp-0001')).signPledge;
  expect(replay).toEqual(first);
  // Without the key, a second signature is what it is: a conflict.
  expect(errorCodes(await sign('BTP'))).toEqual(['CONFLICT']);
  const signatures = dataOf(
    await stack.gql(`query($id: ID!) { pledge(id: $id) { signatures { organization { code } } } }`, { id: pledgeId }),
  ).pledge.signatures;
  expect(signatures.filter((signature: any) => signature.organization.code === 'BTP')).toHaveLength(1);
});

it('refuses the same key for a different request', async () => {
  const other = await sign('BCA', 'sign-btp-0001');
  expect(errorCodes(other)).toEqual(['CONFLICT']);
  expect(other.body.errors![0]!.message).toContain('Idempotency-Key');
});

it('acts once when 10 retries with one key race', async () => {
  const responses = await Promise.all(Array.from({ length: 10 }, () => sign('VKSNDTC', 'sign-vks-race-01')));
  const signed = responses.filter((response) => !response.body.errors);
  expect(signed.length).toBeGreaterThanOrEqual(1);
  expect(
    responses.filter((response) => response.body.errors).every((response) => errorCodes(response)[0] === 'CONFLICT'),
  ).toBe(true);
  const signatures = dataOf(
    await stack.gql(`query($id: ID!) { pledge(id: $id) { signatures { organization { code } } } }`, { id: pledgeId }),
  ).pledge.signatures;
  expect(signatures.filter((signature: any) => signature.organization.code === 'VKSNDTC')).toHaveLength(1);
  // Every successful answer is the same answer.
  expect(new Set(signed.map((response) => JSON.stringify(response.body.data))).size).toBe(1);
});

it('runs a refused request again on retry (a refusal does not use up the key)', async () => {
  const bad = () =>
    stack.gql(
      contractOperation('SignPledge'),
      { input: { pledgeId, organizationCode: 'BNV' } },
      { token: board, headers: { 'idempotency-key': 'sign-bnv-00001' } },
    );
  expect(errorCodes(await bad())).toEqual(['BAD_USER_INPUT']);
  expect(errorCodes(await bad())).toEqual(['BAD_USER_INPUT']);
});

it('leaves one consistent scorecard after 50 concurrent updates of the same card', async () => {
  dataOf(await sign('TANDTC'));
  dataOf(await sign('BCA'));
  const submitOnce = (points: number) =>
    stack.gql(
      contractOperation('SubmitScorecard'),
      {
        input: {
          pledgeId,
          organizationCode: 'BTP',
          stage: 'SELF',
          scores: [
            { itemCode: '1', points },
            { itemCode: '2', points },
          ],
        },
      },
      { token: board },
    );
  // A call starved of a connection on a loaded machine answers SERVICE_UNAVAILABLE with nothing saved;
  // a client sends it again after a pause, as here. Every call then ends as OK or CONFLICT.
  const submit = async (points: number) => {
    for (let attempt = 0; ; attempt += 1) {
      const response = await submitOnce(points);
      if (errorCodes(response)[0] !== 'SERVICE_UNAVAILABLE' || attempt === 5) return response;
      await delay(250 * 2 ** attempt + Math.random() * 250);
    }
  };
  const responses = await Promise.all(Array.from({ length: 50 }, (_, index) => submit(index % 50)));
  const unexpected = responses
    .filter((response) => response.body.errors && errorCodes(response)[0] !== 'CONFLICT')
    .map((response) => response.body.errors);
  expect(unexpected).toEqual([]);
  expect(responses.filter((response) => !response.body.errors).length).toBeGreaterThan(0);
  const cards = dataOf(
    await stack.gql(
      `query($id: ID!) { pledge(id: $id) { scorecards(stage: SELF) { organization { id } totalScore scores { itemCode points } } } }`,
      { id: pledgeId },
      { token: board },
    ),
  ).pledge.scorecards;
  expect(cards).toHaveLength(1);
  const [card] = cards;
  expect(card.scores).toHaveLength(2);
  expect(card.scores[0].points).toBe(card.scores[1].points);
  expect(card.totalScore).toBe(card.scores[0].points * 2);
});
