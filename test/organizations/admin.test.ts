/**
 * Administration of blocs through the gateway (in-process tier): renaming with compare-and-swap,
 * starting a year from last year's members in one transaction, rotating the lead and deputy with
 * every year kept, and who may do each (the Central Board for the central blocs, an organizer's
 * officers for its own); and what the administration screens may offer on a unit.
 */
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { dataOf, errorCodes } from '../support/stack';

let stack: InProcessStack;
let board: string;
beforeAll(async () => {
  stack = await startInProcess();
  board = await stack.token('CENTRAL_BOARD');
  dataOf(
    await stack.gql(
      contractOperation('CreateBloc'),
      { input: { code: 'CUM_THU_TW', name: 'Cụm thử các thành phố', kind: 'CLUSTER', organizerCode: 'BTDKTTW' } },
      { token: board },
    ),
  );
  // 2025: Bình Dương, merged into TP HCM on 2025-07-01, was still a member.
  dataOf(
    await stack.gql(
      contractOperation('SetBlocMembership'),
      {
        input: {
          blocCode: 'CUM_THU_TW',
          year: 2025,
          members: [
            { organizationCode: 'HN', role: 'LEAD' },
            { organizationCode: 'HP', role: 'DEPUTY' },
            { organizationCode: 'DN' },
            { organizationCode: 'BINH_DUONG' },
          ],
        },
      },
      { token: board },
    ),
  );
});
afterAll(() => stack?.stop());

const COPY = `mutation($input: CopyBlocMembershipInput!) {
  copyBlocMembership(input: $input) { fromYear members { role organization { code } } leftOut { code } }
}`;
const ROTATE = `mutation($input: RotateBlocLeadershipInput!) {
  rotateBlocLeadership(input: $input) { role organization { code } }
}`;
const UPDATE = `mutation($input: UpdateBlocInput!) { updateBloc(input: $input) { code name kind version } }`;
const HISTORY = `query($code: String!) {
  bloc(code: $code) { version viewerCanManage leadershipHistory { year lead { code } deputy { code } } }
}`;

const roles = (members: { role: string; organization: { code: string } }[]) =>
  Object.fromEntries(members.map((member) => [member.organization.code, member.role]));

