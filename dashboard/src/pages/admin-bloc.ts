/**
 * Quản trị một khối, cụm: its name, a year's members (add, remove, start from last year's list),
 * the rotation of the lead and deputy, and every year's lead and deputy. Forms appear only for those
 * who may manage the bloc (`viewerCanManage`: the Board for the central blocs, the organizer's
 * officers for theirs); anyone else sees the lists, read-only.
 */
import { mutate, query, wholeData } from '../api';
import { BLOC_KIND, label, memberRole } from '../labels';
import type { PageContext } from '../main';
import { nfc } from '../text';
import { vietnamYear } from '../years';
import { append, dataTable, empty, h, link, section, yearSelect } from '../ui';
import {
  actionForm,
  adminAllowed,
  field,
  pickerOf,
  resultArea,
  runAction,
  selectOf,
  textInput,
  unitPicker,
} from './admin-common';
import {
  ADMIN_BLOC,
  ADMIN_COPY_BLOC_MEMBERSHIP,
  ADMIN_ROTATE_BLOC_LEADERSHIP,
  ADMIN_SET_BLOC_MEMBERSHIP,
  ADMIN_UPDATE_BLOC,
} from './admin-queries';
import { organizationLink, pageHeader } from './common';

interface Unit {
  code: string;
  name: string;
}

interface Member {
  role: string;
  organization: Unit;
}

interface Bloc {
  code: string;
  name: string;
  kind: string;
  version: number;
  years: number[];
  viewerCanManage: boolean;
  organizer: Unit | null;
  members: Member[];
  leadershipHistory: { year: number; lead: Unit | null; deputy: Unit | null }[];
}

export async function adminBlocPage(context: PageContext): Promise<void> {
  if (!adminAllowed(context)) return;
  const code = context.params[0]!.toUpperCase();
  const queried = Number(context.query.get('nam'));
  const year = Number.isInteger(queried) && queried >= 1945 ? queried : vietnamYear();
  const { bloc } = wholeData(await query<{ bloc: Bloc | null }>(ADMIN_BLOC, { code, year }));
  if (!context.isCurrent()) return;
  context.setTitle(`Quản trị ${bloc.name}`);
  const area = resultArea();
  const manage = bloc.viewerCanManage;
  const lastYear = [...bloc.years].filter((known) => known < year).sort((a, b) => b - a)[0];
  const thisYear = vietnamYear();
  context.root.replaceChildren();
  append(context.root, [
    pageHeader(
      bloc.name,
      [label(BLOC_KIND, bloc.kind), ' · Đơn vị tổ chức: ', organizationLink(bloc.organizer)],
      link(`/khoi/${encodeURIComponent(bloc.code)}?nam=${year}`, 'Xem bảng theo dõi'),
      link('/quan-tri', '‹ Quản trị'),
    ),
    area,
    manage
      ? null
      : h(
          'p',
          { class: 'alert alert-info', 'data-testid': 'read-only' },
          `Bạn xem được ${label(BLOC_KIND, bloc.kind, 'khối, cụm').toLowerCase()} này nhưng không quản trị được: chỉ Ban TĐKT Trung ương (với các khối, cụm do Ban tổ chức) hoặc cán bộ thi đua – khen thưởng của đơn vị tổ chức được sửa.`,
        ),
    manage ? section('Tên gọi', null, renameForm(context, area, bloc)) : null,
    section(
      `Thành viên năm ${year}`,
      { 'data-testid': 'members-section' },
      h(
        'div',
        { class: 'section-tools' },
        yearSelect(
          [...bloc.years, thisYear - 1, thisYear, thisYear + 1],
          year,
          (chosen) => context.navigate(`/quan-tri/khoi/${encodeURIComponent(bloc.code)}?nam=${chosen}`),
          'Năm',
        ),
      ),
      membersTable(context, area, bloc, year),
      manage ? addMemberForm(context, area, bloc, year) : null,
      manage && lastYear !== undefined ? copyForm(context, area, bloc, year, lastYear) : null,
      manage && bloc.members.length ? rotationForm(context, area, bloc, year) : null,
    ),
    section(
      `${memberRole('LEAD', bloc.kind)}, ${memberRole('DEPUTY', bloc.kind)} qua các năm`,
      null,
      bloc.leadershipHistory.length
        ? dataTable({
            testId: 'leadership-history',
            rows: bloc.leadershipHistory,
            noun: 'năm',
            rowProps: (row) => ({ 'data-year': row.year }),
            columns: [
              { title: 'Năm', field: 'year', cell: (row) => String(row.year) },
              { title: memberRole('LEAD', bloc.kind), field: 'lead', cell: (row) => row.lead?.name ?? '—' },
              { title: memberRole('DEPUTY', bloc.kind), field: 'deputy', cell: (row) => row.deputy?.name ?? '—' },
            ],
          })
        : empty(`Chưa năm nào có ${memberRole('LEAD', bloc.kind)}.`),
    ),
  ]);
}

function renameForm(context: PageContext, area: HTMLElement, bloc: Bloc): HTMLElement {
  const name = textInput('newBlocName', { required: true, value: bloc.name, maxlength: '300', size: '60' });
  return actionForm('rename-bloc', 'Đổi tên', [field('Tên mới', name)], 'Lưu tên', (button) =>
    runAction(
      context,
      area,
      button,
      () => `Đã đổi tên thành ${nfc(name.value)}.`,
      () =>
        mutate(ADMIN_UPDATE_BLOC, {
          input: { code: bloc.code, expectedVersion: bloc.version, name: nfc(name.value) },
        }),
    ),
  );
}

