/**
 * Statistical forms 0602.N/BNV-TĐKT (state-level commendations) and 0603.N/BNV-TĐKT (ministry- and
 * province-level commendations) of Thông tư 02/2023/TT-BNV, as a matrix an analyst copies into the form:
 * the form's rows (mã số, Vietnamese label, đơn vị tính) × its columns (each award, split into collective
 * and individual where the form splits it), read from the subtree rollup in one statement.
 *
 * What the ledger cannot say yet is marked `available: false` with a note, never guessed: whether a
 * collective is an enterprise, a person's post (leaders, entrepreneurs, direct workers) at the time of
 * the award, and household recipients (the ledger records persons and organizations only).
 *
 * Aggregated counts are public, like awardStatistics.
 */
import { Arg, Ctx, Field, FieldResolver, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AWARD_TYPES, type AwardTypeDefinition } from '../catalogue/award-types.js';
import { AwardType, CommendationBasis, SubjectKind } from '../types/award.types.js';
import type { AwardsContext } from '../context.js';
import { SCOPE_COLUMNS, SCOPE_CTES, resolveAwardScope, scopeParameters, subtreeCounts, withCurrentTree } from '../rollup/award-scope.js';
import { compactIfMany } from '../rollup/compaction.js';

const LEGAL_BASIS = 'Thông tư 02/2023/TT-BNV ngày 23/3/2023 của Bộ Nội vụ quy định chế độ báo cáo thống kê ngành Nội vụ';

@InputType({ description: 'Phạm vi của biểu: một cây đơn vị, một khối/cụm, hoặc cả nước (bỏ trống cả hai).' })
export class AwardFormFilter {
  @Field(() => String, { nullable: true, description: 'Đơn vị báo cáo: đơn vị và mọi đơn vị trực thuộc.' }) organizationCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Các thành viên của khối/cụm (và đơn vị trực thuộc), theo năm.' }) blocCode?: string | null;
  @Field(() => Int, { description: 'Năm báo cáo (năm thành tích); một năm: yearFrom = yearTo.' }) yearFrom!: number;
  @Field(() => Int) yearTo!: number;
}

@ObjectType({ description: 'Một cột của biểu: một hình thức khen thưởng (tập thể hoặc cá nhân, nếu biểu tách).' })
export class AwardFormColumn {
  @Field({ description: 'Khóa ổn định của cột, ví dụ "HC_LAO_DONG_3:COLLECTIVE".' }) key!: string;
  @Field({ description: 'Số cột nhóm trong biểu (ví dụ "2" = Huân chương, huy chương).' }) group!: string;
  @Field() groupLabel!: string;
  @Field({ description: 'Tên cột bằng tiếng Việt.' }) label!: string;
  awardTypeCode!: string;
  @Field(() => SubjectKind, { nullable: true, description: 'Tập thể hoặc cá nhân; null khi cột gồm cả hai (biểu 0603).' }) subjectKind!: SubjectKind | null;
}

@ObjectType({ description: 'Một dòng của biểu.' })
export class AwardFormRow {
  @Field({ description: 'Mã số dòng trong biểu.' }) code!: string;
  @Field() label!: string;
  @Field(() => String, { nullable: true, description: 'Đơn vị tính.' }) unit!: string | null;
  @Field({ description: 'false khi sổ khen thưởng chưa có dữ liệu cho dòng này (xem notes).' }) available!: boolean;
  @Field(() => Int, { nullable: true, description: 'Tổng số (cột 1); null khi không có dữ liệu.' }) total!: number | null;
  @Field(() => [Int], { nullable: 'items', description: 'Giá trị theo thứ tự của columns.' }) values!: (number | null)[];
}

@ObjectType({ description: 'Một biểu báo cáo thống kê, dạng bảng dòng × cột như biểu mẫu.' })
export class AwardStatisticalForm {
  @Field({ description: 'Ký hiệu biểu, ví dụ 0602.N/BNV-TĐKT.' }) form!: string;
  @Field() title!: string;
  @Field() legalBasis!: string;
  @Field(() => Int) yearFrom!: number;
  @Field(() => Int) yearTo!: number;
  @Field(() => [AwardFormColumn]) columns!: AwardFormColumn[];
  @Field(() => [AwardFormRow]) rows!: AwardFormRow[];
  @Field(() => [String], { description: 'Cách tính và những gì chưa có dữ liệu.' }) notes!: string[];
}

interface CountRecord {
  awardTypeCode: string;
  subjectKind: SubjectKind;
  basis: CommendationBasis;
  total: number;
  province: number;
}

interface ColumnGroup {
  group: string;
  label: string;
  includes: (type: AwardTypeDefinition) => boolean;
  /** Columns of a group naming a single award are always shown; other groups only show awards granted. */
  always: boolean;
}

