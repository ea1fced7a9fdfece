/** Collective titles of the units, and the emulation flags of the blocs' leading units. */
import { evaluateEligibility, type GrantFact } from '@tdkt/awards';
import { NULL } from '../copy.js';
import { day, iso } from '../dates.js';
import { collectiveTitles, type TitleDraft } from '../people.js';
import { validOn, type Plan, type PlanGroup } from '../plan.js';
import { pledgeOutcome } from '../pledges.js';
import { CURRENT_YEAR, FIRST_YEAR, LAST_GRANT_YEAR, WORKFLOW_FROM_YEAR } from '../presets.js';
import { hash32, Rng, scaleUuid, TAG } from '../random.js';
import { factsBefore, grantCreated, type ChunkWriter } from './chunk-writer.js';
import { BASE_LEVEL } from './person-grants.js';

/** Recipient ids of collectives live in their own id range (persons use 0 … persons − 1). */
const COLLECTIVE_BASE = 0x40000000;
const BLOC_BASE = 0x50000000;

function collectiveVerdict(
  type: string,
  year: number,
  basis: string,
  history: readonly (GrantFact & { decidedOn: number })[],
  bloc: { isLeadingUnit: boolean; isMember: boolean } | null,
) {
  return (on: number) =>
    JSON.stringify(
      evaluateEligibility({
        awardTypeCode: type,
        year,
        basis: basis as never,
        subject: { kind: 'COLLECTIVE' },
        history: { grants: factsBefore(history, on), ratings: [], initiatives: [], openInquiries: [], disciplines: [] },
        blocLeadingUnit: bloc,
      }),
    );
}

export function writeCollective(
  plan: Plan,
  writer: ChunkWriter,
  group: PlanGroup,
  groupRoot: number,
  unitIndex: number,
): void {
  const org = plan.orgs[unitIndex]!;
  if (org.flavor === 'leadership' && !org.generated) return; // ministries and provinces get the flags of their blocs
  const rng = new Rng(hash32(0xc011, unitIndex));
  const history: (GrantFact & { decidedOn: number })[] = [];
  const titles: TitleDraft[] = [];
  let sequence = 0;
  for (let year = FIRST_YEAR; year <= LAST_GRANT_YEAR; year += 1) {
    if (!validOn(org, `${year}-12-31`)) continue;
    titles.length = 0;
    collectiveTitles(org, year, rng, titles);
    for (const title of titles) {
      const issuer = writer.issuerFor(title.type, unitIndex, true, year);
      const workflow = group.workflow && year >= WORKFLOW_FROM_YEAR && issuer.allowed;
      const decision = writer.decision(issuer, title.type, year, !workflow);
      sequence += 1;
      const grantId = scaleUuid(TAG.grant, COLLECTIVE_BASE + unitIndex, sequence);
      const h = hash32(unitIndex, sequence, 0xc0);
      let nominationId: string | null = null;
      if (workflow) {
        nominationId = scaleUuid(TAG.nomination, COLLECTIVE_BASE + unitIndex, sequence);
        const proposer =
          BASE_LEVEL.has(title.type) || title.type === 'TTLD_XUAT_SAC'
            ? org.flavor === 'village'
              ? plan.orgs[unitIndex]!.parent
              : unitIndex
            : groupRoot;
        writer.nomination({
          id: nominationId,
          type: title.type,
          year,
          basis: title.basis,
          personId: null,
          organizationId: org.id,
          recipientUnit: unitIndex,
          gender: null,
          proposer: validOn(plan.orgs[proposer]!, `${year + 1}-01-01`) ? proposer : unitIndex,
          blocId: null,
          status: 'DECIDED',
          decision,
          createdOn: 0,
          eligibility: collectiveVerdict(title.type, year, title.basis, history, null),
          seed: h,
        });
      }
      writer.grants.row(
        `${grantId}\t${title.type}\t${NULL}\t${org.id}\t${org.id}\t${NULL}\t${year}\t${title.basis}\t${decision.id}\t${nominationId ?? NULL}\t${decision.legacy ? 't' : 'f'}\t${NULL}\t${NULL}\t${grantCreated(decision)}\t${NULL}`,
      );
      history.push({
        id: grantId,
        awardTypeCode: title.type,
        year,
        basis: title.basis as GrantFact['basis'],
        decisionDate: iso(decision.issuedOn),
        revoked: false,
        decidedOn: decision.issuedOn,
      });
    }
  }
  // The current year's collective nominations of units that use the workflow.
  if (group.workflow && org.personCount > 0 && org.validTo === null && rng.chance(0.4)) {
    const type = org.armed ? 'DON_VI_TIEN_TIEN' : 'TTLD_TIEN_TIEN';
    writer.nomination({
      id: scaleUuid(TAG.nomination, COLLECTIVE_BASE + unitIndex, 1000),
      type,
      year: CURRENT_YEAR,
      basis: 'MERIT',
      personId: null,
      organizationId: org.id,
      recipientUnit: unitIndex,
      gender: null,
      proposer: unitIndex,
      blocId: null,
      status: rng.chance(0.5) ? 'DRAFT' : 'SUBMITTED',
      decision: null,
      createdOn: day(CURRENT_YEAR, 11, 1) + rng.int(6),
      eligibility: collectiveVerdict(type, CURRENT_YEAR, 'MERIT', history, null),
      seed: hash32(unitIndex, 1000),
    });
  }
}

