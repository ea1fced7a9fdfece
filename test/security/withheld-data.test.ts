/**
 * Withheld data never looks like empty data. A field the caller may not see answers null with a
 * FORBIDDEN error on that field's path, saying in Vietnamese who may see it and why this caller is not
 * among them, and the rest of the response stays intact; an empty list or a null without an error then
 * always means "there is nothing". Lists where only some items are hidden keep the visible ones.
 * Through the gateway (in-process tier): the subgraphs' errors must reach the client with their code,
 * message and supergraph path, unmasked.
 */
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { dataOf, errorCodes, type GraphQLResponse } from '../support/stack';

const MEMBERS = ['TANDTC', 'VKSNDTC', 'BTP', 'BQLLANG', 'BQP', 'BCA', 'TTCP', 'KTNN'];
const YEAR = 2026;
const WORKING_DATA_READERS =
  'Ban Thi đua – Khen thưởng Trung ương và cán bộ các đơn vị thành viên của khối trong năm của giao ước';

let stack: InProcessStack;
let board: string;
let outsider: string; // an officer of Bộ Y tế, not a member of the bloc, nor above BTP
let memberOfficer: string;
let memberViewer: string;
let pledgeId: string;
let personId: string;

beforeAll(async () => {
  stack = await startInProcess();
  board = await stack.token('CENTRAL_BOARD');
  outsider = await stack.token('ORG_OFFICER', 'BYT');
  memberOfficer = await stack.token('ORG_OFFICER', 'BTP');
  memberViewer = await stack.token('VIEWER', 'BTP');
  const members = MEMBERS.map((code, index) => ({
    organizationCode: code,
    role: index === 0 ? 'LEAD' : index === 1 ? 'DEPUTY' : 'MEMBER',
  }));
  dataOf(
    await stack.gql(
      contractOperation('SetBlocMembership'),
      { input: { blocCode: 'NOI_CHINH_TW', year: YEAR, members } },
      { token: board },
    ),
  );
  pledgeId = dataOf(
    await stack.gql(
      contractOperation('CreatePledge'),
      {
        input: {
          blocCode: 'NOI_CHINH_TW',
          year: YEAR,
          theme: 'Đoàn kết, kỷ cương, sáng tạo, hiệu quả',
          items: [{ code: '1', title: 'Đẩy mạnh chuyển đổi số', targetValue: 100, unit: '%', maxScore: 100 }],
        },
      },
      { token: board },
    ),
  ).createPledge.id;
  personId = dataOf(
    await stack.gql(
      contractOperation('CreatePerson'),
      {
        input: {
          fullName: 'Trần Thị Bảo Mật',
          gender: 'FEMALE',
          birthYear: 1980,
          ethnicity: 'Kinh',
          organizationCode: 'BTP',
        },
      },
      { token: board },
    ),
  ).createPerson.id;
  dataOf(
    await stack.gql(
      contractOperation('RecordAnnualRating'),
      { input: { personId, year: 2024, rating: 'EXCELLENT' } },
      { token: board },
    ),
  );
});
afterAll(() => stack?.stop());

/** The errors of a response as `code @ path`, in path order. */
function refusals(response: GraphQLResponse): string[] {
  return (response.body.errors ?? [])
    .map((error) => `${String(error.extensions?.['code'])} @ ${(error.path ?? []).join('.')}`)
    .sort();
}

function messageAt(response: GraphQLResponse, path: string): string | undefined {
  return response.body.errors?.find((error) => (error.path ?? []).join('.') === path)?.message;
}