interface FormDefinition {
  form: string;
  title: string;
  groups: ColumnGroup[];
  /** The form splits each award's column into collective and individual (0602) or not (0603). */
  splitBySubject: boolean;
  rows: RowDefinition[];
  notes: string[];
}

interface RowDefinition {
  code: string;
  label: string;
  unit: string | null;
  /** Null: the ledger has no data for this row. */
  value: ((record: CountRecord) => number) | null;
}

const STATE_LEVEL = new Set(['PRESIDENT', 'PRIME_MINISTER']);
const single = (code: string) => (type: AwardTypeDefinition) => type.code === code;

// Bases in the order of the forms' "phương thức khen thưởng" rows.
const BASIS_ROWS: [CommendationBasis, string][] = [
  [CommendationBasis.MERIT, 'Thường xuyên'],
  [CommendationBasis.THEMATIC, 'Chuyên đề'],
  [CommendationBasis.AD_HOC, 'Đột xuất'],
  [CommendationBasis.FOREIGN, 'Đối ngoại'],
  [CommendationBasis.CAREER_CONTRIBUTION, 'Cống hiến'],
  [CommendationBasis.SENIORITY, 'Niên hạn'],
  [CommendationBasis.RESISTANCE, 'Kháng chiến'],
];

const INDIVIDUAL_DETAIL = [
  'Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên',
  'Lãnh đạo cấp vụ, sở, ngành và tương đương',
  'Doanh nhân',
  'Các cấp lãnh đạo khác từ phó phòng trở lên',
  'Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu (công nhân, nông dân, ...)',
];

function subjectAndBasisRows(codes: { collective: string; enterprise: string; household: string; person: string; detail: string[]; bases: string[] }): RowDefinition[] {
  return [
    { code: codes.collective, label: 'Tập thể', unit: 'Tập thể', value: (r) => (r.subjectKind === SubjectKind.COLLECTIVE ? r.total : 0) },
    { code: codes.enterprise, label: 'Trong đó: Doanh nghiệp', unit: 'Doanh nghiệp', value: null },
    { code: codes.household, label: 'Hộ gia đình', unit: 'Hộ', value: null },
    { code: codes.person, label: 'Cá nhân', unit: 'Người', value: (r) => (r.subjectKind === SubjectKind.PERSON ? r.total : 0) },
    ...INDIVIDUAL_DETAIL.map((label, index) => ({ code: codes.detail[index]!, label, unit: 'Người', value: null })),
    ...BASIS_ROWS.map(([basis, label], index) => ({ code: codes.bases[index]!, label, unit: null, value: (r: CountRecord) => (r.basis === basis ? r.total : 0) })),
  ];
}

const COMMON_NOTES = [
  'Số lượt khen thưởng còn hiệu lực (không tính lượt đã thu hồi), theo năm thành tích ghi trong quyết định.',
  'Đơn vị báo cáo gồm mọi đơn vị trực thuộc theo cây đơn vị hiện tại; khối/cụm: các thành viên của từng năm và đơn vị trực thuộc.',
  'Dòng "Doanh nghiệp" và các dòng chi tiết cá nhân (lãnh đạo, doanh nhân, người trực tiếp lao động): sổ khen thưởng chưa ghi loại hình của tập thể và chức vụ của cá nhân tại thời điểm khen.',
  'Dòng "Hộ gia đình": sổ khen thưởng chỉ ghi nhận cá nhân và tập thể, chưa ghi nhận hộ gia đình.',
];

export const FORM_0602: FormDefinition = {
  form: '0602.N/BNV-TĐKT',
  title: 'Số lượng khen thưởng cấp Nhà nước',
  splitBySubject: true,
  groups: [
    { group: '2', label: 'Các loại huân chương, huy chương', includes: (t) => t.category === 'ORDER' || t.category === 'MEDAL', always: false },
    { group: '3', label: 'Giải thưởng Hồ Chí Minh', includes: single('GIAI_THUONG_HO_CHI_MINH'), always: true },
    { group: '4', label: 'Giải thưởng Nhà nước', includes: single('GIAI_THUONG_NHA_NUOC'), always: true },
    { group: '5', label: 'Danh hiệu vinh dự Nhà nước', includes: (t) => t.category === 'STATE_HONORARY_TITLE', always: false },
    { group: '6', label: 'Cờ thi đua của Chính phủ', includes: single('CO_THI_DUA_CP'), always: true },
    { group: '7', label: 'Bằng khen của Thủ tướng Chính phủ', includes: single('BANG_KHEN_TTG'), always: true },
    { group: '8', label: 'Danh hiệu "Chiến sĩ thi đua toàn quốc"', includes: single('CSTD_TOAN_QUOC'), always: true },
    { group: '9', label: 'Các hình thức khen thưởng khác', includes: (t) => STATE_LEVEL.has(t.decidingAuthority), always: false },
  ],
  rows: [
    { code: '1', label: 'Tổng số', unit: null, value: (r) => r.total },
    { code: '2', label: 'Bộ, ban, ngành, đoàn thể Trung ương', unit: 'Bộ, ngành', value: (r) => r.total - r.province },
    { code: '3', label: 'Tỉnh, thành phố trực thuộc Trung ương', unit: 'Tỉnh, TP', value: (r) => r.province },
    ...subjectAndBasisRows({ collective: '6', enterprise: '7', household: '8', person: '9', detail: ['10', '11', '12', '13', '14'], bases: ['15', '16', '17', '18', '19', '20', '21'] }),
  ],
  notes: [
    ...COMMON_NOTES,
    'Dòng 2–3 (đơn vị ban hành tờ trình): khen thưởng của đơn vị thuộc một tỉnh, thành phố trực thuộc Trung ương tính cho tỉnh, thành phố; còn lại tính cho bộ, ban, ngành, đoàn thể Trung ương.',
    'Cột: mọi hình thức do Chủ tịch nước hoặc Thủ tướng Chính phủ quyết định; mỗi hình thức một cột, tách tập thể và cá nhân.',
  ],
};