/** Cờ thi đua (Law Arts 25, 26) for the leading unit each bloc acclaimed (campaigns' vote), up to 2025. */
export function writeBlocFlags(plan: Plan, writer: ChunkWriter): void {
  const btdkttw = plan.byCode.get('BTDKTTW');
  for (const bloc of plan.blocs) {
    for (let year = FIRST_YEAR; year <= LAST_GRANT_YEAR; year += 1) {
      const outcome = pledgeOutcome(plan, bloc, year);
      if (!outcome || outcome.leadingUnit < 0) continue;
      const leader = plan.orgs[outcome.leadingUnit]!;
      const type = bloc.organizer === btdkttw ? 'CO_THI_DUA_CP' : 'CO_THI_DUA_BO_TINH';
      const issuer = writer.issuerFor(type, leader.index, true, year);
      const group = leader.group >= 0 ? plan.groups[leader.group]! : null;
      const workflow = !!group?.workflow && year >= WORKFLOW_FROM_YEAR && issuer.allowed;
      const decision = writer.decision(issuer, type, year, !workflow);
      const grantId = scaleUuid(TAG.grant, BLOC_BASE + bloc.index, year);
      const h = hash32(bloc.index, year, 0xf1a9);
      let nominationId: string | null = null;
      if (workflow) {
        nominationId = scaleUuid(TAG.nomination, BLOC_BASE + bloc.index, year);
        writer.nomination({
          id: nominationId,
          type,
          year,
          basis: 'MERIT',
          personId: null,
          organizationId: leader.id,
          recipientUnit: leader.index,
          gender: null,
          // The leading unit's superior proposes it (Law Art 84: only for units it manages).
          proposer:
            leader.parent >= 0 && validOn(plan.orgs[leader.parent]!, `${year + 1}-01-01`)
              ? leader.parent
              : leader.index,
          blocId: bloc.id,
          status: 'DECIDED',
          decision,
          createdOn: 0,
          eligibility: collectiveVerdict(type, year, 'MERIT', [], { isLeadingUnit: true, isMember: true }),
          seed: h,
        });
      }
      writer.grants.row(
        `${grantId}\t${type}\t${NULL}\t${leader.id}\t${leader.id}\t${NULL}\t${year}\tMERIT\t${decision.id}\t${nominationId ?? NULL}\t${decision.legacy ? 't' : 'f'}\t${NULL}\t${NULL}\t${grantCreated(decision)}\t${NULL}`,
      );
    }
  }
}
