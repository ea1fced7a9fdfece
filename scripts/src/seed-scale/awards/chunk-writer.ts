/**
 * Everything one chunk of the awards step writes: the grant stream, the decisions (each issuer's of a
 * year and type, shared between the groups of a chunk where the issuer serves several), and the
 * nominations with their history and council votes.
 *
 * Issuers are found the way the law assigns powers (rules/authority.rule.ts, `canDecide`): from the
 * recipient upwards, the first unit whose head may decide that form on that date.
 */
import {
  AWARD_TYPES,
  authorityOfIssuer,
  canDecide,
  councilThreshold,
  councilVotePasses,
  decisionNumberKey,
  rulesetFor,
  type AuthorityKind,
  type GrantFact,
} from '@tdkt/awards';
import { CopyWriter, RowBuffer, text, NULL } from '../copy.js';
import { day, iso, stamp } from '../dates.js';
import { parentAt, validOn, type Plan, type PlanGroup } from '../plan.js';
import { FIRST_YEAR } from '../presets.js';
import { hash32, scaleUuid, TAG } from '../random.js';
import { AWARDS_SCALE_TABLES as T } from '../tables.js';
import { RETURN_REASONS, WITHDRAW_REASONS } from '../vietnamese.js';

const TYPE_INDEX = new Map(AWARD_TYPES.map((type, index) => [type.code, index]));
const TYPE_BY_CODE = new Map(AWARD_TYPES.map((type) => [type.code, type]));
/** Days after an issuer's first decision of the year: CSTĐ cơ sở after the Lao động tiên tiến it needs. */
const TYPE_DELAY: Record<string, number> = {
  LDTT: 0,
  CHIEN_SI_TIEN_TIEN: 0,
  TTLD_TIEN_TIEN: 1,
  DON_VI_TIEN_TIEN: 1,
  GIAY_KHEN: 2,
  CSTD_CO_SO: 6,
  TTLD_XUAT_SAC: 4,
  DON_VI_QUYET_THANG: 4,
};
const LAW_2022 = day(2024, 1, 1);
export const BY = 'seed-scale';
const EVENT_ID_BASE = 1_000_000_000_000;

/** When each authority signs the decisions for an achievement year (first day, length in days). */
export function decisionWindow(authority: AuthorityKind, year: number): [number, number] {
  switch (authority) {
    case 'PRESIDENT':
      return [day(year + 1, 7, 1), 85];
    case 'PRIME_MINISTER':
      return [day(year + 1, 4, 1), 85];
    case 'MINISTRY_OR_PROVINCE_HEAD':
      return [day(year + 1, 2, 1), 55];
    default:
      return [day(year + 1, 1, 5), 25];
  }
}

export interface Issuer {
  org: number;
  authority: AuthorityKind;
  /** The issuer holds the power under the 2022 Law on the decision date (workflow decisions need it). */
  allowed: boolean;
}

export interface DecisionPlan {
  id: string;
  issuer: number;
  number: string;
  issuedOn: number;
  authority: AuthorityKind;
  legacy: boolean;
}

/** Everything one chunk writes, and the bookkeeping shared by its groups. */
export class ChunkWriter {
  readonly decisions = new RowBuffer(T.decision);
  readonly nominations = new RowBuffer(T.nomination);
  readonly events = new RowBuffer(T.nomination_event);
  readonly votes = new RowBuffer(T.council_vote);
  readonly initiatives = new RowBuffer(T.initiative);
  readonly authors = new RowBuffer(T.initiative_author);
  readonly grantInitiatives = new RowBuffer(T.grant_initiative);
  readonly newShared: number[] = [];
  /** Decisions of this chunk whose issuer is inside the current group (never seen by another group). */
  private readonly local = new Map<number, DecisionPlan>();
  private eventId: number;
  private issuerCache = new Map<number, Issuer>();
  private group: PlanGroup | null = null;

  constructor(
    private readonly plan: Plan,
    readonly grants: CopyWriter,
    chunk: number,
    private readonly sharedDecisions: Set<number>,
    private readonly existingNumbers: Set<string>,
  ) {
    this.eventId = EVENT_ID_BASE + chunk * 100_000_000;
  }

  startGroup(group: PlanGroup | null): void {
    this.group = group;
    this.issuerCache = new Map();
    this.local.clear();
  }

  // ── issuers and decisions ─────────────────────────────────────────────────────────────────────

  /** The unit whose head decides `type` for a recipient (a person's unit, or a collective). */
  issuerFor(type: string, recipient: number, collective: boolean, year: number): Issuer {
    const typeIndex = TYPE_INDEX.get(type)!;
    const key = ((recipient * 64 + typeIndex) * 32 + (year - 2000)) * 2 + (collective ? 1 : 0);
    const cached = this.issuerCache.get(key);
    if (cached) return cached;
    const found = this.findIssuer(type, recipient, collective, year);
    this.issuerCache.set(key, found);
    return found;
  }