export const FORM_0603: FormDefinition = {
  form: '0603.N/BNV-TĐKT',
  title: 'Số lượng khen thưởng cấp bộ, ban, ngành, đoàn thể Trung ương và tỉnh, thành phố trực thuộc Trung ương',
  splitBySubject: false,
  groups: [
    { group: '2', label: 'Bằng khen', includes: single('BANG_KHEN_BO_TINH'), always: true },
    { group: '3', label: 'Chiến sĩ thi đua cấp bộ, cấp tỉnh', includes: single('CSTD_BO_TINH'), always: true },
    { group: '4', label: 'Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương', includes: single('CO_THI_DUA_BO_TINH'), always: true },
    { group: '5', label: 'Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương', includes: (t) => t.category === 'COMMEMORATIVE_MEDAL', always: true },
  ],
  rows: [
    { code: '01', label: 'Tổng số', unit: null, value: (r) => r.total },
    ...subjectAndBasisRows({ collective: '02', enterprise: '03', household: '04', person: '05', detail: ['06', '07', '08', '09', '10'], bases: ['11', '12', '13', '14', '15', '16', '17'] }),
  ],
  notes: [
    ...COMMON_NOTES,
    'Biểu 0603 không có cột cho Tập thể lao động xuất sắc, Đơn vị quyết thắng, Xã, phường tiêu biểu: các danh hiệu này không được tính ở đây.',
  ],
};

interface PlannedColumn extends AwardFormColumn {
  always: boolean;
}

/** Every column the form could have, in the form's order (a type goes to the first group that takes it). */
function plannedColumns(definition: FormDefinition): PlannedColumn[] {
  const columns: PlannedColumn[] = [];
  const taken = new Set<string>();
  for (const group of definition.groups) {
    for (const type of AWARD_TYPES) {
      if (taken.has(type.code) || !group.includes(type)) continue;
      if (definition === FORM_0602 && !STATE_LEVEL.has(type.decidingAuthority)) continue;
      taken.add(type.code);
      const kinds = definition.splitBySubject
        ? ([SubjectKind.COLLECTIVE, SubjectKind.PERSON] as const).filter((kind) => type.subjectKinds.includes(kind))
        : [null];
      for (const kind of kinds) {
        columns.push(
          Object.assign(new AwardFormColumn(), {
            key: kind ? `${type.code}:${kind}` : type.code,
            group: group.group,
            groupLabel: group.label,
            label: kind ? `${type.name} – ${kind === SubjectKind.COLLECTIVE ? 'Tập thể' : 'Cá nhân'}` : type.name,
            awardTypeCode: type.code,
            subjectKind: kind,
            always: group.always,
          }),
        );
      }
    }
  }
  return columns;
}

