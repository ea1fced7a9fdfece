/**
 * Quản trị một đơn vị: its units below (create), renaming and moving it, merging, splitting and
 * dissolving it with the legal basis (the lineage is kept), its persons and their annual ratings.
 * The server says what the signed-in person may do (`viewerCanEdit`: the Board or an officer of a unit
 * above; `viewerCanActFor`: the Board or an officer of this subtree); other actions are not shown.
 */
import { mutate, query, wholeData } from '../api';
import { ANNUAL_RATING, GENDER, LINEAGE_KIND, ORGANIZATION_KIND, ORGANIZATION_LEVEL, label } from '../labels';
import type { PageContext } from '../main';
import { formatDate, nfc } from '../text';
import { vietnamToday, vietnamYear } from '../years';
import { append, dataTable, definitionList, empty, h, link, section } from '../ui';
import {
  actionForm,
  adminAllowed,
  codesOf,
  field,
  pickerOf,
  resultArea,
  runAction,
  selectOf,
  textInput,
  unitPicker,
} from './admin-common';
import {
  ADMIN_CREATE_ORGANIZATION,
  ADMIN_CREATE_PERSON,
  ADMIN_RECORD_ANNUAL_RATING,
  ADMIN_RECORD_LINEAGE_EVENT,
  ADMIN_UNIT,
  ADMIN_UNIT_PERSONS,
  ADMIN_UPDATE_ORGANIZATION,
} from './admin-queries';
import { fill, pageHeader, readAll } from './common';

interface Unit {
  code: string;
  name: string;
}

interface AdminUnit extends Unit {
  shortName: string | null;
  kind: string;
  level: string;
  version: number;
  validFrom: string | null;
  validTo: string | null;
  viewerCanEdit: boolean;
  viewerCanActFor: boolean;
  parent: Unit | null;
  children: (Unit & { kind: string; validTo: string | null })[];
  lineage: { kind: string; effectiveDate: string; legalBasis: string; predecessors: Unit[]; successors: Unit[] }[];
}

interface AdminPerson {
  id: string;
  fullName: string;
  position: string | null;
  organization: Unit | null;
  annualRatings: { year: number; rating: string }[] | null;
}

const adminLink = (unit: Unit) => link(`/quan-tri/don-vi/${encodeURIComponent(unit.code)}`, unit.name);

