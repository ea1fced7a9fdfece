/**
 * The awards subgraph's part: the grant ledger 2016–2025 with its decisions, the initiatives behind
 * CSTĐ bộ/tỉnh and toàn quốc, and the nominations of the units that use the workflow (from achievement
 * year 2024: every grant of theirs comes from a DECIDED nomination with its history and council vote;
 * some nominations were rejected or withdrawn; the current year's are open). Earlier grants, and those
 * of the other units, are imported records (legacy decisions), as `importGrants` writes them.
 *
 * Issuers are found the way the law assigns powers (rules/authority.rule.ts, `canDecide`): from the
 * recipient upwards, the first unit whose head may decide that form on that date — the unit head for
 * Lao động tiên tiến, the district chair until 2025-06-30 and the commune chair after for communes, the
 * minister or provincial chair for Bằng khen bộ/tỉnh, the Prime Minister (CP) and the President (CTN)
 * above. Eligibility verdicts stored on nominations come from the awards subgraph's own rules
 * (`evaluateEligibility`), computed from the ledger as it stood when the council voted.
 */
import { AWARD_TYPES, authorityOfIssuer, canDecide, councilThreshold, councilVotePasses, evaluateEligibility, rulesetFor, type AuthorityKind, type GrantFact, type InitiativeFact } from '@tdkt/awards';
import { CopyWriter, RowBuffer, text, NULL } from './copy.js';
import { day, iso, stamp } from './dates.js';
import { collectiveTitles, generatePerson, GOOD, EXCELLENT, personTitles, personUnitIn, RATINGS, type Person, type TitleDraft } from './people.js';
import { parentAt, validOn, type Plan, type PlanGroup, type PlanOrg } from './plan.js';
import { pledgeOutcome } from './pledges.js';
import { AS_OF, CURRENT_YEAR, FIRST_YEAR, LAST_GRANT_YEAR, WORKFLOW_FROM_YEAR } from './presets.js';
import { hash32, isGeneratedSql, Rng, scaleUuid, TAG } from './random.js';
import type { LoadContext, StepDefinition } from './runner.js';
import { INITIATIVE_TITLES, RETURN_REASONS, WITHDRAW_REASONS } from './vietnamese.js';

const TYPE_INDEX = new Map(AWARD_TYPES.map((type, index) => [type.code, index]));
const TYPE_BY_CODE = new Map(AWARD_TYPES.map((type) => [type.code, type]));
/** Titles proposed by the unit itself (the others by the head of its group: a department, a commune …). */
const BASE_LEVEL = new Set(['LDTT', 'CHIEN_SI_TIEN_TIEN', 'CSTD_CO_SO', 'GIAY_KHEN', 'TTLD_TIEN_TIEN', 'DON_VI_TIEN_TIEN', 'THON_TDP_VAN_HOA']);
/** Days after an issuer's first decision of the year: CSTĐ cơ sở after the Lao động tiên tiến it needs. */
const TYPE_DELAY: Record<string, number> = { LDTT: 0, CHIEN_SI_TIEN_TIEN: 0, TTLD_TIEN_TIEN: 1, DON_VI_TIEN_TIEN: 1, GIAY_KHEN: 2, CSTD_CO_SO: 6, TTLD_XUAT_SAC: 4, DON_VI_QUYET_THANG: 4 };
const AS_OF_DAY = day(Number(AS_OF.slice(0, 4)), Number(AS_OF.slice(5, 7)), Number(AS_OF.slice(8, 10)));
const LAW_2022 = day(2024, 1, 1);
const BY = 'seed-scale';
const EVENT_ID_BASE = 1_000_000_000_000;


