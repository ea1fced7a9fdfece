/**
 * A verdict the system cannot compute is "not evaluated", never "eligible": Bằng khen bộ/tỉnh and Giấy
 * khen have no automatic conditions (Luật TĐKT 2022, Điều 74, 75: the council and the head judge them),
 * so PersonRecord and createNomination answer `eligible: null` with a NOT_EVALUATED reason citing the
 * article, while a title whose conditions are computed (LĐTT, Art 24(1)) still answers true or false.
 */
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { createTestPerson, dataOf } from '../support/stack';

let stack: InProcessStack;
let board: string;
let officer: string;
let personId: string;

beforeAll(async () => {
  stack = await startInProcess();
  board = await stack.token('CENTRAL_BOARD');
  officer = await stack.token('ORG_OFFICER', 'BTP');
  personId = await createTestPerson(stack, 'Lê Thị Hoa', 'BTP');
  dataOf(
    await stack.gql(
      contractOperation('RecordAnnualRating'),
      { input: { personId, year: 2024, rating: 'GOOD' } },
      { token: officer },
    ),
  );
});
afterAll(() => stack?.stop());

const record = async (awardTypeCode: string) =>
  dataOf(
    await stack.gql(contractOperation('PersonRecord'), { id: personId, awardTypeCode, year: 2024 }, { token: board }),
  ).person.eligibility;

it.each([
  ['BANG_KHEN_BO_TINH', 'Điều 74'],
  ['GIAY_KHEN', 'Điều 75'],
  ['HC_LAO_DONG_2', 'Điều 33'],
])('answers "not evaluated" for %s in PersonRecord, citing %s', async (code, article) => {
  const verdict = await record(code);
  expect(verdict.eligible).toBeNull();
  expect(verdict.reasons.map((reason: any) => reason.code)).toEqual(['NOT_EVALUATED']);
  expect(verdict.reasons[0].message).toContain(`Luật TĐKT 2022, ${article}`);
  expect(verdict.reasons[0].message).toContain('Hội đồng Thi đua – Khen thưởng');
});

it('still answers true or false for a title whose conditions are computed (Art 24(1))', async () => {
  expect(await record('LDTT')).toMatchObject({ eligible: true, reasons: [] });
  const nextYear = dataOf(
    await stack.gql(
      contractOperation('PersonRecord'),
      { id: personId, awardTypeCode: 'LDTT', year: 2023 },
      { token: board },
    ),
  ).person.eligibility;
  expect(nextYear.eligible).toBe(false);
  expect(nextYear.reasons.map((reason: any) => reason.code)).toEqual(['RATING_MISSING']);
});

it('creates a Giấy khen nomination with a "not evaluated" verdict, and reads it back the same', async () => {
  const created = dataOf(
    await stack.gql(
      contractOperation('CreateNomination'),
      { input: { awardTypeCode: 'GIAY_KHEN', personId, year: 2024, basis: 'MERIT', proposedByCode: 'BTP' } },
      { token: officer },
    ),
  ).createNomination;
  expect(created.eligibility).toEqual({ eligible: null, reasons: [{ code: 'NOT_EVALUATED' }] });
  const read = dataOf(
    await stack.gql(
      `query($id: ID!) { nomination(id: $id) { eligibility { eligible reasons { code message } } } }`,
      { id: created.id },
      { token: officer },
    ),
  ).nomination.eligibility;
  expect(read.eligible).toBeNull();
  expect(read.reasons[0].message).toContain('Giấy khen (Luật TĐKT 2022, Điều 75)');
});