describe('copyBlocMembership', () => {
  it('starts 2026 from 2025 as plain members, leaving out the unit that no longer exists, and refuses a second copy unless asked to replace', async () => {
    const copied = dataOf(
      await stack.gql(COPY, { input: { blocCode: 'CUM_THU_TW', toYear: 2026 } }, { token: board }),
    ).copyBlocMembership;
    expect(copied.fromYear).toBe(2025);
    expect(roles(copied.members)).toEqual({ HN: 'MEMBER', HP: 'MEMBER', DN: 'MEMBER' });
    expect(copied.leftOut).toEqual([{ code: 'BINH_DUONG' }]);

    const again = await stack.gql(COPY, { input: { blocCode: 'CUM_THU_TW', toYear: 2026 } }, { token: board });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(again.body.errors![0]!.extensions).toMatchObject({ field: 'input.replace' });
    expect(again.body.errors![0]!.message).toMatch(/đã có 3 thành viên trong năm 2026/);

    const replaced = dataOf(
      await stack.gql(
        COPY,
        { input: { blocCode: 'CUM_THU_TW', toYear: 2026, fromYear: 2025, replace: true, keepRoles: true } },
        { token: board },
      ),
    ).copyBlocMembership;
    expect(roles(replaced.members)).toEqual({ HN: 'LEAD', HP: 'DEPUTY', DN: 'MEMBER' });
  });

  it('refuses a year with nothing to copy from', async () => {
    const response = await stack.gql(COPY, { input: { blocCode: 'CUM_THU_TW', toYear: 2024 } }, { token: board });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors![0]!.extensions).toMatchObject({ field: 'input.fromYear' });
  });
  it('lets one of two concurrent copies into the same year through; the other is refused, nothing doubled', async () => {
    dataOf(
      await stack.gql(
        contractOperation('CreateBloc'),
        { input: { code: 'CUM_DONG_THOI', name: 'Cụm thử đồng thời', kind: 'CLUSTER', organizerCode: 'BTDKTTW' } },
        { token: board },
      ),
    );
    dataOf(
      await stack.gql(
        contractOperation('SetBlocMembership'),
        {
          input: {
            blocCode: 'CUM_DONG_THOI',
            year: 2025,
            members: [{ organizationCode: 'HN' }, { organizationCode: 'CT' }],
          },
        },
        { token: board },
      ),
    );
    const answers = await Promise.all(
      [1, 2].map(() => stack.gql(COPY, { input: { blocCode: 'CUM_DONG_THOI', toYear: 2026 } }, { token: board })),
    );
    expect(answers.map((answer) => errorCodes(answer).join() || 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const { bloc } = dataOf(
      await stack.gql(
        `{ bloc(code: "CUM_DONG_THOI") { members(year: 2026) { organization { code } } } }`,
        {},
        {
          token: board,
        },
      ),
    );
    expect(bloc.members.map((member: any) => member.organization.code).sort()).toEqual(['CT', 'HN']);
  });

  it('refuses an officer who would carry a unit outside its organizer’s subtree into its own bloc, writing nothing', async () => {
    const hn = await stack.token('ORG_OFFICER', 'HN');
    dataOf(
      await stack.gql(
        contractOperation('CreateBloc'),
        { input: { code: 'KHOI_HN_CHEP', name: 'Khối thử chép Hà Nội', kind: 'BLOC', organizerCode: 'HN' } },
        { token: hn },
      ),
    );
    // The Central Board may compose a bloc across organizations; the officer may not carry that over.
    dataOf(
      await stack.gql(
        contractOperation('SetBlocMembership'),
        {
          input: {
            blocCode: 'KHOI_HN_CHEP',
            year: 2025,
            members: [{ organizationCode: 'HN' }, { organizationCode: 'HP' }],
          },
        },
        { token: board },
      ),
    );
    const refused = await stack.gql(COPY, { input: { blocCode: 'KHOI_HN_CHEP', toYear: 2026 } }, { token: hn });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.body.errors![0]!.message).toMatch(/Thành phố Hải Phòng không thuộc đơn vị tổ chức/);
    const { bloc } = dataOf(await stack.gql(`{ bloc(code: "KHOI_HN_CHEP") { years } }`, {}, { token: board }));
    expect(bloc.years).toEqual([2025]);
  });
});

describe('rotateBlocLeadership', () => {
  it('hands the roles to other members; every year’s lead and deputy stay in the history', async () => {
    const rotated = dataOf(
      await stack.gql(
        ROTATE,
        { input: { blocCode: 'CUM_THU_TW', year: 2026, leadCode: 'DN', deputyCode: 'HN' } },
        { token: board },
      ),
    ).rotateBlocLeadership;
    expect(roles(rotated)).toEqual({ DN: 'LEAD', HN: 'DEPUTY', HP: 'MEMBER' });
    expect(rotated[0].organization.code).toBe('DN');
    const { bloc } = dataOf(await stack.gql(HISTORY, { code: 'CUM_THU_TW' }, { token: board }));
    expect(bloc.leadershipHistory).toEqual([
      { year: 2025, lead: { code: 'HN' }, deputy: { code: 'HP' } },
      { year: 2026, lead: { code: 'DN' }, deputy: { code: 'HN' } },
    ]);
  });

  it('refuses a lead or deputy who is not a member of the year, or one unit in both roles, and changes nothing', async () => {
    const outsider = await stack.gql(
      ROTATE,
      { input: { blocCode: 'CUM_THU_TW', year: 2026, leadCode: 'CT', deputyCode: 'HP' } },
      { token: board },
    );
    expect(errorCodes(outsider)).toEqual(['BAD_USER_INPUT']);
    expect(outsider.body.errors![0]!.extensions).toMatchObject({ field: 'input.leadCode' });
    const both = await stack.gql(
      ROTATE,
      { input: { blocCode: 'CUM_THU_TW', year: 2026, leadCode: 'HP', deputyCode: 'HP' } },
      { token: board },
    );
    expect(errorCodes(both)).toEqual(['BAD_USER_INPUT']);
    expect(both.body.errors![0]!.extensions).toMatchObject({ field: 'input.deputyCode' });
    const empty = await stack.gql(
      ROTATE,
      { input: { blocCode: 'CUM_THU_TW', year: 2020, leadCode: 'HN' } },
      { token: board },
    );
    expect(errorCodes(empty)).toEqual(['BAD_USER_INPUT']);
    const { bloc } = dataOf(await stack.gql(HISTORY, { code: 'CUM_THU_TW' }, { token: board }));
    expect(bloc.leadershipHistory.at(-1)).toEqual({ year: 2026, lead: { code: 'DN' }, deputy: { code: 'HN' } });
  });
});