/** Sends the whole list of the year (setBlocMembership replaces it), roles kept. */
function setMembers(bloc: Bloc, year: number, members: { organizationCode: string; role: string }[]) {
  return mutate<{ setBlocMembership: Member[] }>(ADMIN_SET_BLOC_MEMBERSHIP, {
    input: { blocCode: bloc.code, year, members },
  });
}

function currentList(bloc: Bloc) {
  return bloc.members.map((member) => ({ organizationCode: member.organization.code, role: member.role }));
}

function membersTable(context: PageContext, area: HTMLElement, bloc: Bloc, year: number): HTMLElement {
  if (!bloc.members.length) return empty(`Chưa có danh sách thành viên năm ${year}.`);
  return dataTable({
    testId: 'admin-members',
    rows: bloc.members,
    noun: 'thành viên',
    rowProps: (member) => ({ 'data-member': member.organization.code }),
    columns: [
      { title: 'Đơn vị', field: 'name', cell: (member) => organizationLink(member.organization) },
      { title: 'Vai trò', field: 'role', cell: (member) => memberRole(member.role, bloc.kind) },
      ...(bloc.viewerCanManage
        ? [
            {
              title: '',
              cell: (member: Member) => {
                const button = h(
                  'button',
                  { type: 'button', class: 'button-small', 'data-action': 'remove-member' },
                  'Bỏ khỏi danh sách',
                );
                button.addEventListener(
                  'click',
                  () =>
                    void runAction(
                      context,
                      area,
                      button,
                      () => `Đã bỏ ${member.organization.name} khỏi danh sách năm ${year}.`,
                      () =>
                        setMembers(
                          bloc,
                          year,
                          currentList(bloc).filter((entry) => entry.organizationCode !== member.organization.code),
                        ),
                    ),
                );
                return button;
              },
            },
          ]
        : []),
    ],
  });
}

function addMemberForm(context: PageContext, area: HTMLElement, bloc: Bloc, year: number): HTMLElement {
  const code = unitPicker('memberCode', 'Gõ tên đơn vị rồi chọn');
  return actionForm('add-member', `Thêm thành viên năm ${year}`, [field('Đơn vị', pickerOf(code))], 'Thêm', (button) =>
    runAction(
      context,
      area,
      button,
      ({ setBlocMembership: members }) =>
        `Đã thêm ${members.find((member) => member.organization.code === nfc(code.value).toUpperCase())?.organization.name ?? 'đơn vị'} vào danh sách năm ${year}.`,
      () =>
        setMembers(bloc, year, [
          ...currentList(bloc),
          { organizationCode: nfc(code.value).toUpperCase(), role: 'MEMBER' },
        ]),
    ),
  );
}

/** Starting the year from the last list (one transaction on the server); replacing needs a tick. */
function copyForm(context: PageContext, area: HTMLElement, bloc: Bloc, year: number, lastYear: number): HTMLElement {
  const replace = h('input', { type: 'checkbox', name: 'replace', 'data-testid': 'input-replace' });
  const keepRoles = h('input', { type: 'checkbox', name: 'keepRoles', 'data-testid': 'input-keepRoles' });
  return actionForm(
    'copy-members',
    `Chép danh sách năm ${lastYear} sang năm ${year}`,
    [
      bloc.members.length ? h('label', { class: 'inline-field' }, replace, 'Thay danh sách hiện có') : null,
      h(
        'label',
        { class: 'inline-field' },
        keepRoles,
        `Giữ cả ${memberRole('LEAD', bloc.kind)}, ${memberRole('DEPUTY', bloc.kind)}`,
      ),
    ],
    'Chép danh sách',
    (button) =>
      runAction(
        context,
        area,
        button,
        ({ copyBlocMembership: copied }) =>
          `Đã chép ${copied.members.length} thành viên từ năm ${copied.fromYear}.${
            copied.leftOut.length
              ? ` Không chép (đơn vị không còn trong năm ${year}): ${copied.leftOut.map((unit) => unit.name).join(', ')}.`
              : ''
          }`,
        () =>
          mutate<{ copyBlocMembership: { fromYear: number; members: unknown[]; leftOut: { name: string }[] } }>(
            ADMIN_COPY_BLOC_MEMBERSHIP,
            {
              input: {
                blocCode: bloc.code,
                toYear: year,
                fromYear: lastYear,
                replace: replace.checked,
                keepRoles: keepRoles.checked,
              },
            },
          ),
      ),
  );
}

function rotationForm(context: PageContext, area: HTMLElement, bloc: Bloc, year: number): HTMLElement {
  const units: [string, string][] = bloc.members.map((member) => [member.organization.code, member.organization.name]);
  const holder = (role: string) => bloc.members.find((member) => member.role === role)?.organization.code;
  const lead = selectOf('leadCode', units, holder('LEAD'));
  const deputy = selectOf('deputyCode', [['', 'Không có'], ...units], holder('DEPUTY') ?? '');
  const leadTitle = memberRole('LEAD', bloc.kind);
  const deputyTitle = memberRole('DEPUTY', bloc.kind);
  return actionForm(
    'rotate-leadership',
    `${leadTitle}, ${deputyTitle} năm ${year}`,
    [field(leadTitle, lead), field(deputyTitle, deputy)],
    'Giao vai trò',
    (button) =>
      runAction(
        context,
        area,
        button,
        () =>
          `Năm ${year}: ${leadTitle} ${lead.selectedOptions[0]?.text ?? ''}${deputy.value ? `, ${deputyTitle} ${deputy.selectedOptions[0]?.text ?? ''}` : ''}.`,
        () =>
          mutate(ADMIN_ROTATE_BLOC_LEADERSHIP, {
            input: { blocCode: bloc.code, year, leadCode: lead.value, deputyCode: deputy.value || null },
          }),
      ),
  );
}
