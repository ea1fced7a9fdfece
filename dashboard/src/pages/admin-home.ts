/**
 * Quản trị: the blocs and clusters the signed-in person administers (the Central Board: all; an
 * officer: those its unit organizes), founding a new one, and the way into the units' administration.
 */
import { mutate } from '../api';
import { BLOC_KIND, label } from '../labels';
import type { PageContext } from '../main';
import { nfc } from '../text';
import { dataTable, empty, h, link, section } from '../ui';
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
import { ADMIN_BLOCS, ADMIN_CREATE_BLOC } from './admin-queries';
import { fill, pageHeader, readAll } from './common';

interface AdminBloc {
  code: string;
  name: string;
  kind: string;
  years: number[];
  viewerCanManage: boolean;
  organizer: { code: string; name: string } | null;
}

export async function adminHomePage(context: PageContext): Promise<void> {
  if (!adminAllowed(context)) return;
  const session = context.session;
  const board = session.role === 'CENTRAL_BOARD';
  context.setTitle('Quản trị');
  const area = resultArea();
  const blocsSlot = h('div', { 'data-testid': 'admin-blocs' });
  context.root.replaceChildren(
    pageHeader(
      'Quản trị',
      board
        ? 'Ban TĐKT Trung ương: mọi khối, cụm thi đua và mọi đơn vị.'
        : 'Các khối, cụm do đơn vị của bạn tổ chức, và các đơn vị trực thuộc đơn vị của bạn.',
    ),
    area,
    section('Khối, cụm thi đua', null, blocsSlot, createBlocForm(context, area, board ? null : session.org)),
    section('Đơn vị', null, unitEntry(context, board ? null : session.org)),
  );
  await fill(blocsSlot, context.isCurrent, async () => {
    const { nodes } = await readAll<AdminBloc, { blocs: never }>(
      ADMIN_BLOCS,
      { organizerCode: board ? null : session.org, first: 100 },
      (data) => data.blocs,
    );
    const mine = nodes.filter((bloc) => bloc.viewerCanManage);
    if (!mine.length) return empty('Chưa có khối, cụm nào do đơn vị của bạn tổ chức.');
    return dataTable({
      testId: 'admin-blocs-table',
      rows: mine,
      noun: 'khối, cụm',
      searchText: (bloc) => `${bloc.name} ${bloc.code}`,
      rowProps: (bloc) => ({ 'data-bloc': bloc.code }),
      columns: [
        {
          title: 'Khối, cụm',
          field: 'name',
          sort: (bloc) => bloc.name,
          cell: (bloc) => link(`/quan-tri/khoi/${encodeURIComponent(bloc.code)}`, bloc.name),
        },
        { title: 'Loại', cell: (bloc) => label(BLOC_KIND, bloc.kind) },
        { title: 'Đơn vị tổ chức', cell: (bloc) => bloc.organizer?.name ?? '—' },
        {
          title: 'Các năm có thành viên',
          cell: (bloc) => [...bloc.years].sort((a, b) => a - b).join(', ') || '—',
        },
      ],
    });
  });
}

/** Founding a bloc: the Board names the organizer (Ban TĐKT TW by default); an officer's unit organizes its own. */
function createBlocForm(context: PageContext, area: HTMLElement, ownOrg: string | null): HTMLElement {
  const code = textInput('blocCode', { required: true, placeholder: 'VD: CUM_THI_DUA_SO_1', maxlength: '60' });
  const name = textInput('blocName', { required: true, placeholder: 'Tên khối, cụm', maxlength: '300' });
  const kind = selectOf('blocKind', [
    ['BLOC', label(BLOC_KIND, 'BLOC')],
    ['CLUSTER', label(BLOC_KIND, 'CLUSTER')],
  ]);
  const organizer = ownOrg ? null : unitPicker('organizerCode', 'Gõ tên đơn vị tổ chức rồi chọn');
  if (organizer) organizer.value = 'BTDKTTW';
  return actionForm(
    'create-bloc',
    'Thành lập khối, cụm mới',
    [
      field('Mã', code),
      field('Tên', name),
      field('Loại', kind),
      organizer ? field('Đơn vị tổ chức (Ban TĐKT Trung ương nếu để nguyên)', pickerOf(organizer)) : null,
    ],
    'Thành lập',
    (button) =>
      void runAction(
        context,
        area,
        button,
        () => `Đã thành lập ${nfc(name.value)}. Hãy lập danh sách thành viên.`,
        () =>
          mutate<{ createBloc: { code: string } }>(ADMIN_CREATE_BLOC, {
            input: {
              code: nfc(code.value).toUpperCase(),
              name: nfc(name.value),
              kind: kind.value,
              organizerCode: ownOrg ?? nfc(organizer!.value).toUpperCase(),
            },
          }),
        ({ createBloc }) => context.navigate(`/quan-tri/khoi/${encodeURIComponent(createBloc.code)}`),
      ),
  );
}

/** The Board opens any unit by its code; an officer starts from its own unit. */
function unitEntry(context: PageContext, ownOrg: string | null): HTMLElement {
  if (ownOrg) {
    return h(
      'p',
      null,
      link(`/quan-tri/don-vi/${encodeURIComponent(ownOrg)}`, 'Quản trị đơn vị của bạn và các đơn vị trực thuộc'),
    );
  }
  const code = unitPicker('unitCode', 'Gõ tên đơn vị rồi chọn, VD: tư pháp');
  const form = h(
    'form',
    { class: 'row', 'data-testid': 'open-unit' },
    field('Đơn vị', pickerOf(code)),
    h('button', { type: 'submit' }, 'Mở'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = nfc(code.value).toUpperCase();
    if (value) context.navigate(`/quan-tri/don-vi/${encodeURIComponent(value)}`);
  });
  return h('div', null, h('p', { class: 'hint' }, 'Mở trang quản trị của một đơn vị.'), form);
}
