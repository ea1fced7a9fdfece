/**
 * Pledges of the Nội chính bloc.
 *
 * Real: the 2021 pledge signed at the bloc's year-end conference on 22/1/2021, chaired by the Khối
 * trưởng (Bộ Công an), with the 2021 theme "Đoàn kết, nêu gương, kỷ cương, sáng tạo, hiệu quả"
 * (seed article 004, congly.vn). Its items paraphrase the 2021 directions the article lists; the
 * article gives no points, so their max scores are illustrative.
 * Demo (SEED_DEMO, marked is_demo): 2022 signed with progress; 2024 closed with verified scores,
 * ranking and an acclaimed leading unit. None of the demo numbers are real results.
 */
import type { EntityManager } from 'typeorm';
import { referenceBlocId, referenceOrganizationId, seedUuid } from '@tdkt/subgraph-kit';
import { rankByTotal } from '../rules/pledge-scoring.rule.js';

const BLOC = 'NOI_CHINH_TW';
const MEMBERS = ['BTP', 'BQLLANG', 'BQP', 'BCA', 'TANDTC', 'VKSNDTC', 'TTCP', 'KTNN'];

const ITEMS_2021 = [
  {
    code: '1',
    title:
      'Quán triệt, triển khai nghiêm túc Nghị quyết Đại hội lần thứ XIII của Đảng và Nghị quyết Đại hội Đảng bộ các bộ, ngành nhiệm kỳ 2020–2025',
    maxScore: 30,
  },
  {
    code: '2',
    title:
      'Phát động phong trào thi đua thường xuyên, kết hợp thi đua theo đợt, theo chuyên đề; đổi mới nội dung, phương pháp tổ chức',
    maxScore: 25,
  },
  { code: '3', title: 'Thực hiện hiệu quả các phong trào thi đua do Thủ tướng Chính phủ phát động', maxScore: 20 },
  {
    code: '4',
    title: 'Phát hiện, bồi dưỡng, nhân rộng, biểu dương điển hình tiên tiến, gương người tốt, việc tốt',
    maxScore: 25,
  },
];

const DEMO_ITEMS = [
  {
    code: '1',
    title: 'Hoàn thành xuất sắc nhiệm vụ chính trị được giao (minh họa)',
    maxScore: 40,
    targetValue: null,
    unit: null,
  },
  { code: '2', title: 'Chuyển đổi số, cải cách hành chính (minh họa)', maxScore: 30, targetValue: 100, unit: '%' },
  {
    code: '3',
    title: 'Công tác thi đua, khen thưởng và nhân rộng điển hình (minh họa)',
    maxScore: 30,
    targetValue: 12,
    unit: 'điển hình',
  },
];

interface SeedItem {
  code: string;
  title: string;
  maxScore: number;
  targetValue?: number | null;
  unit?: string | null;
}

async function insertPledge(
  manager: EntityManager,
  year: number,
  theme: string,
  status: 'SIGNED' | 'CLOSED',
  items: SeedItem[],
  signedOn: string,
  isDemo: boolean,
): Promise<string | null> {
  const id = seedUuid('pledge', BLOC, String(year));
  const created: unknown[] = await manager.query(
    `INSERT INTO pledge (id, bloc_id, year, theme, status, bonus_cap, opened_at, signed_at, closed_at, is_demo, created_by)
     VALUES ($1, $2, $3, $4, $5, 5, $6::date, $6::date, $7, $8, 'seed') ON CONFLICT DO NOTHING RETURNING id`,
    [id, referenceBlocId(BLOC), year, theme, status, signedOn, status === 'CLOSED' ? `${year}-12-31` : null, isDemo],
  );
  if (!created.length) return null;
  await manager.query(
    `INSERT INTO pledge_item (pledge_id, code, title, target_value, unit, max_score, position)
     SELECT $1, i.code, i.title, i.target_value, i.unit, i.max_score, i.position
       FROM unnest($2::text[], $3::text[], $4::numeric[], $5::text[], $6::numeric[], $7::int[]) AS i(code, title, target_value, unit, max_score, position)`,
    [
      id,
      items.map((i) => i.code),
      items.map((i) => i.title),
      items.map((i) => i.targetValue ?? null),
      items.map((i) => i.unit ?? null),
      items.map((i) => i.maxScore),
      items.map((_, index) => index + 1),
    ],
  );
  await manager.query(
    `INSERT INTO pledge_signature (pledge_id, organization_id, signed_at, signed_by) SELECT $1, unnest($2::uuid[]), $3::date, 'seed'`,
    [id, MEMBERS.map(referenceOrganizationId), signedOn],
  );
  return id;
}