describe('a DRAFT pledge', () => {
  const PLEDGE = `query($id: ID!) { pledge(id: $id) { id status } }`;
  const BLOC = `query($year: Int!) { bloc(code: "NOI_CHINH_TW") { name pledge(year: $year) { id } pledges { id year } } }`;

  it('is FORBIDDEN (not a null that reads as "no pledge") to the public and to non-members', async () => {
    const anonymous = await stack.gql(PLEDGE, { id: pledgeId });
    expect(anonymous.body.data).toEqual({ pledge: null });
    expect(refusals(anonymous)).toEqual(['FORBIDDEN @ pledge']);
    expect(messageAt(anonymous, 'pledge')).toBe(
      `Giao ước đang soạn thảo (chưa mở ký) không công khai: chỉ ${WORKING_DATA_READERS}; giao ước được công khai khi Khối trưởng mở ký được xem, sau khi đăng nhập.`,
    );
    const outside = await stack.gql(PLEDGE, { id: pledgeId }, { token: outsider });
    expect(refusals(outside)).toEqual(['FORBIDDEN @ pledge']);
    expect(messageAt(outside, 'pledge')).toMatch(/; cán bộ của Bộ Y tế không thuộc phạm vi này\.$/);
    // A pledge that does not exist is still a plain null.
    const none = await stack.gql(PLEDGE, { id: '0b6c1a2e-4f1d-4c59-9a57-3f8e1d2c4b7a' }, { token: outsider });
    expect(none.body).toEqual({ data: { pledge: null } });
  });

  it('is shown to the staff of a member, without errors', async () => {
    expect(dataOf(await stack.gql(PLEDGE, { id: pledgeId }, { token: memberViewer })).pledge).toEqual({
      id: pledgeId,
      status: 'DRAFT',
    });
  });

  it('is FORBIDDEN at bloc.pledge(year) with the bloc intact, and left out of the bloc.pledges list', async () => {
    const response = await stack.gql(BLOC, { year: YEAR }, { token: outsider });
    expect(refusals(response)).toEqual(['FORBIDDEN @ bloc.pledge']);
    expect(response.body.data!.bloc).toMatchObject({ name: expect.stringContaining('Nội chính'), pledge: null });
    // The published pledges of earlier years stay in the list; the draft is left out.
    const listed = response.body.data!.bloc.pledges.map((pledge: { id: string }) => pledge.id);
    expect(listed).not.toContain(pledgeId);
    const member = dataOf(await stack.gql(BLOC, { year: YEAR }, { token: memberOfficer }));
    expect(member.bloc.pledge).toEqual({ id: pledgeId });
    expect(member.bloc.pledges).toEqual([{ id: pledgeId, year: YEAR }, ...response.body.data!.bloc.pledges]);
  });

  it('is FORBIDDEN in blocPledgeSummaries, as are the progress rates, the rest of the summary intact', async () => {
    const SUMMARIES = `query($year: Int!) { blocPledgeSummaries(year: $year, kind: BLOC, first: 50) { edges { node { bloc { code } status membersCount progressVisible averageProgress completionRate pledge { id } } } } }`;
    const response = await stack.gql(SUMMARIES, { year: YEAR }, { token: outsider });
    const edges = response.body.data!.blocPledgeSummaries.edges as any[];
    const index = edges.findIndex((edge) => edge.node.bloc.code === 'NOI_CHINH_TW');
    expect(edges[index].node).toEqual({
      bloc: { code: 'NOI_CHINH_TW' },
      status: 'DRAFT',
      membersCount: MEMBERS.length,
      progressVisible: false,
      averageProgress: null,
      completionRate: null,
      pledge: null,
    });
    const here = (field: string) => `FORBIDDEN @ blocPledgeSummaries.edges.${index}.node.${field}`;
    expect(refusals(response).filter((line) => line.includes(`.edges.${index}.`))).toEqual(
      [here('averageProgress'), here('completionRate'), here('pledge')].sort(),
    );
    const member = dataOf(await stack.gql(SUMMARIES, { year: YEAR }, { token: memberOfficer }));
    const own = member.blocPledgeSummaries.edges.find((edge: any) => edge.node.bloc.code === 'NOI_CHINH_TW').node;
    expect(own).toMatchObject({
      progressVisible: true,
      averageProgress: 0,
      completionRate: 0,
      pledge: { id: pledgeId },
    });
  });
});

