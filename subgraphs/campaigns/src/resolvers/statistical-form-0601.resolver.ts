/**
 * Statistical form 0601.N/BNV-TĐKT of Thông tư 02/2023/TT-BNV (số phong trào thi đua) as the matrix an
 * analyst copies into the form: columns by the level that launched the movement, rows by scope, duration
 * and method — one grouped statement over the movements launched in the period.
 *
 * A movement counts in the year it was launched (`launchedOn`, else `startDate`). Its duration class is
 * the one `Movement.durationClass` reports (rules/movement.rule.ts, mirrored in SQL in the store and checked
 * against it by test/campaigns/statistical-form-0601.test.ts); a movement with no end date has none and
 * appears in the total, scope and method rows only (`openEnded`).
 *
 * Aggregated counts are public.
 */
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { badInput, notFound } from '@tdkt/subgraph-kit';
import type { CampaignsContext } from '../context.js';
import type { MovementFormCell } from '../store/statistical-form-0601.store.js';
import { MovementDurationClass, MovementLaunchLevel, MovementMethod, MovementScope } from '../types/movement.enums.js';
import {
  MovementFormColumn,
  MovementFormFilter,
  MovementFormRow,
  MovementLaunchLevelCount,
  MovementStatisticalForm,
} from '../types/statistical-form-0601.types.js';

const LEGAL_BASIS =
  'Thông tư 02/2023/TT-BNV ngày 23/3/2023 của Bộ Nội vụ quy định chế độ báo cáo thống kê ngành Nội vụ';

const COLUMNS: { key: string; label: string; launchLevels: MovementLaunchLevel[] }[] = [
  {
    key: '2',
    label: 'Cấp Trung ương (Hội đồng Thi đua – Khen thưởng Trung ương)',
    launchLevels: [MovementLaunchLevel.CENTRAL_COUNCIL, MovementLaunchLevel.PRIME_MINISTER],
  },
  {
    key: '3',
    label: 'Cấp bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương',
    launchLevels: [MovementLaunchLevel.MINISTRY_OR_PROVINCE],
  },
  {
    key: '4',
    label: 'Cơ quan, tổ chức, đơn vị',
    launchLevels: [MovementLaunchLevel.COMMUNE, MovementLaunchLevel.UNIT, MovementLaunchLevel.BLOC],
  },
];

type Cell = MovementFormCell;

const ROWS: { code: string; label: string; matches: (cell: Cell) => boolean }[] = [
  { code: '01', label: 'Tổng số', matches: () => true },
  { code: '02', label: 'Toàn quốc', matches: (c) => c.scope === MovementScope.NATIONAL },
  {
    code: '03',
    label: 'Bộ, ban, ngành, đoàn thể, địa phương',
    matches: (c) => c.scope === MovementScope.MINISTRY_OR_PROVINCE,
  },
  {
    code: '04',
    label: 'Cụm, khối thi đua do Hội đồng Thi đua – Khen thưởng các cấp tổ chức',
    matches: (c) => c.scope === MovementScope.BLOC,
  },
  { code: '05', label: 'Cơ quan, tổ chức, đơn vị', matches: (c) => c.scope === MovementScope.UNIT },
  { code: '06', label: 'Dưới 1 năm', matches: (c) => c.duration === MovementDurationClass.LESS_THAN_1Y },
  { code: '07', label: '1 năm', matches: (c) => c.duration === MovementDurationClass.ONE_YEAR },
  { code: '08', label: 'Từ 1 năm đến dưới 3 năm', matches: (c) => c.duration === MovementDurationClass.ONE_TO_3Y },
  { code: '09', label: 'Từ 3 năm đến dưới 5 năm', matches: (c) => c.duration === MovementDurationClass.THREE_TO_5Y },
  { code: '10', label: 'Từ 5 năm trở lên', matches: (c) => c.duration === MovementDurationClass.FIVE_YEARS_OR_MORE },
  {
    code: '11',
    label: 'Thi đua theo chuyên đề',
    matches: (c) => c.method === MovementMethod.THEMATIC || c.method === MovementMethod.PEAK_DRIVE,
  },
  { code: '12', label: 'Thi đua thường xuyên hàng năm', matches: (c) => c.method === MovementMethod.REGULAR_ANNUAL },
];

const NOTES = [
  'Một phong trào được tính vào năm phát động (ngày phát động, nếu không có thì ngày bắt đầu).',
  'Cột 4 gồm phong trào do xã, phường, đặc khu, cơ quan, đơn vị và khối, cụm thi đua phát động; byLaunchLevel cho số của từng cấp.',
  'Dòng 11 gồm cả thi đua theo đợt (cao điểm), một hình thức thi đua theo chuyên đề.',
  'Thời hạn tính từ ngày bắt đầu đến ngày kết thúc (kể cả hai ngày), như Movement.durationClass; phong trào chưa có ngày kết thúc không thuộc dòng 06–10 (openEnded).',
];

@Resolver()
export class StatisticalForm0601Resolver {
  @Query(() => MovementStatisticalForm, {
    nullable: true,
    description:
      'Biểu 0601.N/BNV-TĐKT (TT 02/2023/TT-BNV): số phong trào thi đua theo cấp phát động × phạm vi, thời hạn, hình thức tổ chức.',
  })
  async statisticalForm0601(
    @Ctx() context: CampaignsContext,
    @Arg('filter', () => MovementFormFilter) filter: MovementFormFilter,
  ): Promise<MovementStatisticalForm> {
    if (
      !Number.isInteger(filter.yearFrom) ||
      !Number.isInteger(filter.yearTo) ||
      filter.yearFrom < 1945 ||
      filter.yearTo > 2100
    ) {
      throw badInput('Năm báo cáo phải trong khoảng 1945–2100.', { field: 'filter.yearFrom' });
    }
    if (filter.yearFrom > filter.yearTo) throw badInput('Năm bắt đầu sau năm kết thúc.', { field: 'filter.yearFrom' });
    let launcherIds: string[] | null = null;
    if (filter.organizationCode) {
      launcherIds = await context.organizations.subtreeIdsByCode.load(filter.organizationCode.trim().toUpperCase());
      if (!launcherIds)
        throw notFound(`Không tìm thấy đơn vị có mã ${filter.organizationCode}.`, { field: 'filter.organizationCode' });
    }
    const cells = await context.stores.statisticalForm0601.cells(filter.yearFrom, filter.yearTo, launcherIds);
    const rows = ROWS.map((row) => {
      const values = COLUMNS.map((column) =>
        cells
          .filter((cell) => row.matches(cell) && column.launchLevels.includes(cell.launchLevel))
          .reduce((sum, cell) => sum + cell.count, 0),
      );
      return Object.assign(new MovementFormRow(), {
        code: row.code,
        label: row.label,
        total: values.reduce((sum, n) => sum + n, 0),
        values,
      });
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
      byLaunchLevel: Object.values(MovementLaunchLevel).map((launchLevel) =>
        Object.assign(new MovementLaunchLevelCount(), { launchLevel, count: byLevel.get(launchLevel) ?? 0 }),
      ),
      openEnded: cells.filter((cell) => cell.duration === null).reduce((sum, cell) => sum + cell.count, 0),
      notes: NOTES,
    });
  }
}
