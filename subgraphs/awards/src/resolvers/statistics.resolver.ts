/**
 * `awardStatistics`: counts of live (not revoked) grants for an organization subtree or a bloc, broken
 * down as the statistical forms 0602/0603 of TT 02/2023/TT-BNV need (by award, year, subject kind,
 * gender). Read from the subtree rollup (migration 1765000000000), which triggers keep right on every
 * write of the ledger: one grouped statement over a few thousand rollup rows, whatever the number of
 * units, people or grants; the award types come back in the same statement.
 */
import { Arg, Ctx, Field, FieldResolver, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AwardCategory, AwardType, CommendationBasis, SubjectKind } from '../types/award.types.js';
import type { AwardsContext } from '../context.js';
import { AWARD_TYPE_COLUMNS } from '../loaders/award.loaders.js';
import { SCOPE_COLUMNS, SCOPE_CTES, resolveAwardScope, scopeParameters, subtreeCounts, withCurrentTree } from '../rollup/award-scope.js';
import { compactIfMany } from '../rollup/compaction.js';

@InputType()
export class AwardStatisticsFilter {
  @Field(() => String, { nullable: true, description: 'Đơn vị và mọi đơn vị trực thuộc.' }) organizationCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Các thành viên của khối/cụm (và đơn vị trực thuộc của họ), theo năm thành tích.' }) blocCode?: string | null;
  @Field(() => Int, { nullable: true }) yearFrom?: number | null;
  @Field(() => Int, { nullable: true }) yearTo?: number | null;
  @Field(() => AwardCategory, { nullable: true }) category?: AwardCategory | null;
  @Field(() => CommendationBasis, { nullable: true }) basis?: CommendationBasis | null;
}

@ObjectType()
export class AwardTypeCount {
  awardTypeCode!: string;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class YearCount {
  @Field(() => Int) year!: number;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class SubjectKindCount {
  @Field(() => SubjectKind) subjectKind!: SubjectKind;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class GenderCount {
  @Field({ description: 'MALE, FEMALE hoặc UNKNOWN (cá nhân chưa ghi giới tính).' }) gender!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Số lượt khen thưởng (không tính lượt đã thu hồi).' })
export class AwardStatistics {
  @Field(() => Int) total!: number;
  @Field(() => [AwardTypeCount]) byAwardType!: AwardTypeCount[];
  @Field(() => [YearCount]) byYear!: YearCount[];
  @Field(() => [SubjectKindCount]) bySubjectKind!: SubjectKindCount[];
  @Field(() => [GenderCount], { description: 'Chỉ khen thưởng cá nhân.' }) byGender!: GenderCount[];
}

@Resolver(() => AwardTypeCount)
export class AwardTypeCountResolver {
  @FieldResolver(() => AwardType, { nullable: true })
  awardType(@Root() row: AwardTypeCount, @Ctx() context: AwardsContext): Promise<AwardType | null> {
    return context.loaders.awardTypeByCode.load(row.awardTypeCode);
  }
}

@Resolver()
export class StatisticsResolver {
  @Query(() => AwardStatistics, { description: 'Thống kê khen thưởng theo biểu mẫu 0602/0603 (TT 02/2023/TT-BNV) cho một cây đơn vị hoặc một khối/cụm.' })
  async awardStatistics(@Ctx() context: AwardsContext, @Arg('filter', () => AwardStatisticsFilter) filter: AwardStatisticsFilter): Promise<AwardStatistics> {
    const scope = await resolveAwardScope(context, filter, { allowNational: false });
    const [unitIds, years] = scopeParameters(scope);
    type Row = { award_type_code: string | null; year: number | null; subject_kind: string | null; gender: string | null; count: string; grouping: number; award_type: AwardType | null; pending: number; scope_units: number; unknown_units: boolean };
    const rows = await withCurrentTree<Row>(context, scope, () =>
      context.db.query(
        `WITH ${SCOPE_CTES},
         ${subtreeCounts('outermost')},
         chosen AS (
           SELECT c.award_type_code, c.year, c.subject_kind, nullif(c.gender, 'NONE') AS gender, c.count
             FROM counts c
            WHERE ($5::text IS NULL OR c.award_type_code IN (SELECT code FROM award_type WHERE category = $5)) AND ($6::text IS NULL OR c.basis = $6)
         ),
         grouped AS (
           SELECT award_type_code, year, subject_kind, gender, sum(count)::text AS count,
                  GROUPING(award_type_code, year, subject_kind, gender) AS grouping
             FROM chosen GROUP BY GROUPING SETS ((award_type_code), (year), (subject_kind), (gender), ())
         )
         SELECT g.*, CASE WHEN t.code IS NULL THEN NULL ELSE row_to_json(t) END AS award_type, ${SCOPE_COLUMNS}
           FROM grouped g
           LEFT JOIN (SELECT ${AWARD_TYPE_COLUMNS} FROM award_type) t ON t.code = g.award_type_code AND g.grouping = 7
          WHERE g.grouping = 15 OR g.count <> '0'`,
        [unitIds, years, scope.yearFrom, scope.yearTo, filter.category ?? null, filter.basis ?? null, scope.code],
      ),
    );
    compactIfMany(context, rows[0]?.pending);
    // The award types of byAwardType came with the counts: AwardTypeCount.awardType needs no statement.
    for (const row of rows) if (row.award_type) context.loaders.awardTypeByCode.prime(row.award_type.code, Object.assign(new AwardType(), row.award_type));
    const ofSet = (mask: number) => rows.filter((row) => row.grouping === mask);
    // GROUPING bits, most significant first: award_type_code, year, subject_kind, gender (1 = rolled up).
    const total = Number(ofSet(0b1111)[0]?.count ?? 0);
    return Object.assign(new AwardStatistics(), {
      total,
      byAwardType: ofSet(0b0111)
        .map((row) => Object.assign(new AwardTypeCount(), { awardTypeCode: row.award_type_code!, count: Number(row.count) }))
        .sort((a, b) => b.count - a.count || a.awardTypeCode.localeCompare(b.awardTypeCode)),
      byYear: ofSet(0b1011).map((row) => Object.assign(new YearCount(), { year: row.year!, count: Number(row.count) })).sort((a, b) => a.year - b.year),
      bySubjectKind: ofSet(0b1101).map((row) => Object.assign(new SubjectKindCount(), { subjectKind: row.subject_kind as SubjectKind, count: Number(row.count) })),
      byGender: ofSet(0b1110)
        .filter((row) => row.gender !== null)
        .map((row) => Object.assign(new GenderCount(), { gender: row.gender!, count: Number(row.count) })),
    });
  }
}
