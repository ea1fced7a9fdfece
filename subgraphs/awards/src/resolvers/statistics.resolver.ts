/**
 * `awardStatistics`: counts of live (not revoked) grants for an organization subtree or a bloc, broken
 * down as the statistical forms 0602/0603 of TT 02/2023/TT-BNV need (by award, year, subject kind,
 * gender). One grouped statement over the ledger, whatever the number of people or grants.
 */
import { Arg, Ctx, Field, FieldResolver, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { badInput, notFound } from '@tdkt/subgraph-kit';
import { AwardCategory, AwardType, CommendationBasis, SubjectKind } from '../types/award.types.js';
import type { AwardsContext } from '../context.js';

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
    if ((filter.organizationCode ? 1 : 0) + (filter.blocCode ? 1 : 0) !== 1) {
      throw badInput('Hãy chọn đúng một phạm vi: organizationCode (cây đơn vị) hoặc blocCode (khối/cụm).', { field: 'filter' });
    }
    const yearFrom = filter.yearFrom ?? 1945;
    const yearTo = filter.yearTo ?? 2100;
    if (yearFrom > yearTo) throw badInput('Năm bắt đầu sau năm kết thúc.', { field: 'filter.yearFrom' });

    // Units in scope, per year for blocs (membership changes year by year), else one set for all years.
    let units: { ids: string[]; years: number[] | null }[];
    if (filter.organizationCode) {
      const ids = await context.organizations.subtreeIdsByCode.load(filter.organizationCode.trim().toUpperCase());
      if (!ids) throw notFound(`Không tìm thấy đơn vị có mã ${filter.organizationCode}.`, { field: 'filter.organizationCode' });
      units = [{ ids, years: null }];
    } else {
      const bloc = await context.organizations.blocByCode.load(filter.blocCode!.trim().toUpperCase());
      if (!bloc) throw notFound(`Không tìm thấy khối/cụm có mã ${filter.blocCode}.`, { field: 'filter.blocCode' });
      const from = Math.max(yearFrom, 2000);
      const to = Math.min(yearTo, new Date().getUTCFullYear() + 1);
      if (to - from > 30) throw badInput('Thống kê theo khối/cụm tối đa 30 năm một lần.', { field: 'filter.yearFrom' });
      const years = Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => from + index);
      const perYear = await Promise.all(years.map((year) => context.organizations.blocYear(bloc.id, year)));
      const memberCodes = [...new Set(perYear.flatMap((entry) => entry?.members.map((member) => member.organization.code) ?? []))];
      const subtrees = new Map(await Promise.all(memberCodes.map(async (code) => [code, (await context.organizations.subtreeIdsByCode.load(code)) ?? []] as const)));
      units = years.map((year, index) => ({ ids: (perYear[index]?.members ?? []).flatMap((member) => subtrees.get(member.organization.code) ?? []), years: [year] }));
    }

    const scope = units.flatMap((entry) => entry.ids.map((id) => ({ id, year: entry.years?.[0] ?? null })));
    const rows: { award_type_code: string | null; year: number | null; subject_kind: string | null; gender: string | null; count: string; grouping: number }[] = await context.db.query(
      `WITH scope(unit_id, year) AS (SELECT * FROM unnest($1::uuid[], $2::int[])),
       chosen AS (
         SELECT g.award_type_code, g.year, CASE WHEN g.person_id IS NULL THEN 'COLLECTIVE' ELSE 'PERSON' END AS subject_kind,
                CASE WHEN g.person_id IS NULL THEN NULL ELSE coalesce(g.recipient_gender, 'UNKNOWN') END AS gender
           FROM award_grant g JOIN award_type t ON t.code = g.award_type_code
          WHERE g.revoked_on IS NULL AND g.year BETWEEN $3 AND $4
            AND ($5::text IS NULL OR t.category = $5) AND ($6::text IS NULL OR g.basis = $6)
            AND EXISTS (SELECT 1 FROM scope s WHERE s.unit_id = g.recipient_unit_id AND (s.year IS NULL OR s.year = g.year))
       )
       SELECT award_type_code, year, subject_kind, gender, count(*)::text AS count,
              GROUPING(award_type_code, year, subject_kind, gender) AS grouping
         FROM chosen GROUP BY GROUPING SETS ((award_type_code), (year), (subject_kind), (gender), ())`,
      [scope.map((entry) => entry.id), scope.map((entry) => entry.year), yearFrom, yearTo, filter.category ?? null, filter.basis ?? null],
    );
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
