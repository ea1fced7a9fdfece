/**
 * `Person.eligibility(awardTypeCode, year)`: the versioned rules of rules/ applied to the person's
 * ledger (grants, initiatives) and to the annual ratings read live from the organizations subgraph.
 * Ratings are private there, so a caller who may not see them gets no verdict (null), never a wrong one.
 */
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { notFound } from '@tdkt/subgraph-kit';
import { SubjectKind } from '../types/award-type.types.js';
import { EligibilityVerdict, Grant } from '../types/grant.types.js';
import { Person } from '../types/person.stub.js';
import { evaluateEligibility, type GrantFact } from '../rules/index.js';
import type { AwardsContext } from '../context.js';

@Resolver(() => Person)
export class PersonEligibilityResolver {
  @FieldResolver(() => EligibilityVerdict, {
    nullable: true,
    description:
      'Điều kiện để được đề nghị danh hiệu/hình thức khen thưởng cho năm thành tích; null nếu người xem không được xem xếp loại của cá nhân.',
  })
  async eligibility(
    @Root() person: Person,
    @Ctx() context: AwardsContext,
    @Arg('awardTypeCode') awardTypeCode: string,
    @Arg('year', () => Int) year: number,
    @Arg('decisionDate', () => String, {
      nullable: true,
      description: 'Ngày dự kiến quyết định (mặc định 15/1 năm sau năm thành tích).',
    })
    decisionDate?: string | null,
  ): Promise<EligibilityVerdict | null> {
    const code = awardTypeCode.trim().toUpperCase();
    if (!(await context.loaders.awardTypeByCode.load(code)))
      throw notFound(`Không có hình thức khen thưởng mã ${awardTypeCode}.`, { field: 'awardTypeCode' });
    const [facts, grants, initiatives] = await Promise.all([
      context.organizations.personFactsById.load(person.id),
      context.loaders.grantsByPersonId.load(person.id),
      context.loaders.initiativesByPersonId.load(person.id),
    ]);
    if (!facts || facts.ratings === null) return null;
    const decisions = await Promise.all(grants.map((grant) => context.loaders.decisionById.load(grant.decisionId)));
    const grantFacts: GrantFact[] = grants.map((grant, index) => ({
      id: grant.id,
      awardTypeCode: grant.awardTypeCode,
      year: grant.year,
      basis: grant.basis,
      decisionDate: decisions[index]?.issuedOn ?? null,
      revoked: grant.revokedOn !== null,
    }));
    const verdict = evaluateEligibility({
      awardTypeCode: code,
      year,
      decisionDate: decisionDate ?? undefined,
      subject: { kind: SubjectKind.PERSON },
      history: {
        grants: grantFacts,
        ratings: facts.ratings,
        initiatives: initiatives.map((initiative) => ({
          id: initiative.id,
          scope: initiative.scope,
          recognizedOn: initiative.recognizedOn,
          usedByGrantIds: initiative.usedByGrantIds,
        })),
        // Inquiries and disciplines are not recorded yet (organizations subgraph); the verdict says so in notes.
        openInquiries: [],
        disciplines: [],
      },
    });
    const byId = new Map(grants.map((grant) => [grant.id, grant]));
    return Object.assign(new EligibilityVerdict(), {
      eligible: verdict.eligible,
      ruleset: verdict.ruleset,
      reasons: verdict.reasons,
      evidence: verdict.evidence.map((fact) => byId.get(fact.id)).filter((grant): grant is Grant => !!grant),
      notes: [
        ...(verdict.notes ?? []),
        'Chưa đối chiếu kỷ luật, thanh tra, khiếu nại đang xem xét (chưa có dữ liệu trong hệ thống).',
      ],
    });
  }
}