/** A deterministic spread of demo numbers (no randomness: the seed must be repeatable). */
const demoPoints = (memberIndex: number, itemIndex: number, max: number) =>
  max - ((memberIndex * 3 + itemIndex * 5) % 7);

export async function seedPledges(manager: EntityManager, options: { demo: boolean }): Promise<number> {
  let created = 0;
  if (
    await insertPledge(
      manager,
      2021,
      'Đoàn kết, nêu gương, kỷ cương, sáng tạo, hiệu quả',
      'SIGNED',
      ITEMS_2021,
      '2021-01-22',
      false,
    )
  )
    created += 1;
  if (!options.demo) return created;

  const p2022 = await insertPledge(
    manager,
    2022,
    'Giao ước thi đua năm 2022 (minh họa)',
    'SIGNED',
    DEMO_ITEMS,
    '2022-02-15',
    true,
  );
  if (p2022) {
    created += 1;
    for (const [memberIndex, code] of MEMBERS.entries()) {
      await manager.query(
        `INSERT INTO progress_report (pledge_id, organization_id, item_code, period, revision, value, note, reported_by)
         SELECT $1, $2, '2', q.period, 1, q.value, 'Số liệu minh họa', 'seed' FROM unnest($3::text[], $4::numeric[]) AS q(period, value)`,
        [
          p2022,
          referenceOrganizationId(code),
          ['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4'],
          [20, 45, 70, 90 + (memberIndex % 3) * 5],
        ],
      );
    }
  }

  const p2024 = await insertPledge(
    manager,
    2024,
    'Chủ động, hiệu quả, kỷ cương, linh hoạt (minh họa)',
    'CLOSED',
    DEMO_ITEMS,
    '2024-02-20',
    true,
  );
  if (p2024) {
    created += 1;
    const totals: { organizationId: string; total: number }[] = [];
    for (const [memberIndex, code] of MEMBERS.entries()) {
      const organizationId = referenceOrganizationId(code);
      const points = DEMO_ITEMS.map((item, itemIndex) => demoPoints(memberIndex, itemIndex, item.maxScore));
      const total = points.reduce((sum, value) => sum + value, 0);
      totals.push({ organizationId, total });
      for (const stage of ['SELF', 'CROSS', 'VERIFIED']) {
        await manager.query(
          `INSERT INTO scorecard (pledge_id, organization_id, stage, total_score, scheme_version, submitted_by) VALUES ($1, $2, $3, $4, 1, 'seed')`,
          [p2024, organizationId, stage, total],
        );
        await manager.query(
          `INSERT INTO scorecard_item (pledge_id, organization_id, stage, item_code, points) SELECT $1, $2, $3, unnest($4::text[]), unnest($5::numeric[])`,
          [p2024, organizationId, stage, DEMO_ITEMS.map((item) => item.code), points],
        );
      }
    }
    const ranking = rankByTotal(totals);
    await manager.query(
      `INSERT INTO pledge_ranking (pledge_id, organization_id, rank, total_score) SELECT $1, unnest($2::uuid[]), unnest($3::int[]), unnest($4::numeric[])`,
      [
        p2024,
        ranking.map((entry) => entry.organizationId),
        ranking.map((entry) => entry.rank),
        ranking.map((entry) => entry.total),
      ],
    );
    await manager.query(
      `INSERT INTO bloc_vote (pledge_id, candidate_organization_id, members_total, yes, no, abstain, threshold, passed, voted_on, recorded_by)
       VALUES ($1, $2, 8, 8, 0, 0, 0.8, true, '2024-12-20', 'seed')`,
      [p2024, ranking[0]!.organizationId],
    );
  }
  return created;
}