describe('the working data of an open pledge', () => {
  const WORKING = `query($id: ID!) { pledge(id: $id) { id status progress { value } progressHistory { value } scorecards { stage } } }`;

  beforeAll(async () => {
    dataOf(await stack.gql(contractOperation('OpenPledge'), { id: pledgeId }, { token: board }));
  });

  it('answers null with FORBIDDEN on each field to the public and to non-members, never an empty list', async () => {
    for (const token of [undefined, outsider]) {
      const response = await stack.gql(WORKING, { id: pledgeId }, { token });
      expect(response.body.data).toEqual({
        pledge: { id: pledgeId, status: 'OPEN', progress: null, progressHistory: null, scorecards: null },
      });
      expect(refusals(response)).toEqual([
        'FORBIDDEN @ pledge.progress',
        'FORBIDDEN @ pledge.progressHistory',
        'FORBIDDEN @ pledge.scorecards',
      ]);
    }
    const anonymous = await stack.gql(WORKING, { id: pledgeId });
    expect(messageAt(anonymous, 'pledge.progress')).toBe(
      `Tiến độ giao ước không công khai: chỉ ${WORKING_DATA_READERS} được xem, sau khi đăng nhập.`,
    );
    const outside = await stack.gql(WORKING, { id: pledgeId }, { token: outsider });
    expect(messageAt(outside, 'pledge.progress')).toBe(
      `Tiến độ giao ước chỉ ${WORKING_DATA_READERS} được xem; cán bộ của Bộ Y tế không thuộc phạm vi này.`,
    );
  });

  it('is an empty list, without errors, for a member before anyone reported', async () => {
    const response = await stack.gql(WORKING, { id: pledgeId }, { token: memberViewer });
    expect(response.body).toEqual({
      data: { pledge: { id: pledgeId, status: 'OPEN', progress: [], progressHistory: [], scorecards: [] } },
    });
  });

  it('is FORBIDDEN on the contract’s BlocBoard too, the published parts of the board intact', async () => {
    const response = await stack.gql(contractOperation('BlocBoard'), { code: 'NOI_CHINH_TW', year: YEAR });
    expect(refusals(response)).toEqual(['FORBIDDEN @ bloc.pledge.progress']);
    expect(response.body.data!.bloc.pledge).toMatchObject({ id: pledgeId, status: 'OPEN', progress: null });
    expect(response.body.data!.bloc.members).toHaveLength(MEMBERS.length);
  });
});

describe('a person’s non-public fields', () => {
  const RECORD = `query($id: ID!) { person(id: $id) { fullName organization { name } gender birthYear ethnicity position isDirectWorker annualRatings { year rating } eligibility(awardTypeCode: "CSTD_CO_SO", year: 2024) { eligible } } }`;
  const PRIVATE = ['annualRatings', 'birthYear', 'eligibility', 'ethnicity', 'gender', 'isDirectWorker', 'position'];

  it('are null with FORBIDDEN on each field for the public and other units; name and unit stay', async () => {
    for (const token of [undefined, outsider]) {
      const response = await stack.gql(RECORD, { id: personId }, { token });
      expect(response.body.data!.person).toEqual({
        fullName: 'Trần Thị Bảo Mật',
        organization: { name: 'Bộ Tư pháp' },
        ...Object.fromEntries(PRIVATE.map((field) => [field, null])),
      });
      expect(refusals(response)).toEqual(PRIVATE.map((field) => `FORBIDDEN @ person.${field}`));
    }
    const outside = await stack.gql(RECORD, { id: personId }, { token: outsider });
    expect(messageAt(outside, 'person.annualRatings')).toBe(
      'Kết quả xếp loại hằng năm của cá nhân chỉ Ban Thi đua – Khen thưởng Trung ương và cán bộ của đơn vị nơi người này công tác hoặc của đơn vị cấp trên được xem; cán bộ của Bộ Y tế không thuộc phạm vi này.',
    );
  });

  it('are shown to the staff of the person’s unit, without errors', async () => {
    const response = await stack.gql(RECORD, { id: personId }, { token: memberViewer });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.person).toMatchObject({
      gender: 'FEMALE',
      birthYear: 1980,
      ethnicity: 'Kinh',
      annualRatings: [{ year: 2024, rating: 'EXCELLENT' }],
      eligibility: { eligible: expect.any(Boolean) },
    });
  });
});

describe('a nomination', () => {
  it('is FORBIDDEN, not null, to an officer outside the proposing unit; an unknown id stays null', async () => {
    const nominationId = dataOf(
      await stack.gql(
        contractOperation('CreateNomination'),
        { input: { awardTypeCode: 'LDTT', personId, year: 2025, basis: 'MERIT', proposedByCode: 'BTP' } },
        { token: memberOfficer },
      ),
    ).createNomination.id;
    const QUERY = `query($id: ID!) { nomination(id: $id) { id status } }`;
    const outside = await stack.gql(QUERY, { id: nominationId }, { token: outsider });
    expect(outside.body.data).toEqual({ nomination: null });
    expect(refusals(outside)).toEqual(['FORBIDDEN @ nomination']);
    expect(messageAt(outside, 'nomination')).toMatch(/^Hồ sơ đề nghị khen thưởng chỉ .*cán bộ của Bộ Y tế/);
    expect(dataOf(await stack.gql(QUERY, { id: nominationId }, { token: memberViewer })).nomination.id).toBe(
      nominationId,
    );
    expect(
      errorCodes(await stack.gql(QUERY, { id: '0b6c1a2e-4f1d-4c59-9a57-3f8e1d2c4b7a' }, { token: outsider })),
    ).toEqual([]);
  });
});