export async function adminUnitPage(context: PageContext): Promise<void> {
  if (!adminAllowed(context)) return;
  const code = context.params[0]!.toUpperCase();
  const { organization: unit } = wholeData(await query<{ organization: AdminUnit | null }>(ADMIN_UNIT, { code }));
  if (!context.isCurrent()) return;
  context.setTitle(`Quản trị ${unit.name}`);
  const area = resultArea();
  const active = unit.validTo === null;
  const personsSlot = h('div', { 'data-testid': 'admin-persons' });
  context.root.replaceChildren();
  append(context.root, [
    pageHeader(
      unit.name,
      [label(ORGANIZATION_KIND, unit.kind), ' · ', label(ORGANIZATION_LEVEL, unit.level)],
      link(`/don-vi/${encodeURIComponent(unit.code)}`, 'Xem trang đơn vị'),
      link('/quan-tri', '‹ Quản trị'),
    ),
    area,
    definitionList([
      ['Tên viết tắt', unit.shortName ?? '—'],
      ['Cấp trên', unit.parent ? adminLink(unit.parent) : '—'],
      [
        'Hoạt động',
        [
          unit.validFrom ? `từ ${formatDate(unit.validFrom)} ` : '',
          unit.validTo ? `đến ${formatDate(unit.validTo)} (đã kết thúc)` : 'đang hoạt động',
        ].join(''),
      ],
    ]),
    !unit.viewerCanEdit && !unit.viewerCanActFor
      ? h(
          'p',
          { class: 'alert alert-info', 'data-testid': 'read-only' },
          'Đơn vị này nằm ngoài phạm vi quản trị của bạn: cán bộ thi đua – khen thưởng quản trị đơn vị mình và các đơn vị trực thuộc.',
        )
      : null,
    unit.viewerCanEdit && active
      ? section('Sửa đơn vị', { 'data-testid': 'edit-unit' }, editForms(context, area, unit))
      : null,
    unit.viewerCanEdit && active
      ? section('Sắp xếp đơn vị', { 'data-testid': 'lineage-forms' }, lineageForms(context, area, unit))
      : null,
    section(
      'Đơn vị trực thuộc',
      null,
      unit.children.length
        ? dataTable({
            testId: 'admin-children',
            rows: unit.children,
            noun: 'đơn vị',
            rowProps: (child) => ({ 'data-unit': child.code }),
            columns: [
              { title: 'Đơn vị', field: 'name', sort: (child) => child.name, cell: adminLink },
              { title: 'Loại', cell: (child) => label(ORGANIZATION_KIND, child.kind) },
              {
                title: 'Tình trạng',
                field: 'status',
                cell: (child) => (child.validTo ? `Kết thúc ${formatDate(child.validTo)}` : 'Đang hoạt động'),
              },
            ],
          })
        : empty('Chưa có đơn vị trực thuộc.'),
      unit.viewerCanActFor && active ? createChildForm(context, area, unit) : null,
    ),
    section(
      'Lịch sử sắp xếp',
      null,
      unit.lineage.length
        ? dataTable({
            testId: 'admin-lineage',
            rows: unit.lineage,
            noun: 'sự kiện',
            columns: [
              { title: 'Ngày hiệu lực', field: 'date', cell: (event) => formatDate(event.effectiveDate) },
              { title: 'Sự kiện', field: 'kind', cell: (event) => label(LINEAGE_KIND, event.kind) },
              { title: 'Đơn vị trước', cell: (event) => event.predecessors.map((u) => u.name).join(', ') },
              { title: 'Đơn vị sau', cell: (event) => event.successors.map((u) => u.name).join(', ') || '—' },
              { title: 'Căn cứ', cell: (event) => event.legalBasis },
            ],
          })
        : empty('Đơn vị chưa qua sáp nhập, chia tách hay giải thể nào.'),
    ),
    unit.viewerCanActFor ? section('Cá nhân và kết quả xếp loại', null, personsSlot) : null,
  ]);
  if (unit.viewerCanActFor) await fill(personsSlot, context.isCurrent, () => personsPart(context, area, unit));
}

function editForms(context: PageContext, area: HTMLElement, unit: AdminUnit): HTMLElement[] {
  const name = textInput('unitName', { required: true, value: unit.name, maxlength: '300', size: '50' });
  const shortName = textInput('unitShortName', { value: unit.shortName ?? '', maxlength: '120' });
  const parent = unitPicker('parentCode', 'Gõ tên đơn vị cấp trên mới rồi chọn');
  return [
    actionForm('rename-unit', 'Đổi tên', [field('Tên', name), field('Tên viết tắt', shortName)], 'Lưu', (button) =>
      runAction(
        context,
        area,
        button,
        () => `Đã lưu tên ${nfc(name.value)}.`,
        () =>
          mutate(ADMIN_UPDATE_ORGANIZATION, {
            input: {
              code: unit.code,
              expectedVersion: unit.version,
              name: nfc(name.value),
              shortName: nfc(shortName.value),
            },
          }),
      ),
    ),
    actionForm(
      'move-unit',
      'Chuyển về đơn vị cấp trên khác',
      [field('Đơn vị cấp trên mới', pickerOf(parent))],
      'Chuyển',
      (button) =>
        runAction(
          context,
          area,
          button,
          ({ updateOrganization: moved }) =>
            `Đã chuyển ${unit.name} về ${moved.parent?.name ?? 'đơn vị cấp trên mới'}.`,
          () =>
            mutate<{ updateOrganization: { parent: { name: string } | null } }>(ADMIN_UPDATE_ORGANIZATION, {
              input: { code: unit.code, expectedVersion: unit.version, parentCode: nfc(parent.value).toUpperCase() },
            }),
        ),
    ),
  ];
}