describe('updateBloc', () => {
  it('renames with the version seen, and refuses a stale version with CONFLICT', async () => {
    const { version } = dataOf(await stack.gql(HISTORY, { code: 'CUM_THU_TW' }, { token: board })).bloc;
    const renamed = dataOf(
      await stack.gql(
        UPDATE,
        { input: { code: 'CUM_THU_TW', expectedVersion: version, name: ' Cụm thi đua các thành phố (thử) ' } },
        { token: board },
      ),
    ).updateBloc;
    expect(renamed).toMatchObject({ name: 'Cụm thi đua các thành phố (thử)', kind: 'CLUSTER', version: version + 1 });
    const stale = await stack.gql(
      UPDATE,
      { input: { code: 'CUM_THU_TW', expectedVersion: version, name: 'Tên khác' } },
      { token: board },
    );
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(stale.body.errors![0]!.extensions).toMatchObject({ currentVersion: version + 1 });
  });
});

describe('who may administer a bloc', () => {
  it('keeps the central blocs to the Central Board and an organizer’s blocs to its officers', async () => {
    const hn = await stack.token('ORG_OFFICER', 'HN');
    const viewer = await stack.token('VIEWER', 'HN');
    for (const token of [hn, viewer]) {
      expect(errorCodes(await stack.gql(COPY, { input: { blocCode: 'CUM_THU_TW', toYear: 2027 } }, { token }))).toEqual(
        ['FORBIDDEN'],
      );
      expect(
        errorCodes(
          await stack.gql(
            ROTATE,
            { input: { blocCode: 'CUM_THU_TW', year: 2026, leadCode: 'HN', deputyCode: 'DN' } },
            { token },
          ),
        ),
      ).toEqual(['FORBIDDEN']);
      expect(errorCodes(await stack.gql(UPDATE, { input: { code: 'CUM_THU_TW', name: 'X' } }, { token }))).toEqual([
        'FORBIDDEN',
      ]);
    }
    // An outsider hears FORBIDDEN before anything about its input (here a year out of range).
    expect(
      errorCodes(await stack.gql(COPY, { input: { blocCode: 'CUM_THU_TW', toYear: 1800 } }, { token: hn })),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await stack.gql(ROTATE, { input: { blocCode: 'CUM_THU_TW', year: 1800, leadCode: 'HN' } }, { token: hn }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(errorCodes(await stack.gql(UPDATE, { input: { code: 'CUM_THU_TW', name: 'X' } }))).toEqual([
      'UNAUTHENTICATED',
    ]);

    // Hà Nội's officer organizes a bloc of its own and administers it.
    dataOf(
      await stack.gql(
        contractOperation('CreateBloc'),
        { input: { code: 'KHOI_SO_HN_THU', name: 'Khối các sở Hà Nội (thử)', kind: 'BLOC', organizerCode: 'HN' } },
        { token: hn },
      ),
    );
    expect(
      dataOf(
        await stack.gql(UPDATE, { input: { code: 'KHOI_SO_HN_THU', name: 'Khối sở, ngành Hà Nội' } }, { token: hn }),
      ).updateBloc.name,
    ).toBe('Khối sở, ngành Hà Nội');

    const canManage = async (code: string, token?: string) =>
      dataOf(await stack.gql(HISTORY, { code }, token ? { token } : {})).bloc.viewerCanManage;
    expect(await canManage('CUM_THU_TW', board)).toBe(true);
    expect(await canManage('CUM_THU_TW', hn)).toBe(false);
    expect(await canManage('CUM_THU_TW')).toBe(false);
    expect(await canManage('KHOI_SO_HN_THU', hn)).toBe(true);
    expect(await canManage('KHOI_SO_HN_THU', viewer)).toBe(false);
    expect(await canManage('KHOI_SO_HN_THU', await stack.token('ORG_OFFICER', 'HP'))).toBe(false);
  });
});

describe('what a unit’s administration screen may offer', () => {
  const RIGHTS = `query($code: String!) { organization(code: $code) { viewerCanEdit viewerCanActFor } }`;
  const rights = async (code: string, token?: string) =>
    dataOf(await stack.gql(RIGHTS, { code }, token ? { token } : {})).organization;

  it('answers with the mutations’ own checks: an officer acts for its subtree and edits only the units below it', async () => {
    dataOf(
      await stack.gql(
        contractOperation('CreateOrganization'),
        { input: { code: 'SO_THU_HN', name: 'Sở thử Hà Nội', kind: 'DEPARTMENT', parentCode: 'HN' } },
        { token: board },
      ),
    );
    const hn = await stack.token('ORG_OFFICER', 'HN');
    expect(await rights('HN', board)).toEqual({ viewerCanEdit: true, viewerCanActFor: true });
    expect(await rights('HN', hn)).toEqual({ viewerCanEdit: false, viewerCanActFor: true });
    expect(await rights('SO_THU_HN', hn)).toEqual({ viewerCanEdit: true, viewerCanActFor: true });
    expect(await rights('HP', hn)).toEqual({ viewerCanEdit: false, viewerCanActFor: false });
    expect(await rights('SO_THU_HN', await stack.token('VIEWER', 'HN'))).toEqual({
      viewerCanEdit: false,
      viewerCanActFor: false,
    });
    expect(await rights('SO_THU_HN')).toEqual({ viewerCanEdit: false, viewerCanActFor: false });
    // And the mutations agree: the officer renames the unit below it, not its own.
    const rename = (code: string) =>
      stack.gql(
        `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { name } }`,
        { input: { code, name: 'Tên mới' } },
        { token: hn },
      );
    expect(dataOf(await rename('SO_THU_HN')).updateOrganization.name).toBe('Tên mới');
    expect(errorCodes(await rename('HN'))).toEqual(['FORBIDDEN']);
  });
});

describe('the administration list’s cost', () => {
  it('reads each bloc’s rights and every year’s lead and deputy in statements that do not grow with the page', async () => {
    const LIST = `query($first: Int) { blocs(first: $first) { edges { node { code viewerCanManage leadershipHistory { year lead { name } deputy { name } } } } } }`;
    const statements = async (first: number, token: string) => {
      const response = await stack.gql(LIST, { first }, { token, headers: { 'x-tdkt-stats': '1' } });
      expect(dataOf(response).blocs.edges).toHaveLength(first);
      return (response.body.extensions?.['stats'] as { sqlStatements: Record<string, number> }).sqlStatements[
        'organizations'
      ];
    };
    const officer = await stack.token('ORG_OFFICER', 'HN');
    for (const token of [board, officer]) expect(await statements(3, token)).toBe(await statements(1, token));
  });
});
