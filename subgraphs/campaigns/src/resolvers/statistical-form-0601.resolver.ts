/**
 * Statistical form 0601.N/BNV-TĐKT of Thông tư 02/2023/TT-BNV (số phong trào thi đua) as the matrix an
 * analyst copies into the form: columns by the level that launched the movement, rows by scope, duration
 * and method — one grouped statement over the movements launched in the period.
 *
 * A movement counts in the year it was launched (`launchedOn`, else `startDate`). Its duration class is
 * the one `Movement.durationClass` reports (rules/movement.rule.ts, mirrored in SQL below and checked
 * against it by test/campaigns/statistical-form-0601.test.ts); a movement with no end date has none and
 * appears in the total, scope and method rows only (`openEnded`).
 *
 * Aggregated counts are public.
 */
import { Arg, Ctx, Field, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { badInput, notFound } from '@tdkt/subgraph-kit';
import { MovementLaunchLevel, MovementMethod, MovementScope, MovementDurationClass } from '../types/campaign-enums.movements.js';
import type { CampaignsContext } from '../context.js';

const LEGAL_BASIS = 'Thông tư 02/2023/TT-BNV ngày 23/3/2023 của Bộ Nội vụ quy định chế độ báo cáo thống kê ngành Nội vụ';

@InputType({ description: 'Phạm vi của biểu 0601: phong trào do một đơn vị (và các đơn vị trực thuộc) phát động, hoặc cả nước (bỏ trống).' })
export class MovementFormFilter {
  @Field(() => String, { nullable: true, description: 'Đơn vị báo cáo: phong trào do đơn vị này hoặc đơn vị trực thuộc phát động.' }) organizationCode?: string | null;
  @Field(() => Int, { description: 'Năm báo cáo (năm phát động); một năm: yearFrom = yearTo.' }) yearFrom!: number;
  @Field(() => Int) yearTo!: number;
}

@ObjectType({ description: 'Một cột của biểu 0601: cấp chủ trì phát động.' })
export class MovementFormColumn {
  @Field({ description: 'Số cột trong biểu ("2", "3", "4").' }) key!: string;
  @Field() label!: string;
  @Field(() => [MovementLaunchLevel], { description: 'Các cấp phát động được tính vào cột này.' }) launchLevels!: MovementLaunchLevel[];
}

@ObjectType({ description: 'Một dòng của biểu 0601.' })
export class MovementFormRow {
  @Field({ description: 'Mã số dòng trong biểu.' }) code!: string;
  @Field() label!: string;
  @Field(() => Int, { description: 'Tổng số (cột 1 = 2 + 3 + 4).' }) total!: number;
  @Field(() => [Int], { description: 'Giá trị theo thứ tự của columns.' }) values!: number[];
}

@ObjectType()
export class MovementLaunchLevelCount {
  @Field(() => MovementLaunchLevel) launchLevel!: MovementLaunchLevel;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Biểu 0601.N/BNV-TĐKT: số phong trào thi đua, dạng bảng dòng × cột như biểu mẫu.' })
export class MovementStatisticalForm {
  @Field() form!: string;
  @Field() title!: string;
  @Field() legalBasis!: string;
  @Field(() => Int) yearFrom!: number;
  @Field(() => Int) yearTo!: number;
  @Field(() => [MovementFormColumn]) columns!: MovementFormColumn[];
  @Field(() => [MovementFormRow]) rows!: MovementFormRow[];
  @Field(() => [MovementLaunchLevelCount], { description: 'Số phong trào theo từng cấp phát động (chi tiết của các cột).' }) byLaunchLevel!: MovementLaunchLevelCount[];
  @Field(() => Int, { description: 'Phong trào chưa có ngày kết thúc: không thuộc dòng thời hạn nào.' }) openEnded!: number;
  @Field(() => [String]) notes!: string[];
}

const COLUMNS: { key: string; label: string; launchLevels: MovementLaunchLevel[] }[] = [
  { key: '2', label: 'Cấp Trung ương (Hội đồng Thi đua – Khen thưởng Trung ương)', launchLevels: [MovementLaunchLevel.CENTRAL_COUNCIL, MovementLaunchLevel.PRIME_MINISTER] },
  { key: '3', label: 'Cấp bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương', launchLevels: [MovementLaunchLevel.MINISTRY_OR_PROVINCE] },
  { key: '4', label: 'Cơ quan, tổ chức, đơn vị', launchLevels: [MovementLaunchLevel.COMMUNE, MovementLaunchLevel.UNIT, MovementLaunchLevel.BLOC] },
];

interface Cell {
  launchLevel: MovementLaunchLevel;
  scope: MovementScope;
  method: MovementMethod;
  duration: MovementDurationClass | null;
  count: number;
}

const ROWS: { code: string; label: string; matches: (cell: Cell) => boolean }[] = [
  { code: '01', label: 'Tổng số', matches: () => true },
  { code: '02', label: 'Toàn quốc', matches: (c) => c.scope === MovementScope.NATIONAL },
  { code: '03', label: 'Bộ, ban, ngành, đoàn thể, địa phương', matches: (c) => c.scope === MovementScope.MINISTRY_OR_PROVINCE },
  { code: '04', label: 'Cụm, khối thi đua do Hội đồng Thi đua – Khen thưởng các cấp tổ chức', matches: (c) => c.scope === MovementScope.BLOC },
  { code: '05', label: 'Cơ quan, tổ chức, đơn vị', matches: (c) => c.scope === MovementScope.UNIT },
  { code: '06', label: 'Dưới 1 năm', matches: (c) => c.duration === MovementDurationClass.LESS_THAN_1Y },
  { code: '07', label: '1 năm', matches: (c) => c.duration === MovementDurationClass.ONE_YEAR },
  { code: '08', label: 'Từ 1 năm đến dưới 3 năm', matches: (c) => c.duration === MovementDurationClass.ONE_TO_3Y },
  { code: '09', label: 'Từ 3 năm đến dưới 5 năm', matches: (c) => c.duration === MovementDurationClass.THREE_TO_5Y },
  { code: '10', label: 'Từ 5 năm trở lên', matches: (c) => c.duration === MovementDurationClass.FIVE_YEARS_OR_MORE },
  { code: '11', label: 'Thi đua theo chuyên đề', matches: (c) => c.method === MovementMethod.THEMATIC || c.method === MovementMethod.PEAK_DRIVE },
  { code: '12', label: 'Thi đua thường xuyên hàng năm', matches: (c) => c.method === MovementMethod.REGULAR_ANNUAL },
];

const NOTES = [
  'Một phong trào được tính vào năm phát động (ngày phát động, nếu không có thì ngày bắt đầu).',
  'Cột 4 gồm phong trào do xã, phường, đặc khu, cơ quan, đơn vị và khối, cụm thi đua phát động; byLaunchLevel cho số của từng cấp.',
  'Dòng 11 gồm cả thi đua theo đợt (cao điểm), một hình thức thi đua theo chuyên đề.',
  'Thời hạn tính từ ngày bắt đầu đến ngày kết thúc (kể cả hai ngày), như Movement.durationClass; phong trào chưa có ngày kết thúc không thuộc dòng 06–10 (openEnded).',
];

/** rules/movement.rule.ts durationClass, in SQL (the day after the end against the start plus whole years). */
const DURATION_SQL = `CASE
    WHEN end_date IS NULL THEN NULL
    WHEN end_date + 1 < (start_date + interval '1 year')::date THEN 'LESS_THAN_1Y'
    WHEN end_date + 1 = (start_date + interval '1 year')::date THEN 'ONE_YEAR'
    WHEN end_date + 1 <= (start_date + interval '3 years')::date THEN 'ONE_TO_3Y'
    WHEN end_date + 1 < (start_date + interval '5 years')::date THEN 'THREE_TO_5Y'
    ELSE 'FIVE_YEARS_OR_MORE' END`;

@Resolver()
export class StatisticalForm0601Resolver {
  @Query(() => MovementStatisticalForm, {
    description: 'Biểu 0601.N/BNV-TĐKT (TT 02/2023/TT-BNV): số phong trào thi đua theo cấp phát động × phạm vi, thời hạn, hình thức tổ chức.',
  })
  async statisticalForm0601(@Ctx() context: CampaignsContext, @Arg('filter', () => MovementFormFilter) filter: MovementFormFilter): Promise<MovementStatisticalForm> {
    if (!Number.isInteger(filter.yearFrom) || !Number.isInteger(filter.yearTo) || filter.yearFrom < 1945 || filter.yearTo > 2100) {
      throw badInput('Năm báo cáo phải trong khoảng 1945–2100.', { field: 'filter.yearFrom' });
    }
    if (filter.yearFrom > filter.yearTo) throw badInput('Năm bắt đầu sau năm kết thúc.', { field: 'filter.yearFrom' });
    let launcherIds: string[] | null = null;
    if (filter.organizationCode) {
      launcherIds = await context.organizations.subtreeIdsByCode.load(filter.organizationCode.trim().toUpperCase());
      if (!launcherIds) throw notFound(`Không tìm thấy đơn vị có mã ${filter.organizationCode}.`, { field: 'filter.organizationCode' });
    }
    const cells: Cell[] = await context.db.query(
      `SELECT launch_level AS "launchLevel", scope, method, ${DURATION_SQL} AS duration, count(*)::int AS count
         FROM movement
        WHERE coalesce(launched_on, start_date) BETWEEN make_date($1, 1, 1) AND make_date($2, 12, 31)
          AND ($3::uuid[] IS NULL OR launched_by_id = ANY ($3::uuid[]))
        GROUP BY 1, 2, 3, 4`,
      [filter.yearFrom, filter.yearTo, launcherIds],
    );
    const rows = ROWS.map((row) => {
      const values = COLUMNS.map((column) => cells.filter((cell) => row.matches(cell) && column.launchLevels.includes(cell.launchLevel)).reduce((sum, cell) => sum + cell.count, 0));
      return Object.assign(new MovementFormRow(), { code: row.code, label: row.label, total: values.reduce((sum, n) => sum + n, 0), values });
    });
    const byLevel = new Map<MovementLaunchLevel, number>();
    for (const cell of cells) byLevel.set(cell.launchLevel, (byLevel.get(cell.launchLevel) ?? 0) + cell.count);
    return Object.assign(new MovementStatisticalForm(), {
      form: '0601.N/BNV-TĐKT',
      title: 'Số phong trào thi đua',
      legalBasis: LEGAL_BASIS,
      yearFrom: filter.yearFrom,
      yearTo: filter.yearTo,
      columns: COLUMNS.map((column) => Object.assign(new MovementFormColumn(), column)),
      rows,
      byLaunchLevel: Object.values(MovementLaunchLevel).map((launchLevel) => Object.assign(new MovementLaunchLevelCount(), { launchLevel, count: byLevel.get(launchLevel) ?? 0 })),
      openEnded: cells.filter((cell) => cell.duration === null).reduce((sum, cell) => sum + cell.count, 0),
      notes: NOTES,
    });
  }
}