/** When each authority signs the decisions for an achievement year (first day, length in days). */
function decisionWindow(authority: AuthorityKind, year: number): [number, number] {
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

interface Issuer {
  org: number;
  authority: AuthorityKind;
  /** The issuer holds the power under the 2022 Law on the decision date (workflow decisions need it). */
  allowed: boolean;
}

interface DecisionPlan {
  id: string;
  issuer: number;
  number: string;
  issuedOn: number;
  authority: AuthorityKind;
  legacy: boolean;
}

const GRANT_COLUMNS = ['id', 'award_type_code', 'person_id', 'organization_id', 'recipient_unit_id', 'recipient_gender', 'year', 'basis', 'decision_id', 'nomination_id', 'imported', 'revoked_on', 'revoke_reason', 'created_at'];
const TABLES = {
  decision: 'awards.decision',
  grant: 'awards.award_grant',
  nomination: 'awards.nomination',
  event: 'awards.nomination_event',
  vote: 'awards.council_vote',
  initiative: 'awards.initiative',
  author: 'awards.initiative_author',
  grantInitiative: 'awards.grant_initiative',
} as const;

/** Everything one chunk writes, and the bookkeeping shared by its groups. */
class ChunkWriter {
  readonly decisions = new RowBuffer(TABLES.decision, ['id', 'number', 'issued_on', 'issuer_organization_id', 'authority', 'is_legacy', 'created_at', 'created_by']);
  readonly nominations = new RowBuffer(TABLES.nomination, ['id', 'award_type_code', 'person_id', 'organization_id', 'recipient_unit_id', 'recipient_gender', 'year', 'basis', 'proposed_by_organization_id', 'bloc_id', 'movement_code', 'status', 'eligibility', 'decision_id', 'version', 'created_at', 'created_by']);
  readonly events = new RowBuffer(TABLES.event, ['id', 'nomination_id', 'from_status', 'to_status', 'at', 'by_subject', 'by_organization', 'reason']);
  readonly votes = new RowBuffer(TABLES.vote, ['id', 'nomination_id', 'members_total', 'yes', 'no', 'abstain', 'threshold', 'passed', 'voted_on', 'recorded_at', 'recorded_by']);
  readonly initiatives = new RowBuffer(TABLES.initiative, ['id', 'title', 'scope', 'recognized_on', 'recognized_by_organization_id', 'created_at']);
  readonly authors = new RowBuffer(TABLES.author, ['initiative_id', 'person_id']);
  readonly grantInitiatives = new RowBuffer(TABLES.grantInitiative, ['grant_id', 'initiative_id']);
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
        if (canDecide(authority, type, iso(Math.max(start, LAW_2022))).allowed) return { org, authority, allowed: true };
      }
    }
    const deciding = TYPE_BY_CODE.get(type)!.decidingAuthority;
    const fallback = deciding === 'PRESIDENT' ? plan.ctn : deciding === 'PRIME_MINISTER' ? plan.cp : candidates[candidates.length - 1]!;
    const authority = authorityOfIssuer(plan.orgs[fallback]!.kind);
    return { org: fallback, authority, allowed: canDecide(authority, type, iso(Math.max(decisionWindow(authority, year)[0], LAW_2022))).allowed };
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
    while (this.existingNumbers.has(`${org.id}|${number}`)) {
      sequence += 5000;
      number = `${sequence}/QĐ-${org.abbr}`;
    }
    const decision: DecisionPlan = { id: scaleUuid(TAG.decision, key), issuer: issuer.org, number, issuedOn, authority: issuer.authority, legacy };
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
    const created = decision.legacy ? Math.max(decision.issuedOn + 20, day(2024, 3, 1) + (hash32(decision.issuer, decision.issuedOn) % 120)) : decision.issuedOn;
    this.decisions.row(`${decision.id}\t${text(decision.number)}\t${iso(decision.issuedOn)}\t${org.id}\t${decision.legacy ? NULL : decision.authority}\t${decision.legacy ? 't' : 'f'}\t${stamp(created, decision.legacy ? 14 * 60 : 10 * 60)}\t${BY}`);
  }

  // ── nominations ───────────────────────────────────────────────────────────────────────────────

  private event(nomination: string, from: string | null, to: string, at: string, organization: string, reason: string | null): void {
    this.eventId += 1;
    this.events.row(`${this.eventId}\t${nomination}\t${from ?? NULL}\t${to}\t${at}\t${BY}\t${organization}\t${text(reason)}`);
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
      this.event(id, 'SUBMITTED', 'RETURNED', stamp(submitted + 1, 10 * 60), proposerCode, RETURN_REASONS[h % RETURN_REASONS.length]!);
    }
    if (options.status === 'WITHDRAWN') {
      version += 1;
      this.event(id, 'SUBMITTED', 'WITHDRAWN', stamp(submitted + 2, 9 * 60), proposerCode, WITHDRAW_REASONS[h % WITHDRAW_REASONS.length]!);
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
      this.votes.row(`${scaleUuid(TAG.councilVote, h, voted)}\t${id}\t${members}\t${yes}\t${no}\t${abstain}\t${threshold}\t${result.passed ? 't' : 'f'}\t${votedOn}\t${stamp(voted, 15 * 60)}\t${BY}`);
      this.event(id, 'SUBMITTED', 'COUNCIL_REVIEW', stamp(voted, 15 * 60), proposerCode, null);
      this.event(id, 'COUNCIL_REVIEW', result.passed ? 'APPROVED' : 'REJECTED', stamp(voted, 15 * 60 + 1), proposerCode, `Hội đồng: ${yes}/${members} đồng ý (cần ${result.required}).`);
    }
    if (decided) {
      version += 1;
      const decision = options.decision!;
      this.event(id, 'APPROVED', 'DECIDED', stamp(decision.issuedOn, 10 * 60), plan.orgs[decision.issuer]!.code, `Quyết định số ${decision.number} ngày ${iso(decision.issuedOn)}`);
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
      ].join('\t'),
    );
  }
}

