/**
 * Conferences of the 2020 cycle that the seeds name, linked bottom-up (Tây Hồ district → Hà Nội city
 * congress → 10th national congress), and, with SEED_DEMO, an invented delegate list for Tây Hồ that
 * meets its rules. Idempotent: existing conferences are left as they are, and demo delegates are added
 * only to a conference whose list nobody has started.
 */
import type { EntityManager } from 'typeorm';
import { log, referenceOrganizationId, seedUuid } from '@tdkt/subgraph-kit';

interface SeedConference {
  code: string;
  title: string;
  kind: string;
  level: string;
  hostCode: string;
  periodFrom: number;
  periodTo: number;
  heldOn: string | null;
  theme: string | null;
  maxDelegates: number | null;
  minExemplarShare: number | null;
  balanceFacets: string[];
  feedsIntoCode: string | null;
  source: string;
}

/** Parents (feedsInto targets) first. */
export const REAL_CONFERENCES: readonly SeedConference[] = [
  // thanhnien.vn: 9–10/12/2020, about 2,300 delegates (an attendance, not a rule: no limit
  // stored). Organized by the Central Emulation and Commendation Council, whose standing agency is the
  // Ban TĐKT Trung ương (the only one of the two that is a unit in the organizations subgraph).
  {
    code: 'DHTDYN_TOAN_QUOC_X',
    title: 'Đại hội Thi đua yêu nước toàn quốc lần thứ X',
    kind: 'PATRIOTIC_EMULATION_CONGRESS',
    level: 'NATIONAL',
    hostCode: 'BTDKTTW',
    periodFrom: 2020,
    periodTo: 2025,
    heldOn: '2020-12-09',
    theme: 'Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ Tổ quốc',
    maxDelegates: null,
    minExemplarShare: null,
    balanceFacets: [],
    feedsIntoCode: null,
    source:
      'Kế hoạch 1272/KH-VPCP ngày 20/2/2020 của Văn phòng Chính phủ; Đại hội Thi đua yêu nước toàn quốc lần thứ X, 9–10/12/2020',
  },
  // The Tây Hồ plan names it as the congress the district conferences lead to; it gives no date or
  // theme, so they stay null.
  {
    code: 'DHTDYN_HN_2020_2025',
    title: 'Đại hội Thi đua yêu nước thành phố Hà Nội giai đoạn 2020–2025',
    kind: 'PATRIOTIC_EMULATION_CONGRESS',
    level: 'MINISTRY_OR_PROVINCE',
    hostCode: 'HN',
    periodFrom: 2020,
    periodTo: 2025,
    heldOn: null,
    theme: null,
    maxDelegates: null,
    minExemplarShare: null,
    balanceFacets: [],
    feedsIntoCode: 'DHTDYN_TOAN_QUOC_X',
    source:
      'UBND quận Tây Hồ, Kế hoạch tổ chức Hội nghị điển hình tiên tiến các cấp tiến tới Đại hội thi đua yêu nước thành phố Hà Nội giai đoạn 2020–2025',
  },
  // The Tây Hồ plan, section 2b (cấp quận): "Hội nghị Điển hình tiên tiến", "Tối đa 300 đại biểu. Trong đó, đại
  // biểu điển hình tiên tiến chiếm 70%; đại biểu khách mời và lãnh đạo các cấp, các ngành chiếm 30%",
  // balanced by sector, ethnicity, women, youth and direct workers (economic sector and religion are not
  // modelled as facets), "½ ngày hoàn thành trong Quý II/2020 (có Văn bản triển khai cụ thể sau)": the
  // day was left to a later document that the seeds do not have, so heldOn is null. The plan gives no
  // slogan; the theme is its stated purpose, quoted.
  {
    code: 'HNDHTT_TAY_HO_2020',
    title: 'Hội nghị Điển hình tiên tiến quận Tây Hồ giai đoạn 2020–2025',
    kind: 'EXEMPLAR_CONFERENCE',
    level: 'DISTRICT',
    hostCode: 'QUAN_TAY_HO',
    periodFrom: 2020,
    periodTo: 2025,
    heldOn: null,
    theme:
      'Biểu dương thành tích các phong trào thi đua yêu nước và tôn vinh các tập thể, cá nhân Anh hùng, Chiến sĩ thi đua, các gương điển hình tiên tiến',
    maxDelegates: 300,
    minExemplarShare: 0.7,
    balanceFacets: ['SECTOR', 'GENDER', 'ETHNICITY', 'AGE_BAND', 'DIRECT_WORKER'],
    feedsIntoCode: 'DHTDYN_HN_2020_2025',
    source:
      'UBND quận Tây Hồ, Kế hoạch tổ chức Hội nghị điển hình tiên tiến các cấp (2020), mục 2b — tối đa 300 đại biểu, 70 % điển hình tiên tiến, 30 % khách mời và lãnh đạo; Quý II/2020',
  },
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const MALE_GIVEN = [
  'Văn An',
  'Đức Bình',
  'Minh Cường',
  'Quang Dũng',
  'Hữu Hải',
  'Văn Hùng',
  'Thành Long',
  'Hoài Nam',
  'Văn Sơn',
  'Anh Tuấn',
  'Đình Khoa',
];
const FEMALE_GIVEN = [
  'Thị Dung',
  'Thu Giang',
  'Thị Hà',
  'Ngọc Lan',
  'Thị Mai',
  'Thu Phương',
  'Thanh Tâm',
  'Hải Yến',
  'Thị Hoa',
  'Minh Thư',
];
const ETHNICITIES = ['Kinh', 'Kinh', 'Kinh', 'Kinh', 'Kinh', 'Kinh', 'Kinh', 'Kinh', 'Kinh', 'Tày', 'Mường', 'Hoa'];
const SECTORS = ['ECONOMY', 'CULTURE_SOCIETY', 'CULTURE_SOCIETY', 'DEFENCE_SECURITY', 'ECONOMY', 'OTHER'];

/**
 * 280 invented delegates: 200 exemplars (2 heroes, 3 national emulation fighters, 45 emulation
 * fighters, 130 advanced exemplars, 20 good-deed examples) and 80 leaders and guests, i.e. 71.4 % ≥ 70 %
 * and 280 ≤ 300. The first ten exemplars are selected for the city congress.
 */
export function demoTayHoDelegates() {
  const plan: [string, number][] = [
    ['HERO', 2],
    ['NATIONAL_EMULATION_FIGHTER', 3],
    ['EMULATION_FIGHTER', 45],
    ['EXEMPLAR', 130],
    ['GOOD_DEED', 20],
    ['LEADER', 40],
    ['GUEST', 40],
  ];
  const categories = plan.flatMap(([category, count]) => Array.from({ length: count }, () => category));
  return categories.map((category, index) => {
    const female = index % 5 === 1 || index % 5 === 3; // 40 % women
    const given = female ? FEMALE_GIVEN[index % FEMALE_GIVEN.length]! : MALE_GIVEN[index % MALE_GIVEN.length]!;
    const leader = category === 'LEADER' || category === 'GUEST';
    return {
      ordinal: index + 1,
      fullName: `${FAMILY[(index * 7) % FAMILY.length]} ${given}`,
      category,
      sector: SECTORS[index % SECTORS.length]!,
      gender: female ? 'FEMALE' : 'MALE',
      ethnicity: ETHNICITIES[index % ETHNICITIES.length]!,
      birthYear: 1955 + ((index * 13) % 45),
      isDirectWorker: !leader && index % 3 !== 0,
      selectedForHigher: !leader && index < 10,
    };
  });
}

export async function seedConferences(manager: EntityManager, options: { demo: boolean }): Promise<void> {
  let conferences = 0;
  for (const row of REAL_CONFERENCES) {
    const created: unknown[] = await manager.query(
      `INSERT INTO conference (id, code, title, kind, level, host_id, period_from, period_to, held_on, theme, max_delegates, min_exemplar_share, balance_facets, feeds_into_id, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, (SELECT id FROM conference WHERE code = $14), $15)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [
        seedUuid('conference', row.code),
        row.code,
        row.title.normalize('NFC'),
        row.kind,
        row.level,
        referenceOrganizationId(row.hostCode),
        row.periodFrom,
        row.periodTo,
        row.heldOn,
        row.theme?.normalize('NFC') ?? null,
        row.maxDelegates,
        row.minExemplarShare,
        row.balanceFacets,
        row.feedsIntoCode,
        row.source.normalize('NFC'),
      ],
    );
    conferences += created.length;
  }

  let delegates = 0;
  if (options.demo) {
    const rows = demoTayHoDelegates();
    const added: unknown[] = await manager.query(
      `INSERT INTO conference_delegate (id, conference_id, ordinal, full_name, category, sector, gender, ethnicity, birth_year, is_direct_worker, selected_for_id, is_demo)
       SELECT r.id, c.id, r.ordinal, r.full_name, r.category, r.sector, r.gender, r.ethnicity, r.birth_year, r.is_direct_worker,
              CASE WHEN r.selected THEN c.feeds_into_id END, true
         FROM conference c
        CROSS JOIN unnest($2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::boolean[], $11::boolean[])
              AS r(id, ordinal, full_name, category, sector, gender, ethnicity, birth_year, is_direct_worker, selected)
        WHERE c.code = $1 AND NOT EXISTS (SELECT 1 FROM conference_delegate d WHERE d.conference_id = c.id)
       RETURNING 1`,
      [
        'HNDHTT_TAY_HO_2020',
        rows.map((row) => seedUuid('conference-delegate', 'HNDHTT_TAY_HO_2020', String(row.ordinal))),
        rows.map((row) => row.ordinal),
        rows.map((row) => row.fullName.normalize('NFC')),
        rows.map((row) => row.category),
        rows.map((row) => row.sector),
        rows.map((row) => row.gender),
        rows.map((row) => row.ethnicity.normalize('NFC')),
        rows.map((row) => row.birthYear),
        rows.map((row) => row.isDirectWorker),
        rows.map((row) => row.selectedForHigher),
      ],
    );
    delegates = added.length;
  }
  if (conferences || delegates) log.info('seeded conferences', { conferences, demoDelegates: delegates });
}