  private findIssuer(type: string, recipient: number, collective: boolean, year: number): Issuer {
    const { plan } = this;
    const candidates: number[] = [];
    const mid = iso(day(year + 1, 1, 10));
    let at = collective ? parentAt(plan, recipient, mid) : recipient;
    while (at >= 0) {
      candidates.push(at);
      at = parentAt(plan, at, mid);
    }
    if (collective) candidates.push(recipient);
    for (const candidate of candidates) {
      for (const org of this.effective(candidate, year)) {
        const authority = authorityOfIssuer(plan.orgs[org]!.kind);
        const [start] = decisionWindow(authority, year);
        if (!validOn(plan.orgs[org]!, iso(start))) continue;
        if (canDecide(authority, type, iso(Math.max(start, LAW_2022))).allowed)
          return { org, authority, allowed: true };
      }
    }
    const deciding = TYPE_BY_CODE.get(type)!.decidingAuthority;
    const fallback =
      deciding === 'PRESIDENT'
        ? plan.ctn
        : deciding === 'PRIME_MINISTER'
          ? plan.cp
          : candidates[candidates.length - 1]!;
    const authority = authorityOfIssuer(plan.orgs[fallback]!.kind);
    return {
      org: fallback,
      authority,
      allowed: canDecide(authority, type, iso(Math.max(decisionWindow(authority, year)[0], LAW_2022))).allowed,
    };
  }

  /** A unit, or (when it was created later by a reform) the units it replaced. */
  private effective(org: number, year: number): number[] {
    const predecessors = this.plan.referencePredecessors.get(org);
    const unit = this.plan.orgs[org]!;
    if (!predecessors || validOn(unit, `${year + 1}-01-15`)) return [org];
    return [org, ...predecessors];
  }

  decision(issuer: Issuer, type: string, year: number, legacy: boolean): DecisionPlan {
    const { plan } = this;
    const typeIndex = TYPE_INDEX.get(type)!;
    const key = ((issuer.org * 64 + typeIndex) * 16 + (year - FIRST_YEAR)) * 2 + (legacy ? 1 : 0);
    const shared = plan.orgs[issuer.org]!.sharedIssuer || plan.orgs[issuer.org]!.group !== this.group?.index;
    const existing = shared ? null : this.local.get(key);
    if (existing) return existing;
    const org = plan.orgs[issuer.org]!;
    const [start, length] = decisionWindow(issuer.authority, year);
    // An issuer signs its decisions of a year within a few days; higher titles after the ones they rest on.
    const issuedOn = start + (hash32(issuer.org, year) % (length - 8)) + (TYPE_DELAY[type] ?? 1);
    let sequence = 1 + ((year - FIRST_YEAR) * 64 + typeIndex) * 2 + (legacy ? 1 : 0);
    let number = `${sequence}/QĐ-${org.abbr}`;
    // An officer's own decision may already carry this number: step aside (never happens on fresh data).
    while (this.existingNumbers.has(`${org.id}|${decisionNumberKey(number)}`)) {
      sequence += 5000;
      number = `${sequence}/QĐ-${org.abbr}`;
    }
    const decision: DecisionPlan = {
      id: scaleUuid(TAG.decision, key),
      issuer: issuer.org,
      number,
      issuedOn,
      authority: issuer.authority,
      legacy,
    };
    if (shared) {
      if (!this.sharedDecisions.has(key)) {
        this.sharedDecisions.add(key);
        this.newShared.push(key);
        this.writeDecision(decision);
      }
    } else {
      this.local.set(key, decision);
      this.writeDecision(decision);
    }
    return decision;
  }

  private writeDecision(decision: DecisionPlan): void {
    const org = this.plan.orgs[decision.issuer]!;
    // Legacy decisions were typed in after the system went live (from March 2024).
    const created = decision.legacy
      ? Math.max(decision.issuedOn + 20, day(2024, 3, 1) + (hash32(decision.issuer, decision.issuedOn) % 120))
      : decision.issuedOn;
    this.decisions.row(
      `${decision.id}\t${text(decision.number)}\t${iso(decision.issuedOn)}\t${org.id}\t${decision.legacy ? NULL : decision.authority}\t${decision.legacy ? 't' : 'f'}\t${stamp(created, decision.legacy ? 14 * 60 : 10 * 60)}\t${BY}\t${text(decisionNumberKey(decision.number))}`,
    );
  }

  // ── nominations ───────────────────────────────────────────────────────────────────────────────

  private event(
    nomination: string,
    from: string | null,
    to: string,
    at: string,
    organization: string,
    reason: string | null,
  ): void {
    this.eventId += 1;
    this.events.row(
      `${this.eventId}\t${nomination}\t${from ?? NULL}\t${to}\t${at}\t${BY}\t${organization}\t${text(reason)}`,
    );
  }