/** Merge, split and dissolve, each under one legal document (recordLineageEvent). */
function lineageForms(context: PageContext, area: HTMLElement, unit: AdminUnit): HTMLElement[] {
  const dated = (prefix: string) => {
    const date = textInput(`${prefix}Date`, { type: 'date', required: true, value: vietnamToday() });
    const basis = textInput(`${prefix}Basis`, {
      required: true,
      placeholder: 'Số, ngày văn bản, cơ quan ban hành',
      size: '40',
    });
    return { date, basis, fields: [field('Ngày hiệu lực', date), field('Căn cứ', basis)] };
  };
  const record = (button: HTMLButtonElement, kind: string, successors: string[], date: string, basis: string) =>
    runAction(
      context,
      area,
      button,
      () => `Đã ghi nhận ${label(LINEAGE_KIND, kind).toLowerCase()} ${unit.name}.`,
      () =>
        mutate(ADMIN_RECORD_LINEAGE_EVENT, {
          input: {
            kind,
            effectiveDate: date,
            legalBasis: nfc(basis),
            predecessorCodes: kind === 'MERGE' ? [unit.code, ...successors] : [unit.code],
            successorCodes: successors,
          },
        }),
    );
  const merge = dated('merge');
  const into = unitPicker('mergeInto', 'Gõ tên đơn vị tiếp nhận rồi chọn');
  const split = dated('split');
  const parts = textInput('splitInto', { required: true, placeholder: 'Mã các đơn vị mới, cách nhau bởi dấu phẩy' });
  const dissolve = dated('dissolve');
  return [
    actionForm(
      'merge-unit',
      'Sáp nhập vào đơn vị khác',
      [field('Đơn vị tiếp nhận', pickerOf(into)), ...merge.fields],
      'Sáp nhập',
      (button) => record(button, 'MERGE', codesOf(into.value), merge.date.value, merge.basis.value),
    ),
    actionForm(
      'split-unit',
      'Chia tách thành các đơn vị mới (tạo các đơn vị mới trước)',
      [field('Các đơn vị mới', parts), ...split.fields],
      'Chia tách',
      (button) => record(button, 'SPLIT', codesOf(parts.value), split.date.value, split.basis.value),
    ),
    actionForm('dissolve-unit', 'Giải thể', dissolve.fields, 'Giải thể', (button) =>
      record(button, 'DISSOLVE', [], dissolve.date.value, dissolve.basis.value),
    ),
  ];
}

function createChildForm(context: PageContext, area: HTMLElement, unit: AdminUnit): HTMLElement {
  const code = textInput('childCode', { required: true, placeholder: 'VD: SO_NOI_VU_HN', maxlength: '40' });
  const name = textInput('childName', { required: true, maxlength: '300', size: '40' });
  const kind = selectOf(
    'childKind',
    Object.keys(ORGANIZATION_KIND).map((value) => [value, label(ORGANIZATION_KIND, value)]),
    'DEPARTMENT',
  );
  return actionForm(
    'create-unit',
    `Thêm đơn vị trực thuộc ${unit.name}`,
    [field('Mã', code), field('Tên', name), field('Loại', kind)],
    'Thêm đơn vị',
    (button) =>
      runAction(
        context,
        area,
        button,
        () => `Đã thêm ${nfc(name.value)}.`,
        () =>
          mutate(ADMIN_CREATE_ORGANIZATION, {
            input: {
              code: nfc(code.value).toUpperCase(),
              name: nfc(name.value),
              kind: kind.value,
              parentCode: unit.code,
            },
          }),
      ),
  );
}

