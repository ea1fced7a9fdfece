/**
 * `awardStatistics`: counts of live (not revoked) grants for an organization subtree or a bloc, broken
 * down as the statistical forms 0602/0603 of TT 02/2023/TT-BNV need (by award, year, subject kind,
 * gender). Read from the subtree rollup (migration 1765000000000), which triggers keep right on every
 * write of the ledger: one grouped statement over a few thousand rollup rows, whatever the number of
 * units, people or grants; the award types come back in the same statement.
 */
import type { AwardsContext } from '../context.js';
import { toAwardType } from '../store/award-type.store.js';
import { SubjectKind } from '../types/award-type.types.js';
import {
  AwardStatistics,
  AwardStatisticsFilter,
  AwardTypeCount,
  GenderCount,
  SubjectKindCount,
  YearCount,
} from '../types/statistics.types.js';
import { resolveAwardScope, withCurrentTree } from './award-scope.service.js';
import { compactIfMany } from './rollup-compaction.service.js';

export async function awardStatistics(context: AwardsContext, filter: AwardStatisticsFilter): Promise<AwardStatistics> {
  const scope = await resolveAwardScope(context, filter, { allowNational: false });
  const rows = await withCurrentTree(context, scope, () =>
    context.stores.statistics.statistics(scope, { category: filter.category ?? null, basis: filter.basis ?? null }),
  );
  compactIfMany(context, rows[0]?.pending);
  // The award types of byAwardType came with the counts: AwardTypeCount.awardType needs no statement.
  for (const row of rows)
    if (row.award_type) context.loaders.awardTypeByCode.prime(row.award_type.code, toAwardType(row.award_type));
  const ofSet = (mask: number) => rows.filter((row) => row.grouping === mask);
  // GROUPING bits, most significant first: award_type_code, year, subject_kind, gender (1 = rolled up).
  const total = Number(ofSet(0b1111)[0]?.count ?? 0);
  return Object.assign(new AwardStatistics(), {
    total,
    byAwardType: ofSet(0b0111)
      .map((row) =>
        Object.assign(new AwardTypeCount(), { awardTypeCode: row.award_type_code!, count: Number(row.count) }),
      )
      .sort((a, b) => b.count - a.count || a.awardTypeCode.localeCompare(b.awardTypeCode)),
    byYear: ofSet(0b1011)
      .map((row) => Object.assign(new YearCount(), { year: row.year!, count: Number(row.count) }))
      .sort((a, b) => a.year - b.year),
    bySubjectKind: ofSet(0b1101).map((row) =>
      Object.assign(new SubjectKindCount(), { subjectKind: row.subject_kind as SubjectKind, count: Number(row.count) }),
    ),
    byGender: ofSet(0b1110)
      .filter((row) => row.gender !== null)
      .map((row) => Object.assign(new GenderCount(), { gender: row.gender!, count: Number(row.count) })),
  });
}