  /**
   * One nomination with its history. `status` is where it stands; `decision` for DECIDED. Dates run
   * backwards from the decision (or forwards from `createdOn` for the open ones).
   */
  nomination(options: {
    id: string;
    type: string;
    year: number;
    basis: string;
    personId: string | null;
    organizationId: string | null;
    recipientUnit: number;
    gender: string | null;
    proposer: number;
    blocId: string | null;
    status: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'APPROVED' | 'REJECTED' | 'DECIDED' | 'WITHDRAWN';
    decision: DecisionPlan | null;
    createdOn: number;
    eligibility: (on: number) => string;
    seed: number;
  }): void {
    const { plan } = this;
    const h = options.seed;
    const proposerCode = plan.orgs[options.proposer]!.code;
    const decided = options.status === 'DECIDED';
    const created = decided ? options.decision!.issuedOn - 42 - (h % 10) : options.createdOn;
    const submitted = created + 2 + (h % 4);
    const voted = decided ? options.decision!.issuedOn - 2 - (h % 3) : submitted + 2 + (h % 3);
    const id = options.id;
    let version = 1;
    this.event(id, null, 'DRAFT', stamp(created, 8 * 60 + (h % 240)), proposerCode, null);
    let verdictOn = created;
    if (options.status !== 'DRAFT') {
      version += 1;
      verdictOn = submitted;
      this.event(id, 'DRAFT', 'SUBMITTED', stamp(submitted, 14 * 60 + (h % 120)), proposerCode, null);
    }
    if (options.status === 'RETURNED') {
      version += 1;
      this.event(
        id,
        'SUBMITTED',
        'RETURNED',
        stamp(submitted + 1, 10 * 60),
        proposerCode,
        RETURN_REASONS[h % RETURN_REASONS.length]!,
      );
    }
    if (options.status === 'WITHDRAWN') {
      version += 1;
      this.event(
        id,
        'SUBMITTED',
        'WITHDRAWN',
        stamp(submitted + 2, 9 * 60),
        proposerCode,
        WITHDRAW_REASONS[h % WITHDRAW_REASONS.length]!,
      );
    }
    if (options.status === 'APPROVED' || options.status === 'REJECTED' || decided) {
      // recordCouncilVote: SUBMITTED → COUNCIL_REVIEW → APPROVED | REJECTED, threshold of ALL members.
      version += 1;
      verdictOn = voted;
      const votedOn = iso(voted);
      const threshold = councilThreshold(options.type, rulesetFor(votedOn)) ?? 0.5;
      const members = 5 + 2 * (h % 6);
      const required = Math.ceil(threshold * members - 1e-9);
      const pass = options.status !== 'REJECTED';
      const yes = pass ? required + (h % (members - required + 1)) : Math.max(0, required - 1 - (h % 2));
      const no = Math.min(members - yes, (h >>> 4) % 3);
      const abstain = Math.min(members - yes - no, (h >>> 6) % 2);
      const result = councilVotePasses({ membersTotal: members, yes, no, abstain }, threshold);
      this.votes.row(
        `${scaleUuid(TAG.councilVote, h, voted)}\t${id}\t${members}\t${yes}\t${no}\t${abstain}\t${threshold}\t${result.passed ? 't' : 'f'}\t${votedOn}\t${stamp(voted, 15 * 60)}\t${BY}`,
      );
      this.event(id, 'SUBMITTED', 'COUNCIL_REVIEW', stamp(voted, 15 * 60), proposerCode, null);
      this.event(
        id,
        'COUNCIL_REVIEW',
        result.passed ? 'APPROVED' : 'REJECTED',
        stamp(voted, 15 * 60 + 1),
        proposerCode,
        `Hội đồng: ${yes}/${members} đồng ý (cần ${result.required}).`,
      );
    }
    if (decided) {
      version += 1;
      const decision = options.decision!;
      this.event(
        id,
        'APPROVED',
        'DECIDED',
        stamp(decision.issuedOn, 10 * 60),
        plan.orgs[decision.issuer]!.code,
        `Quyết định số ${decision.number} ngày ${iso(decision.issuedOn)}`,
      );
    }
    this.nominations.row(
      [
        id,
        options.type,
        options.personId ?? NULL,
        options.organizationId ?? NULL,
        plan.orgs[options.recipientUnit]!.id,
        options.gender ?? NULL,
        options.year,
        options.basis,
        plan.orgs[options.proposer]!.id,
        options.blocId ?? NULL,
        NULL,
        options.status,
        text(options.eligibility(verdictOn)),
        decided ? options.decision!.id : NULL,
        version,
        stamp(created, 8 * 60 + (h % 240)),
        BY,
        stamp(created, 8 * 60 + (h % 240)),
      ].join('\t'),
    );
  }
}

/** The grant facts the eligibility rules read, as the ledger stood on a day. */
export function factsBefore(history: readonly (GrantFact & { decidedOn: number })[], dayNumber: number): GrantFact[] {
  const facts: GrantFact[] = [];
  for (const fact of history) if (fact.decidedOn < dayNumber) facts.push(fact);
  return facts;
}

/** When a grant was entered: legacy records typed in from March 2024, workflow grants on their decision day. */
export function grantCreated(decision: DecisionPlan): string {
  return decision.legacy
    ? stamp(
        Math.max(decision.issuedOn + 20, day(2024, 3, 1) + (hash32(decision.issuer, decision.issuedOn) % 120)),
        14 * 60 + 5,
      )
    : stamp(decision.issuedOn, 10 * 60);
}
