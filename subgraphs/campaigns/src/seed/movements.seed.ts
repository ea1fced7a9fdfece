/**
 * Movements: one real movement named with its launcher in the seeds, demo movements (SEED_DEMO) to
 * show the cascade. Idempotent: a movement whose code exists is left as the officers keep it.
 */
import type { EntityManager } from 'typeorm';
import { log, referenceBlocId, referenceOrganizationId, seedUuid } from '@tdkt/subgraph-kit';

interface SeedMovement {
  code: string;
  title: string;
  theme: string | null;
  launcherCode: string;
  launchLevel: string;
  method: string;
  scope: string;
  /** Bloc whose members may register (scope BLOC only). */
  blocCode: string | null;
  startDate: string;
  endDate: string | null;
  launchedOn: string | null;
  parentCode: string | null;
  source: string;
}

/**
 * congly.vn: on 22/1/2021 the Khối thi đua các Bộ, ngành Nội chính Trung
 * ương held its year-end 2020 conference, chaired by its Khối trưởng for 2020, the Ministry of Public
 * Security (Bộ Công an); there "Thượng tướng Nguyễn Trọng Nghĩa … đã phát động phong trào thi đua năm
 * 2021 với chủ đề 'Đoàn kết, nêu gương, kỷ cương, sáng tạo, hiệu quả'". The launch speech came from the
 * Ministry of National Defence's representative; the bloc launched it, at the conference its lead
 * (BCA) chaired, so BCA is recorded as launcher. A year's movement covers the calendar year 2021
 * (ONE_YEAR in form 0601); the launch day is kept apart.
 */
export const REAL_MOVEMENTS: readonly SeedMovement[] = [
  {
    code: 'NOI_CHINH_TW_2021',
    title: 'Phong trào thi đua năm 2021 của Khối thi đua các Bộ, ngành Nội chính Trung ương',
    theme: 'Đoàn kết, nêu gương, kỷ cương, sáng tạo, hiệu quả',
    launcherCode: 'BCA',
    launchLevel: 'BLOC',
    method: 'REGULAR_ANNUAL',
    scope: 'BLOC',
    blocCode: 'NOI_CHINH_TW',
    startDate: '2021-01-01',
    endDate: '2021-12-31',
    launchedOn: '2021-01-22',
    parentCode: null,
    source:
      'Hội nghị tổng kết công tác thi đua, khen thưởng năm 2020 của Khối thi đua các Bộ, ngành Nội chính Trung ương, 22/1/2021 (congly.vn)',
  },
];

/** Invented (titles say "minh họa"): a city movement and a district's response to it. */
export const DEMO_MOVEMENTS: readonly SeedMovement[] = [
  {
    code: 'DEMO_HN_VAN_MINH_DO_THI',
    title: 'Phong trào thi đua "Văn minh đô thị" thành phố Hà Nội (minh họa)',
    theme: 'Xây dựng thủ đô văn minh, hiện đại',
    launcherCode: 'HN',
    launchLevel: 'MINISTRY_OR_PROVINCE',
    method: 'THEMATIC',
    scope: 'MINISTRY_OR_PROVINCE',
    blocCode: null,
    startDate: '2020-01-01',
    endDate: '2024-12-31',
    launchedOn: null,
    parentCode: null,
    source: 'Dữ liệu minh họa',
  },
  {
    code: 'DEMO_TAY_HO_VAN_MINH_DO_THI_2020',
    title: 'Đợt thi đua "Văn minh đô thị" quận Tây Hồ năm 2020 (minh họa)',
    theme: null,
    launcherCode: 'QUAN_TAY_HO',
    launchLevel: 'UNIT',
    method: 'PEAK_DRIVE',
    scope: 'UNIT',
    blocCode: null,
    startDate: '2020-03-01',
    endDate: '2020-08-31',
    launchedOn: null,
    parentCode: 'DEMO_HN_VAN_MINH_DO_THI',
    source: 'Dữ liệu minh họa',
  },
];

async function insertMovements(
  manager: EntityManager,
  rows: readonly SeedMovement[],
  isDemo: boolean,
): Promise<number> {
  let inserted = 0;
  for (const row of rows) {
    const created: unknown[] = await manager.query(
      `INSERT INTO movement (id, code, title, theme, launched_by_id, launch_level, method, scope, start_date, end_date, launched_on, parent_id, source, is_demo, bloc_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, (SELECT id FROM movement WHERE code = $12), $13, $14, $15)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [
        seedUuid('movement', row.code),
        row.code,
        row.title.normalize('NFC'),
        row.theme?.normalize('NFC') ?? null,
        referenceOrganizationId(row.launcherCode),
        row.launchLevel,
        row.method,
        row.scope,
        row.startDate,
        row.endDate,
        row.launchedOn,
        row.parentCode,
        row.source.normalize('NFC'),
        isDemo,
        row.blocCode ? referenceBlocId(row.blocCode) : null,
      ],
    );
    inserted += created.length;
  }
  return inserted;
}

export async function seedMovements(manager: EntityManager, options: { demo: boolean }): Promise<void> {
  const real = await insertMovements(manager, REAL_MOVEMENTS, false);
  const demo = options.demo ? await insertMovements(manager, DEMO_MOVEMENTS, true) : 0;
  if (real || demo) log.info('seeded movements', { real, demo });
}
