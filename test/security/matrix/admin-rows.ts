/**
 * Rows of the bloc administration mutations (renaming a bloc, starting a year from an earlier one,
 * rotating the lead and deputy): a bloc organized by BTP is its officers' (and the Board's), as
 * createBloc and setBlocMembership are; a central bloc's the Board's alone.
 */
import { UNIT_OFFICER } from './callers';
import type { MutationRow } from './mutation-rows';
import { YEAR, type World } from './world';

const CREATE_BLOC = `mutation($input: CreateBlocInput!) { createBloc(input: $input) { id } }`;
const SET_MEMBERS = `mutation($input: SetBlocMembershipInput!) { setBlocMembership(input: $input) { year } }`;
const MEMBERS = `query($code: String!, $year: Int!) { bloc(code: $code) { members(year: $year) { role organization { code } } } }`;

/** A cluster organized by BTP with members in `year`: BTP (LEAD) and its department. */
async function btpBloc(world: World, year: number, organizerCode = 'BTP'): Promise<{ code: string }> {
  const code = `MX_QT_${world.next()}`;
  await world.board(CREATE_BLOC, {
    input: { code, name: `Cụm thi đua thử nghiệm ${code}`, kind: 'CLUSTER', organizerCode },
  });
  await world.board(SET_MEMBERS, {
    input: {
      blocCode: code,
      year,
      members: [
        { organizationCode: 'BTP', role: 'LEAD' },
        { organizationCode: 'DEMO_BTP_VU_TDKT', role: 'MEMBER' },
      ],
    },
  });
  return { code };
}

const membersIn =
  (year: number) =>
  ({ code }: { code: string }, world: World) =>
    world.board(MEMBERS, { code, year });

const CENTRAL_ONLY = {
  public: 'UNAUTHENTICATED',
  officerIn: 'FORBIDDEN',
  bnvOfficer: 'FORBIDDEN',
  cpOfficer: 'FORBIDDEN',
  board: 'allowed',
} as const;

export const BLOC_ADMIN_ROWS: MutationRow[] = [
  {
    operation: 'updateBloc',
    prepare: (world) => btpBloc(world, YEAR),
    build: ({ code }) => ({
      query: `mutation($input: UpdateBlocInput!) { updateBloc(input: $input) { code name } }`,
      variables: { input: { code, name: `Cụm thi đua đổi tên ${code}` } },
    }),
    state: ({ code }, world) => world.board(`query($code: String!) { bloc(code: $code) { name } }`, { code }),
    expect: { ...UNIT_OFFICER, childOfficer: 'FORBIDDEN' },
    audit: 'update',
  },
  {
    operation: 'updateBloc',
    variant: 'central bloc (organizer Ban TĐKT TW)',
    prepare: (world) => btpBloc(world, YEAR, 'BTDKTTW'),
    build: ({ code }) => ({
      query: `mutation($input: UpdateBlocInput!) { updateBloc(input: $input) { code name } }`,
      variables: { input: { code, name: `Khối thi đua đổi tên ${code}` } },
    }),
    state: ({ code }, world) => world.board(`query($code: String!) { bloc(code: $code) { name } }`, { code }),
    expect: CENTRAL_ONLY,
    audit: 'update',
  },
  {
    operation: 'copyBlocMembership',
    prepare: (world) => btpBloc(world, YEAR - 1),
    build: ({ code }) => ({
      query: `mutation($input: CopyBlocMembershipInput!) { copyBlocMembership(input: $input) { fromYear } }`,
      variables: { input: { blocCode: code, toYear: YEAR } },
    }),
    state: membersIn(YEAR),
    expect: { ...UNIT_OFFICER, childOfficer: 'FORBIDDEN' },
    audit: 'update',
  },
  {
    operation: 'rotateBlocLeadership',
    prepare: (world) => btpBloc(world, YEAR),
    build: ({ code }) => ({
      query: `mutation($input: RotateBlocLeadershipInput!) { rotateBlocLeadership(input: $input) { role } }`,
      variables: { input: { blocCode: code, year: YEAR, leadCode: 'DEMO_BTP_VU_TDKT', deputyCode: 'BTP' } },
    }),
    state: membersIn(YEAR),
    expect: { ...UNIT_OFFICER, childOfficer: 'FORBIDDEN' },
    audit: 'update',
  },
];