/** The grant facts the eligibility rules read, as the ledger stood on a day. */
function factsBefore(history: readonly (GrantFact & { decidedOn: number })[], dayNumber: number): GrantFact[] {
  const facts: GrantFact[] = [];
  for (const fact of history) if (fact.decidedOn < dayNumber) facts.push(fact);
  return facts;
}

export function awardsStep(context: LoadContext): StepDefinition {
  const plan = context.plan;
  const total = Math.max(1, plan.totalPersons);
  const sharedDecisions = new Set<number>();
  const existingNumbers = new Set<string>();
  const police = (org: PlanOrg) => {
    for (let at = org.index; at >= 0; at = plan.orgs[at]!.parent) if (plan.orgs[at]!.code === 'BCA') return true;
    return false;
  };
  const bkhcn = plan.byCode.get('BKHCN') ?? plan.cp;
  return {
    step: 'awards',
    subgraph: 'awards',
    tables: Object.values(TABLES),
    // The last chunk holds the emulation flags of the blocs' leading units.
    chunks: plan.chunks.length + 1,
    chunkWeight: (chunk) => (chunk < plan.chunks.length ? ((plan.chunks[chunk]!.personEnd - plan.chunks[chunk]!.personStart) / total) * 0.98 : 0.02),
    bulk: true,
    async before(client, done) {
      for (const chunk of done.values()) for (const key of (chunk.extra?.['sharedDecisions'] as number[] | undefined) ?? []) sharedDecisions.add(key);
      const { rows } = await client.query<{ key: string }>(`SELECT issuer_organization_id::text || '|' || number AS key FROM awards.decision WHERE NOT (${isGeneratedSql('id')})`);
      for (const row of rows) existingNumbers.add(row.key);
    },
    async after(client) {
      // Events carry explicit ids (deterministic); the sequence continues after them.
      await client.query(`SELECT setval(pg_get_serial_sequence('awards.nomination_event', 'id'), greatest((SELECT max(id) FROM awards.nomination_event), 1))`);
    },
    async runChunk(chunkIndex, client, progress) {
      const grants = CopyWriter.open(client, TABLES.grant, GRANT_COLUMNS);
      const writer = new ChunkWriter(plan, grants, chunkIndex, sharedDecisions, existingNumbers);
      if (chunkIndex < plan.chunks.length) {
        const chunk = plan.chunks[chunkIndex]!;
        const size = Math.max(1, chunk.personEnd - chunk.personStart);
        let reportedRows = 0;
        for (let groupIndex = chunk.groupStart; groupIndex < chunk.groupEnd; groupIndex += 1) {
          const group = plan.groups[groupIndex]!;
          writer.startGroup(group);
          await writeGroup(plan, writer, group, police, bkhcn);
          if (grants.pending) {
            progress((group.personStart + group.personCount - chunk.personStart) / size, grants.rows - reportedRows);
            reportedRows = grants.rows;
            await grants.maybeFlush();
          }
        }
      } else {
        writer.startGroup(null);
        writeBlocFlags(plan, writer);
      }
      const rows: Record<string, number> = {};
      rows[TABLES.grant] = await grants.end();
      for (const buffer of [writer.decisions, writer.nominations, writer.events, writer.votes, writer.initiatives, writer.authors, writer.grantInitiatives]) {
        rows[buffer.table] = await buffer.copy(client);
      }
      return { rows, extra: { sharedDecisions: writer.newShared } };
    },
  };
}

const REVOKE_REASON = 'Thu hồi do phát hiện kê khai thành tích không đúng sự thật (Luật Thi đua, khen thưởng 2022, Điều 94).';