async function personsPart(context: PageContext, area: HTMLElement, unit: AdminUnit): Promise<HTMLElement> {
  const { nodes: persons } = await readAll<AdminPerson, { persons: never }>(
    ADMIN_UNIT_PERSONS,
    { code: unit.code, first: 100 },
    (data) => data.persons,
  );
  const ratingsText = (person: AdminPerson) =>
    [...(person.annualRatings ?? [])]
      .sort((a, b) => b.year - a.year)
      .map((entry) => `${entry.year}: ${label(ANNUAL_RATING, entry.rating)}`)
      .join('; ') || 'Chưa có';
  const table = persons.length
    ? dataTable({
        testId: 'admin-persons-table',
        rows: persons,
        noun: 'cá nhân',
        searchText: (person) => person.fullName,
        rowProps: (person) => ({ 'data-person': person.id }),
        columns: [
          {
            title: 'Họ tên',
            field: 'name',
            sort: (person) => person.fullName,
            cell: (person) => link(`/ca-nhan/${person.id}`, person.fullName),
          },
          { title: 'Chức vụ', cell: (person) => person.position ?? '—' },
          { title: 'Đơn vị', cell: (person) => person.organization?.name ?? '—' },
          { title: 'Xếp loại', field: 'ratings', cell: ratingsText },
        ],
      })
    : empty('Chưa có cá nhân nào.');
  return h(
    'div',
    null,
    table,
    unit.validTo === null ? addPersonForm(context, area, unit) : null,
    persons.length ? ratingForm(context, area, persons) : null,
  );
}

function addPersonForm(context: PageContext, area: HTMLElement, unit: AdminUnit): HTMLElement {
  const fullName = textInput('fullName', { required: true, maxlength: '200' });
  const gender = selectOf('gender', [
    ['FEMALE', label(GENDER, 'FEMALE')],
    ['MALE', label(GENDER, 'MALE')],
  ]);
  const birthYear = textInput('birthYear', { type: 'number', min: '1900', max: String(vietnamYear() - 14) });
  const position = textInput('position', { maxlength: '200' });
  return actionForm(
    'create-person',
    `Thêm cá nhân của ${unit.name}`,
    [field('Họ tên', fullName), field('Giới tính', gender), field('Năm sinh', birthYear), field('Chức vụ', position)],
    'Thêm cá nhân',
    (button) =>
      runAction(
        context,
        area,
        button,
        () => `Đã thêm ${nfc(fullName.value)}.`,
        () =>
          mutate(ADMIN_CREATE_PERSON, {
            input: {
              fullName: nfc(fullName.value),
              gender: gender.value,
              birthYear: birthYear.value ? Number(birthYear.value) : null,
              position: nfc(position.value) || null,
              organizationCode: unit.code,
            },
          }),
      ),
  );
}

function ratingForm(context: PageContext, area: HTMLElement, persons: AdminPerson[]): HTMLElement {
  const person = selectOf(
    'ratingPerson',
    persons.map((entry) => [entry.id, entry.fullName]),
  );
  const year = textInput('ratingYear', {
    type: 'number',
    required: true,
    value: String(vietnamYear() - 1),
    min: '1945',
  });
  const rating = selectOf(
    'rating',
    Object.keys(ANNUAL_RATING).map((value) => [value, label(ANNUAL_RATING, value)]),
  );
  return actionForm(
    'record-rating',
    'Ghi kết quả xếp loại hằng năm',
    [field('Cá nhân', person), field('Năm', year), field('Xếp loại', rating)],
    'Ghi xếp loại',
    (button) =>
      runAction(
        context,
        area,
        button,
        () => `Đã ghi xếp loại năm ${year.value} cho ${person.selectedOptions[0]?.text ?? ''}.`,
        () =>
          mutate(ADMIN_RECORD_ANNUAL_RATING, {
            input: { personId: person.value, year: Number(year.value), rating: rating.value },
          }),
      ),
  );
}