async function buildForm(context: AwardsContext, definition: FormDefinition, filter: AwardFormFilter): Promise<AwardStatisticalForm> {
  const scope = await resolveAwardScope(context, filter, { allowNational: true });
  const [unitIds, years] = scopeParameters(scope);
  const planned = plannedColumns(definition);
  const codes = [...new Set(planned.map((column) => column.awardTypeCode))];
  const withProvinces = definition === FORM_0602;
  type Row = CountRecord & { pending: number; scope_units: number; unknown_units: boolean };
  const answer = await withCurrentTree<Row>(context, scope, () =>
    context.db.query(
      `WITH ${SCOPE_CTES},
       provinces AS (SELECT u.id, u.ancestor_ids FROM org_unit u WHERE u.kind IN ('PROVINCE','CENTRAL_CITY')),
       classified AS (
         SELECT o.node, o.year, EXISTS (SELECT 1 FROM provinces p WHERE p.id = o.node OR p.id = ANY (su.ancestor_ids)) AS in_province
           FROM outermost o LEFT JOIN org_unit su ON su.id = o.node
       ),
       -- The scope's own counts, and (form 0602) those of the outermost provinces inside a scope that is
       -- not itself in a province: the submitting-body split.
       parts(node, year, is_scope, in_province) AS (
         SELECT c.node, c.year, true, c.in_province FROM classified c
         UNION ALL
         SELECT p.id, c.year, false, true FROM classified c JOIN provinces p ON c.node = ANY (p.ancestor_ids)
          WHERE $6 AND NOT c.in_province AND NOT EXISTS (SELECT 1 FROM provinces q WHERE q.id = ANY (p.ancestor_ids))
       ),
       ${subtreeCounts('parts', ['is_scope', 'in_province'])},
       grouped AS (
         SELECT c.award_type_code AS "awardTypeCode", c.subject_kind AS "subjectKind", c.basis,
                coalesce(sum(c.count) FILTER (WHERE c.is_scope), 0)::int AS total,
                coalesce(sum(c.count) FILTER (WHERE c.in_province), 0)::int AS province
           FROM counts c
          WHERE c.award_type_code = ANY ($5::text[])
          GROUP BY 1, 2, 3
       )
       -- One row even when nothing was granted (it carries the scope columns).
       SELECT g.*, ${SCOPE_COLUMNS} FROM (SELECT 1) AS one LEFT JOIN grouped g ON true`,
      [unitIds, years, scope.yearFrom, scope.yearTo, codes, withProvinces, scope.code],
    ),
  );
  compactIfMany(context, answer[0]?.pending);
  const records = answer.filter((row) => row.awardTypeCode !== null);

  const granted = new Set(records.filter((record) => record.total > 0).map((record) => `${record.awardTypeCode}:${record.subjectKind}`));
  const columns = planned.filter((column) => column.always || granted.has(column.key) || (!column.subjectKind && [...granted].some((key) => key.startsWith(`${column.awardTypeCode}:`))));
  const inColumn = (column: PlannedColumn, record: CountRecord) => record.awardTypeCode === column.awardTypeCode && (!column.subjectKind || record.subjectKind === column.subjectKind);
  const shown = records.filter((record) => columns.some((column) => inColumn(column, record)));

  const rows = definition.rows.map((row) => {
    const value = row.value;
    if (!value) return Object.assign(new AwardFormRow(), { code: row.code, label: row.label, unit: row.unit, available: false, total: null, values: columns.map(() => null) });
    const values = columns.map((column) => shown.filter((record) => inColumn(column, record)).reduce((sum, record) => sum + value(record), 0));
    return Object.assign(new AwardFormRow(), { code: row.code, label: row.label, unit: row.unit, available: true, total: values.reduce((sum, n) => sum + n, 0), values });
  });

  return Object.assign(new AwardStatisticalForm(), {
    form: definition.form,
    title: definition.title,
    legalBasis: LEGAL_BASIS,
    yearFrom: scope.yearFrom,
    yearTo: scope.yearTo,
    columns: columns.map(({ always: _always, ...column }) => Object.assign(new AwardFormColumn(), column)),
    rows,
    notes: definition.notes,
  });
}

@Resolver(() => AwardFormColumn)
export class AwardFormColumnResolver {
  @FieldResolver(() => AwardType, { nullable: true })
  awardType(@Root() column: AwardFormColumn, @Ctx() context: AwardsContext): Promise<AwardType | null> {
    return context.loaders.awardTypeByCode.load(column.awardTypeCode);
  }
}

@Resolver()
export class StatisticalFormsResolver {
  @Query(() => AwardStatisticalForm, {
    description: 'Biểu 0602.N/BNV-TĐKT (TT 02/2023/TT-BNV): số lượng khen thưởng cấp Nhà nước, theo hình thức × đơn vị trình, đối tượng, phương thức khen thưởng.',
  })
  statisticalForm0602(@Ctx() context: AwardsContext, @Arg('filter', () => AwardFormFilter) filter: AwardFormFilter): Promise<AwardStatisticalForm> {
    return buildForm(context, FORM_0602, filter);
  }

  @Query(() => AwardStatisticalForm, {
    description: 'Biểu 0603.N/BNV-TĐKT (TT 02/2023/TT-BNV): số lượng khen thưởng cấp bộ, ban, ngành, tỉnh, theo hình thức × đối tượng, phương thức khen thưởng.',
  })
  statisticalForm0603(@Ctx() context: AwardsContext, @Arg('filter', () => AwardFormFilter) filter: AwardFormFilter): Promise<AwardStatisticalForm> {
    return buildForm(context, FORM_0603, filter);
  }
}
