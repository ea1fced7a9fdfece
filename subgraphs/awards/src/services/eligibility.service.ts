/**
 * The eligibility verdict of the rules in force for a nomination's recipient: the ledger (grants with
 * their decisions' dates, initiatives), the live ratings of the organizations subgraph and, for a bloc's
 * flag, the bloc's membership and acclaimed leading unit.
 */
import { notFound, withheld } from '@tdkt/subgraph-kit';
import { evaluateEligibility, type EligibilityVerdict, type GrantFact } from '../rules/index.js';
import { blocLeadingUnitId } from '../clients/campaigns.client.js';
import type { AwardsContext } from '../context.js';
import type { AwardsStores } from '../store/index.js';
import { SubjectKind } from '../types/award-type.types.js';
import { EligibilityVerdict as EligibilityVerdictType, type Grant } from '../types/grant.types.js';

export interface VerdictSubject {
  personId: string | null;
  organizationId: string | null;
}

export async function computeVerdict(
  context: AwardsContext,
  stores: AwardsStores,
  subject: VerdictSubject,
  awardTypeCode: string,
  year: number,
  basis: string,
  blocId: string | null,
): Promise<EligibilityVerdict> {
  const grants = await stores.grants.historyOf(subject);
  let ratings: { year: number; rating: 'EXCELLENT' | 'GOOD' | 'COMPLETED' | 'NOT_COMPLETED' }[] = [];
  let initiatives: {
    id: string;
    scope: 'BASE' | 'MINISTRY_OR_PROVINCE' | 'NATIONAL';
    recognizedOn: string;
    usedByGrantIds: string[];
  }[] = [];
  if (subject.personId) {
    const facts = await context.organizations.personFactsById.load(subject.personId);
    ratings = facts?.ratings ?? [];
    initiatives = (await context.loaders.initiativesByPersonId.load(subject.personId)).map((i) => ({
      id: i.id,
      scope: i.scope,
      recognizedOn: i.recognizedOn,
      usedByGrantIds: i.usedByGrantIds,
    }));
  }
  let blocLeadingUnit: { isLeadingUnit: boolean; isMember: boolean } | null = null;
  if (blocId && subject.organizationId) {
    const [membership, leadingUnitId] = await Promise.all([
      context.organizations.blocYear(blocId, year),
      blocLeadingUnitId(context.campaigns, context.internalToken, blocId, year),
    ]);
    blocLeadingUnit = {
      isMember: !!membership?.members.some((member) => member.organization.id === subject.organizationId),
      isLeadingUnit: leadingUnitId === subject.organizationId,
    };
  }
  return evaluateEligibility({
    awardTypeCode,
    year,
    basis: basis as never,
    subject: { kind: subject.personId ? 'PERSON' : 'COLLECTIVE' },
    history: {
      grants: grants.map((grant) => ({
        id: grant.id,
        awardTypeCode: grant.awardTypeCode,
        year: grant.year,
        basis: grant.basis,
        decisionDate: grant.decisionDate,
        revoked: grant.revokedOn !== null,
      })),
      ratings,
      initiatives,
      openInquiries: [],
      disciplines: [],
    },
    blocLeadingUnit,
  });
}

/**
 * `Person.eligibility`: the rules applied to the person's ledger and live ratings. Ratings are private
 * in the organizations subgraph, so a caller who may not see them gets no verdict (null with FORBIDDEN),
 * never a wrong one.
 */
export async function personEligibility(
  context: AwardsContext,
  personId: string,
  awardTypeCode: string,
  year: number,
  decisionDate: string | null,
): Promise<EligibilityVerdictType | null> {
  const code = awardTypeCode.trim().toUpperCase();
  if (!(await context.loaders.awardTypeByCode.load(code)))
    throw notFound(`Không có hình thức khen thưởng mã ${awardTypeCode}.`, { field: 'awardTypeCode' });
  const [facts, grants, initiatives] = await Promise.all([
    context.organizations.personFactsById.load(personId),
    context.loaders.grantsByPersonId.load(personId),
    context.loaders.initiativesByPersonId.load(personId),
  ]);
  if (!facts) return null;
  // The ratings are withheld from this caller: no verdict rather than a wrong one, and said so.
  if (facts.ratings === null)
    throw await withheld(
      context,
      'Kết luận điều kiện khen thưởng của cá nhân (dựa trên kết quả xếp loại hằng năm)',
      'Ban Thi đua – Khen thưởng Trung ương và cán bộ của đơn vị nơi người này công tác hoặc của đơn vị cấp trên',
    );
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
  return Object.assign(new EligibilityVerdictType(), {
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