/** One group: its people's titles, its units' collective titles, and the workflow's nominations. */
async function writeGroup(plan: Plan, writer: ChunkWriter, group: PlanGroup, police: (org: PlanOrg) => boolean, bkhcn: number): Promise<void> {
  const titles: TitleDraft[] = [];
  const groupRoot = group.units[0]!;
  for (const unitIndex of group.units) {
    const unit = plan.orgs[unitIndex]!;
    const isPolice = unit.armed && police(unit);
    for (let index = unit.personStart; index < unit.personStart + unit.personCount; index += 1) {
      const person = generatePerson(unit, index, group.workflow);
      titles.length = 0;
      personTitles(person, unit, isPolice, titles);
      writePersonGrants(plan, writer, group, groupRoot, person, titles, bkhcn);
    }
  }
  for (const unitIndex of group.units) writeCollective(plan, writer, group, groupRoot, unitIndex);
}

function proposerFor(plan: Plan, type: string, recipientUnit: number, currentUnit: number, groupRoot: number, year: number): number {
  if (BASE_LEVEL.has(type) || recipientUnit !== currentUnit) return recipientUnit;
  const root = plan.orgs[groupRoot]!;
  return validOn(root, `${year + 1}-01-01`) ? groupRoot : recipientUnit;
}

function writePersonGrants(plan: Plan, writer: ChunkWriter, group: PlanGroup, groupRoot: number, person: Person, titles: readonly TitleDraft[], bkhcn: number): void {
  const history: (GrantFact & { decidedOn: number })[] = [];
  const initiatives: (InitiativeFact & { usedOn: number })[] = [];
  const ratings = () => {
    const list: { year: number; rating: (typeof RATINGS)[number] }[] = [];
    person.ratings.forEach((rating, slot) => {
      if (rating >= 0) list.push({ year: FIRST_YEAR + slot, rating: RATINGS[rating]! });
    });
    return list;
  };
  let ratingList: ReturnType<typeof ratings> | null = null;
  const verdict = (type: string, year: number, basis: string) => (on: number) => {
    ratingList ??= ratings();
    return JSON.stringify(
      evaluateEligibility({
        awardTypeCode: type,
        year,
        basis: basis as never,
        subject: { kind: 'PERSON' },
        history: {
          grants: factsBefore(history, on),
          ratings: ratingList.filter((entry) => entry.year <= year),
          initiatives: initiatives.filter((initiative) => Number(initiative.recognizedOn.slice(0, 4)) <= year).map(({ usedOn, ...initiative }) => ({ ...initiative, usedByGrantIds: usedOn < on ? initiative.usedByGrantIds : [] })),
          openInquiries: [],
          disciplines: [],
        },
      }),
    );
  };
  const gender = person.female ? 'FEMALE' : 'MALE';
  // One open-or-decided nomination per award, recipient and year (nomination_open_once): a second
  // Giấy khen of the same year on another basis was recorded by import.
  const nominated = new Set<string>();
  let sequence = 0;
  for (const title of titles) {
    const recipientUnit = personUnitIn(person, title.year);
    const issuer = writer.issuerFor(title.type, recipientUnit, false, title.year);
    const once = `${title.type}|${title.year}`;
    const workflow = group.workflow && title.year >= WORKFLOW_FROM_YEAR && issuer.allowed && !nominated.has(once);
    if (workflow) nominated.add(once);
    const decision = writer.decision(issuer, title.type, title.year, !workflow);
    sequence += 1;
    const grantId = scaleUuid(TAG.grant, person.index, sequence);
    const h = hash32(person.index, sequence, 0x7a);
    let nominationId: string | null = null;
    if (title.initiative) {
      const initiativeId = scaleUuid(TAG.initiative, person.index, title.year * 2 + (title.initiative === 'NATIONAL' ? 1 : 0));
      const recognized = day(title.year, 9, 1) + (h % 90);
      const recognizer = title.initiative === 'NATIONAL' ? bkhcn : issuer.org;
      const unitName = plan.orgs[recipientUnit]!.shortName ?? plan.orgs[recipientUnit]!.name;
      const titleText = INITIATIVE_TITLES[h % INITIATIVE_TITLES.length]!.replace('{unit}', unitName).slice(0, 500);
      writer.initiatives.row(`${initiativeId}\t${text(titleText)}\t${title.initiative}\t${iso(recognized)}\t${plan.orgs[recognizer]!.id}\t${stamp(Math.max(recognized, day(2024, 3, 1)), 11 * 60)}`);
      writer.authors.row(`${initiativeId}\t${person.id}`);
      writer.grantInitiatives.row(`${grantId}\t${initiativeId}`);
      initiatives.push({ id: initiativeId, scope: title.initiative, recognizedOn: iso(recognized), usedByGrantIds: [grantId], usedOn: decision.issuedOn });
    }
    if (workflow) {
      nominationId = scaleUuid(TAG.nomination, person.index, sequence);
      writer.nomination({
        id: nominationId,
        type: title.type,
        year: title.year,
        basis: title.basis,
        personId: person.id,
        organizationId: null,
        recipientUnit,
        gender,
        proposer: proposerFor(plan, title.type, recipientUnit, person.unit, groupRoot, title.year),
        blocId: null,
        status: 'DECIDED',
        decision,
        createdOn: 0,
        eligibility: verdict(title.type, title.year, title.basis),
        seed: h,
      });
    }
    const revoked = decision.legacy && h % 20_000 === 7 && decision.issuedOn + 300 <= AS_OF_DAY;
    writer.grants.row(
      `${grantId}\t${title.type}\t${person.id}\t${NULL}\t${plan.orgs[recipientUnit]!.id}\t${gender}\t${title.year}\t${title.basis}\t${decision.id}\t${nominationId ?? NULL}\t${decision.legacy ? 't' : 'f'}\t${revoked ? iso(decision.issuedOn + 300) : NULL}\t${revoked ? text(REVOKE_REASON) : NULL}\t${grantCreated(decision)}`,
    );
    history.push({ id: grantId, awardTypeCode: title.type, year: title.year, basis: title.basis as GrantFact['basis'], decisionDate: iso(decision.issuedOn), revoked, decidedOn: decision.issuedOn });
  }

  if (!group.workflow) return;
  // Nominations that did not become grants: rejected by the council, withdrawn, and the current year's.
  const rng = new Rng(hash32(0x40e1, person.index));
  const hasTitle = (type: string, year: number) => titles.some((title) => title.type === type && title.year === year);
  let extra = 100;
  for (const year of [WORKFLOW_FROM_YEAR, LAST_GRANT_YEAR]) {
    const rating = person.ratings[year - FIRST_YEAR]!;
    if (rating < GOOD) continue;
    const unitThen = personUnitIn(person, year);
    const base = day(year + 1, 1, 5);
    if (!hasTitle('CSTD_CO_SO', year) && rng.chance(0.06)) {
      extra += 1;
      writer.nomination({ id: scaleUuid(TAG.nomination, person.index, extra), type: 'CSTD_CO_SO', year, basis: 'MERIT', personId: person.id, organizationId: null, recipientUnit: unitThen, gender, proposer: unitThen, blocId: null, status: 'REJECTED', decision: null, createdOn: base - 40 + rng.int(15), eligibility: verdict('CSTD_CO_SO', year, 'MERIT'), seed: hash32(person.index, extra) });
    }
    if (rng.chance(0.015)) {
      extra += 1;
      writer.nomination({ id: scaleUuid(TAG.nomination, person.index, extra), type: 'BANG_KHEN_BO_TINH', year, basis: 'MERIT', personId: person.id, organizationId: null, recipientUnit: unitThen, gender, proposer: proposerFor(plan, 'BANG_KHEN_BO_TINH', unitThen, person.unit, groupRoot, year), blocId: null, status: 'WITHDRAWN', decision: null, createdOn: base - 30 + rng.int(20), eligibility: verdict('BANG_KHEN_BO_TINH', year, 'MERIT'), seed: hash32(person.index, extra) });
    }
  }
  const current = person.ratings[CURRENT_YEAR - FIRST_YEAR]!;
  if (current >= GOOD) {
    const roll = rng.next();
    const status = roll < 0.4 ? 'DRAFT' : roll < 0.8 ? 'SUBMITTED' : roll < 0.88 ? 'RETURNED' : roll < 0.98 ? 'APPROVED' : 'WITHDRAWN';
    const basic = plan.orgs[person.unit]!.armed ? 'CHIEN_SI_TIEN_TIEN' : 'LDTT';
    extra += 1;
    writer.nomination({ id: scaleUuid(TAG.nomination, person.index, extra), type: basic, year: CURRENT_YEAR, basis: 'MERIT', personId: person.id, organizationId: null, recipientUnit: person.unit, gender, proposer: person.unit, blocId: null, status, decision: null, createdOn: day(CURRENT_YEAR, 11, 1) + rng.int(6), eligibility: verdict(basic, CURRENT_YEAR, 'MERIT'), seed: hash32(person.index, extra) });
    if (current === EXCELLENT && rng.chance(0.3)) {
      extra += 1;
      writer.nomination({ id: scaleUuid(TAG.nomination, person.index, extra), type: 'CSTD_CO_SO', year: CURRENT_YEAR, basis: 'MERIT', personId: person.id, organizationId: null, recipientUnit: person.unit, gender, proposer: person.unit, blocId: null, status: rng.chance(0.5) ? 'DRAFT' : 'SUBMITTED', decision: null, createdOn: day(CURRENT_YEAR, 11, 1) + rng.int(6), eligibility: verdict('CSTD_CO_SO', CURRENT_YEAR, 'MERIT'), seed: hash32(person.index, extra) });
    }
  }
}

