/**
 * The eligibility verdict of the rules in force for a nomination's recipient: the ledger (grants with
 * their decisions' dates, initiatives), the live ratings of the organizations subgraph and, for a bloc's
 * flag, the bloc's membership and acclaimed leading unit.
 */
import { evaluateEligibility, type EligibilityVerdict } from '../rules/index.js';
import { blocLeadingUnitId } from '../clients/campaigns.client.js';
import type { AwardsContext } from '../context.js';
import type { AwardsStores } from '../store/index.js';

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