function grantCreated(decision: DecisionPlan): string {
  return decision.legacy ? stamp(Math.max(decision.issuedOn + 20, day(2024, 3, 1) + (hash32(decision.issuer, decision.issuedOn) % 120)), 14 * 60 + 5) : stamp(decision.issuedOn, 10 * 60);
}

/** Recipient ids of collectives live in their own id range (persons use 0 … persons − 1). */
const COLLECTIVE_BASE = 0x40000000;
const BLOC_BASE = 0x50000000;

function collectiveVerdict(type: string, year: number, basis: string, history: readonly (GrantFact & { decidedOn: number })[], bloc: { isLeadingUnit: boolean; isMember: boolean } | null) {
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

function writeCollective(plan: Plan, writer: ChunkWriter, group: PlanGroup, groupRoot: number, unitIndex: number): void {
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
        const proposer = BASE_LEVEL.has(title.type) || title.type === 'TTLD_XUAT_SAC' ? (org.flavor === 'village' ? plan.orgs[unitIndex]!.parent : unitIndex) : groupRoot;
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
      writer.grants.row(`${grantId}\t${title.type}\t${NULL}\t${org.id}\t${org.id}\t${NULL}\t${year}\t${title.basis}\t${decision.id}\t${nominationId ?? NULL}\t${decision.legacy ? 't' : 'f'}\t${NULL}\t${NULL}\t${grantCreated(decision)}`);
      history.push({ id: grantId, awardTypeCode: title.type, year, basis: title.basis as GrantFact['basis'], decisionDate: iso(decision.issuedOn), revoked: false, decidedOn: decision.issuedOn });
    }
  }
  // The current year's collective nominations of units that use the workflow.
  if (group.workflow && org.personCount > 0 && org.validTo === null && rng.chance(0.4)) {
    const type = org.armed ? 'DON_VI_TIEN_TIEN' : 'TTLD_TIEN_TIEN';
    writer.nomination({ id: scaleUuid(TAG.nomination, COLLECTIVE_BASE + unitIndex, 1000), type, year: CURRENT_YEAR, basis: 'MERIT', personId: null, organizationId: org.id, recipientUnit: unitIndex, gender: null, proposer: unitIndex, blocId: null, status: rng.chance(0.5) ? 'DRAFT' : 'SUBMITTED', decision: null, createdOn: day(CURRENT_YEAR, 11, 1) + rng.int(6), eligibility: collectiveVerdict(type, CURRENT_YEAR, 'MERIT', history, null), seed: hash32(unitIndex, 1000) });
  }
}

/** Cờ thi đua (Law Arts 25, 26) for the leading unit each bloc acclaimed (campaigns' vote), up to 2025. */
function writeBlocFlags(plan: Plan, writer: ChunkWriter): void {
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
          proposer: leader.parent >= 0 && validOn(plan.orgs[leader.parent]!, `${year + 1}-01-01`) ? leader.parent : leader.index,
          blocId: bloc.id,
          status: 'DECIDED',
          decision,
          createdOn: 0,
          eligibility: collectiveVerdict(type, year, 'MERIT', [], { isLeadingUnit: true, isMember: true }),
          seed: h,
        });
      }
      writer.grants.row(`${grantId}\t${type}\t${NULL}\t${leader.id}\t${leader.id}\t${NULL}\t${year}\tMERIT\t${decision.id}\t${nominationId ?? NULL}\t${decision.legacy ? 't' : 'f'}\t${NULL}\t${NULL}\t${grantCreated(decision)}`);
    }
  }
}
