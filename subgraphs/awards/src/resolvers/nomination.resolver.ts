/**
 * Nominations, council votes and decisions. Every step is one transaction that takes the nomination
 * row's lock, checks the state machine (rules/nomination-workflow.rule.ts), recomputes the eligibility
 * verdict and records the transition (who, when, why). A decision turns approved nominations into
 * grants at once, and only an issuer with the authority of the Law (rules/authority.rule.ts) may sign it.
 */
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import type { EntityManager } from 'typeorm';
import {
  badInput,
  cleanOptionalText,
  cleanText,
  conflict,
  forbidden,
  notFound,
  requireSignedIn,
  translateDatabaseError,
  auditedTransaction,
  scopeReachesDescendants,
  type DirectoryOrganization,
} from '@tdkt/subgraph-kit';
import { CommendationBasis, Decision, EligibilityVerdict, Grant, SubjectKind } from '../types/award.types.js';
import { Organization, Person, organizationRef, personRef } from '../types/federation.types.js';
import { isInCallerSubtree, requireActFor, type AwardsContext } from '../context.js';
import { GRANT_COLUMNS, isUuid, toGrant } from '../loaders/award.loaders.js';
import {
  authorityOfIssuer,
  canDecide,
  councilThreshold,
  councilVotePasses,
  evaluateEligibility,
  rulesetFor,
  transition,
  type EligibilityVerdict as RuleVerdict,
  type NominationAction,
  type NominationStatus as RuleStatus,
} from '../rules/index.js';

export enum NominationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  COUNCIL_REVIEW = 'COUNCIL_REVIEW',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  DECIDED = 'DECIDED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(NominationStatus, { name: 'NominationStatus' });

interface NominationRow {
  id: string;
  awardTypeCode: string;
  personId: string | null;
  organizationId: string | null;
  recipientUnitId: string;
  recipientGender: string | null;
  year: number;
  basis: CommendationBasis;
  proposedByOrganizationId: string;
  blocId: string | null;
  movementCode: string | null;
  status: NominationStatus;
  eligibility: RuleVerdict;
  decisionId: string | null;
}

@ObjectType({ description: 'Hồ sơ đề nghị khen thưởng.' })
export class Nomination implements Omit<NominationRow, 'eligibility'> {
  @Field(() => ID) id!: string;
  awardTypeCode!: string;
  personId!: string | null;
  organizationId!: string | null;
  recipientUnitId!: string;
  recipientGender!: string | null;
  @Field(() => Int) year!: number;
  @Field(() => CommendationBasis) basis!: CommendationBasis;
  proposedByOrganizationId!: string;
  blocId!: string | null;
  @Field(() => String, { nullable: true }) movementCode!: string | null;
  @Field(() => NominationStatus) status!: NominationStatus;
  verdict!: RuleVerdict;
  decisionId!: string | null;
}

@ObjectType({ description: 'Một bước của hồ sơ: ai, khi nào, vì sao.' })
export class NominationEvent {
  @Field(() => NominationStatus, { nullable: true }) fromStatus!: NominationStatus | null;
  @Field(() => NominationStatus) toStatus!: NominationStatus;
  @Field(() => Date) at!: Date;
  @Field(() => String, { nullable: true }) bySubject!: string | null;
  @Field(() => String, { nullable: true }) byOrganization!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

@ObjectType({ description: 'Kết quả bỏ phiếu của Hội đồng TĐKT.' })
export class CouncilVote {
  @Field(() => ID) id!: string;
  nominationId!: string;
  @Field(() => Int) membersTotal!: number;
  @Field(() => Int) yes!: number;
  @Field(() => Int) no!: number;
  @Field(() => Int) abstain!: number;
  @Field({ description: 'Tỷ lệ phiếu đồng ý cần đạt, trên tổng số thành viên Hội đồng.' }) threshold!: number;
  @Field() passed!: boolean;
  @Field(() => GraphQLLocalDate) votedOn!: string;
}

@InputType()
export class CreateNominationInput {
  @Field() awardTypeCode!: string;
  @Field(() => ID, { nullable: true }) personId?: string | null;
  @Field(() => String, { nullable: true }) organizationCode?: string | null;
  @Field(() => Int) year!: number;
  @Field(() => CommendationBasis, { defaultValue: CommendationBasis.MERIT }) basis!: CommendationBasis;
  @Field({ description: 'Đơn vị trình đề nghị.' }) proposedByCode!: string;
  @Field(() => String, { nullable: true, description: 'Khối/cụm thi đua (bắt buộc với Cờ thi đua của Chính phủ theo khối).' }) blocCode?: string | null;
  @Field(() => String, { nullable: true }) movementCode?: string | null;
}

@InputType()
export class RecordCouncilVoteInput {
  @Field(() => ID) nominationId!: string;
  @Field(() => Int) membersTotal!: number;
  @Field(() => Int) yes!: number;
  @Field(() => Int) no!: number;
  @Field(() => Int) abstain!: number;
  @Field(() => GraphQLLocalDate) votedOn!: string;
}

@ObjectType()
export class CouncilVoteResult {
  @Field() passed!: boolean;
  @Field({ description: 'Tỷ lệ cần đạt.' }) threshold!: number;
  @Field(() => Int, { description: 'Số phiếu đồng ý cần có.' }) required!: number;
  @Field(() => Nomination) nomination!: Nomination;
  @Field(() => CouncilVote) vote!: CouncilVote;
}

@InputType()
export class IssueDecisionInput {
  @Field() number!: string;
  @Field(() => GraphQLLocalDate) issuedOn!: string;
  @Field({ description: 'Mã cơ quan ban hành, ví dụ CP (Thủ tướng), CTN (Chủ tịch nước), BTP, HN.' }) issuerCode!: string;
  @Field(() => [ID]) nominationIds!: string[];
}

@ObjectType()
export class IssuedDecision extends Decision {
  @Field(() => [Grant]) grants!: Grant[];
}

const NOMINATION_COLUMNS = `n.id, n.award_type_code AS "awardTypeCode", n.person_id AS "personId", n.organization_id AS "organizationId",
  n.recipient_unit_id AS "recipientUnitId", n.recipient_gender AS "recipientGender", n.year, n.basis,
  n.proposed_by_organization_id AS "proposedByOrganizationId", n.bloc_id AS "blocId", n.movement_code AS "movementCode",
  n.status, n.eligibility, n.decision_id AS "decisionId"`;

const toNomination = (row: NominationRow): Nomination => Object.assign(new Nomination(), { ...row, verdict: row.eligibility });


async function lockNomination(manager: EntityManager, id: string): Promise<NominationRow> {
  const [row] = (await manager.query(`SELECT ${NOMINATION_COLUMNS} FROM nomination n WHERE n.id = $1 FOR UPDATE`, [id])) as NominationRow[];
  if (!row) throw notFound('Không tìm thấy hồ sơ đề nghị này.');
  return row;
}

async function recordEvent(manager: EntityManager, context: AwardsContext, id: string, from: string | null, to: string, reason: string | null): Promise<void> {
  await manager.query(`INSERT INTO nomination_event (nomination_id, from_status, to_status, by_subject, by_organization, reason) VALUES ($1, $2, $3, $4, $5, $6)`, [
    id,
    from,
    to,
    context.caller.subject,
    context.caller.org,
    reason,
  ]);
}

/** The verdict of the rules in force, from the ledger and the live ratings of the organizations subgraph. */
async function computeVerdict(
  context: AwardsContext,
  manager: EntityManager | null,
  subject: { personId: string | null; organizationId: string | null },
  awardTypeCode: string,
  year: number,
  basis: string,
  blocId: string | null,
): Promise<RuleVerdict> {
  const query = (sql: string, params: unknown[]) => (manager ? manager.query(sql, params) : context.db.query(sql, params));
  const grants: (Grant & { decisionDate: string | null })[] = await query(
    `SELECT ${GRANT_COLUMNS}, d.issued_on::text AS "decisionDate" FROM award_grant g JOIN decision d ON d.id = g.decision_id
      WHERE ${subject.personId ? 'g.person_id' : 'g.organization_id'} = $1 ORDER BY g.year`,
    [subject.personId ?? subject.organizationId],
  );
  let ratings: { year: number; rating: 'EXCELLENT' | 'GOOD' | 'COMPLETED' | 'NOT_COMPLETED' }[] = [];
  let initiatives: { id: string; scope: 'BASE' | 'MINISTRY_OR_PROVINCE' | 'NATIONAL'; recognizedOn: string; usedByGrantIds: string[] }[] = [];
  if (subject.personId) {
    const facts = await context.organizations.personFactsById.load(subject.personId);
    ratings = facts?.ratings ?? [];
    initiatives = (await context.loaders.initiativesByPersonId.load(subject.personId)).map((i) => ({ id: i.id, scope: i.scope, recognizedOn: i.recognizedOn, usedByGrantIds: i.usedByGrantIds }));
  }
  let blocLeadingUnit: { isLeadingUnit: boolean; isMember: boolean } | null = null;
  if (blocId && subject.organizationId) {
    const [membership, result] = await Promise.all([
      context.organizations.blocYear(blocId, year),
      context.campaigns.query<{ _entities: ({ pledge: { leadingUnit: { id: string } | null } | null } | null)[] }>(
        `query($r: [_Any!]!, $y: Int!) { _entities(representations: $r) { ... on EmulationBloc { pledge(year: $y) { leadingUnit { id } } } } }`,
        { r: [{ __typename: 'EmulationBloc', id: blocId }], y: year },
        context.internalToken,
      ),
    ]);
    blocLeadingUnit = {
      isMember: !!membership?.members.some((member) => member.organization.id === subject.organizationId),
      isLeadingUnit: result._entities[0]?.pledge?.leadingUnit?.id === subject.organizationId,
    };
  }
  return evaluateEligibility({
    awardTypeCode,
    year,
    basis: basis as never,
    subject: { kind: subject.personId ? 'PERSON' : 'COLLECTIVE' },
    history: {
      grants: grants.map((grant) => ({ id: grant.id, awardTypeCode: grant.awardTypeCode, year: grant.year, basis: grant.basis, decisionDate: grant.decisionDate, revoked: grant.revokedOn !== null })),
      ratings,
      initiatives,
      openInquiries: [],
      disciplines: [],
    },
    blocLeadingUnit,
  });
}

@Resolver(() => Nomination)
export class NominationResolver {
    @Query(() => Nomination, { nullable: true })
    async nomination(@Ctx() context: AwardsContext, @Arg('id', () => ID) id: string): Promise<Nomination | null> {
      requireSignedIn(context);
      if (!isUuid(id)) return null;
      const [row] = (await context.db.query(`SELECT ${NOMINATION_COLUMNS} FROM nomination n WHERE n.id = $1`, [id])) as NominationRow[];
      if (!row) return null;
      const proposer = await context.organizations.organizationById.load(row.proposedByOrganizationId);
      if (context.caller.role !== 'CENTRAL_BOARD' && (!proposer || !(await isInCallerSubtree(context, proposer)))) return null;
      return toNomination(row);
    }

    @FieldResolver(() => EligibilityVerdict, { description: 'Kết luận điều kiện tại bước gần nhất.' })
    async eligibility(@Root() nomination: Nomination, @Ctx() context: AwardsContext): Promise<EligibilityVerdict> {
      const verdict = nomination.verdict;
      const grants = nomination.personId ? await context.loaders.grantsByPersonId.load(nomination.personId) : await context.loaders.grantsByOrganizationYear.load(nomination.organizationId!, null);
      const byId = new Map(grants.map((grant) => [grant.id, grant]));
      return Object.assign(new EligibilityVerdict(), {
        eligible: verdict.eligible,
        ruleset: verdict.ruleset,
        reasons: verdict.reasons,
        notes: verdict.notes ?? [],
        evidence: verdict.evidence.map((fact) => byId.get(fact.id)).filter((grant): grant is Grant => !!grant),
      });
    }

    @FieldResolver(() => Person, { nullable: true })
    person(@Root() nomination: Nomination): Person | null {
      return nomination.personId ? personRef(nomination.personId) : null;
    }

    @FieldResolver(() => Organization, { nullable: true })
    organization(@Root() nomination: Nomination): Organization | null {
      return nomination.organizationId ? organizationRef(nomination.organizationId) : null;
    }

    @FieldResolver(() => Organization)
    proposedBy(@Root() nomination: Nomination): Organization {
      return organizationRef(nomination.proposedByOrganizationId);
    }

    @FieldResolver(() => [NominationEvent], { description: 'Lịch sử xử lý hồ sơ.' })
    async history(@Root() nomination: Nomination, @Ctx() context: AwardsContext): Promise<NominationEvent[]> {
      const rows = await context.loaders.eventsByNominationId.load(nomination.id);
      return rows.map(({ nominationId: _nominationId, ...row }) => Object.assign(new NominationEvent(), row));
    }

    @FieldResolver(() => [CouncilVote])
    async councilVotes(@Root() nomination: Nomination, @Ctx() context: AwardsContext): Promise<CouncilVote[]> {
      const rows = await context.loaders.councilVotesByNominationId.load(nomination.id);
      return rows.map((row) => Object.assign(new CouncilVote(), row));
    }

    @Mutation(() => Nomination, { description: 'Lập hồ sơ đề nghị khen thưởng (DRAFT); kết luận điều kiện được tính ngay.' })
    async createNomination(@Ctx() context: AwardsContext, @Arg('input', () => CreateNominationInput) input: CreateNominationInput): Promise<Nomination> {
      requireSignedIn(context);
      const code = input.awardTypeCode.trim().toUpperCase();
      const awardType = await context.loaders.awardTypeByCode.load(code);
      if (!awardType) throw notFound(`Không có hình thức khen thưởng mã ${input.awardTypeCode}.`, { field: 'input.awardTypeCode' });
      if (!Number.isInteger(input.year) || input.year < 1945 || input.year > new Date().getUTCFullYear()) throw badInput(`Năm thành tích ${input.year} không hợp lệ.`, { field: 'input.year' });
      const proposer = await context.organizations.organizationByCode.load(input.proposedByCode.trim().toUpperCase());
      if (!proposer) throw notFound(`Không tìm thấy đơn vị trình mã ${input.proposedByCode}.`, { field: 'input.proposedByCode' });
      await requireActFor(context, proposer, 'lập hồ sơ đề nghị');
      if ((input.personId ? 1 : 0) + (input.organizationCode ? 1 : 0) !== 1) throw badInput('Cần đúng một đối tượng: personId (cá nhân) hoặc organizationCode (tập thể).', { field: 'input' });
      let unit: DirectoryOrganization;
      let personId: string | null = null;
      let organizationId: string | null = null;
      let gender: string | null = null;
      if (input.personId) {
        if (!awardType.subjectKinds.includes(SubjectKind.PERSON)) throw badInput(`${awardType.name} không tặng cho cá nhân.`, { field: 'input.personId' });
        const person = isUuid(input.personId) ? await context.organizations.personFactsById.load(input.personId) : null;
        if (!person || !person.organization) throw notFound('Không tìm thấy cá nhân được đề nghị.', { field: 'input.personId' });
        unit = person.organization;
        personId = person.id;
        gender = person.gender;
      } else {
        if (!awardType.subjectKinds.includes(SubjectKind.COLLECTIVE)) throw badInput(`${awardType.name} không tặng cho tập thể.`, { field: 'input.organizationCode' });
        const organization = await context.organizations.organizationByCode.load(input.organizationCode!.trim().toUpperCase());
        if (!organization) throw notFound(`Không tìm thấy tập thể mã ${input.organizationCode}.`, { field: 'input.organizationCode' });
        unit = organization;
        organizationId = organization.id;
      }
      // A unit proposes its own people and units (Law Art 84: the managing unit proposes).
      if (unit.id !== proposer.id && !unit.ancestorIds.includes(proposer.id)) {
        throw badInput(`${proposer.name} chỉ đề nghị khen thưởng cho cá nhân, tập thể thuộc quyền quản lý.`, { field: 'input.proposedByCode' });
      }
      let blocId: string | null = null;
      if (input.blocCode) {
        const bloc = await context.organizations.blocByCode.load(input.blocCode.trim().toUpperCase());
        if (!bloc) throw notFound(`Không tìm thấy khối/cụm mã ${input.blocCode}.`, { field: 'input.blocCode' });
        blocId = bloc.id;
      }
      const movementCode = cleanOptionalText(input.movementCode, { label: 'Mã phong trào', field: 'input.movementCode', maxLength: 60 });
      const verdict = await computeVerdict(context, null, { personId, organizationId }, code, input.year, input.basis, blocId);
      try {
        const row = await auditedTransaction(context.db, context, 'createNomination', async (manager, audit) => {
          const [created] = (await manager.query(
            `INSERT INTO nomination (award_type_code, person_id, organization_id, recipient_unit_id, recipient_gender, year, basis, proposed_by_organization_id,
                                     bloc_id, movement_code, eligibility, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
            [code, personId, organizationId, unit.id, gender, input.year, input.basis, proposer.id, blocId, movementCode, JSON.stringify(verdict), context.caller.subject],
          )) as { id: string }[];
          await recordEvent(manager, context, created!.id, null, 'DRAFT', null);
          await audit.recordRow('Nomination', 'nomination', created!.id);
          return lockNomination(manager, created!.id);
        });
        return toNomination(row);
      } catch (error) {
        throw translateDatabaseError(error, { nomination_open_once: `Đã có hồ sơ đề nghị ${awardType.name} năm ${input.year} cho đối tượng này đang xử lý.` });
      }
    }

    @Mutation(() => Nomination, { description: 'Trình hồ sơ đề nghị (hoặc trình lại hồ sơ bị trả).' })
    submitNomination(@Ctx() context: AwardsContext, @Arg('id', () => ID) id: string): Promise<Nomination> {
      return this.move(context, id, 'SUBMIT', 'proposer', null);
    }

    @Mutation(() => Nomination, { description: 'Trả lại hồ sơ để bổ sung (cấp trên của đơn vị trình, hoặc Ban TĐKT TW).' })
    async returnNomination(@Ctx() context: AwardsContext, @Arg('id', () => ID) id: string, @Arg('reason') reason: string): Promise<Nomination> {
      return this.move(context, id, 'RETURN', 'reviewer', cleanText(reason, { label: 'Lý do trả lại', field: 'reason', maxLength: 2000, multiline: true }));
    }

    @Mutation(() => Nomination, { description: 'Rút hồ sơ đề nghị (đơn vị trình).' })
    async withdrawNomination(@Ctx() context: AwardsContext, @Arg('id', () => ID) id: string, @Arg('reason', () => String, { nullable: true }) reason?: string | null): Promise<Nomination> {
      return this.move(context, id, 'WITHDRAW', 'proposer', cleanOptionalText(reason, { label: 'Lý do', field: 'reason', maxLength: 2000, multiline: true }));
    }

    private async move(context: AwardsContext, id: string, action: NominationAction, actor: 'proposer' | 'reviewer', reason: string | null): Promise<Nomination> {
      requireSignedIn(context);
      if (!isUuid(id)) throw notFound('Không tìm thấy hồ sơ đề nghị này.', { field: 'id' });
      const [current] = (await context.db.query(`SELECT ${NOMINATION_COLUMNS} FROM nomination n WHERE n.id = $1`, [id])) as NominationRow[];
      if (!current) throw notFound('Không tìm thấy hồ sơ đề nghị này.', { field: 'id' });
      await requireRole(context, current, actor);
      const verdict = await computeVerdict(context, null, current, current.awardTypeCode, current.year, current.basis, current.blocId);
      const operation = { SUBMIT: 'submitNomination', RETURN: 'returnNomination', WITHDRAW: 'withdrawNomination' }[action as 'SUBMIT' | 'RETURN' | 'WITHDRAW'] ?? `nomination:${action}`;
      const row = await auditedTransaction(context.db, context, operation, async (manager, audit) => {
        const locked = await lockNomination(manager, id);
        const next = transition(locked.status as RuleStatus, action);
        if ('refused' in next) throw conflict(next.refused, { status: locked.status });
        const before = await audit.snapshot('nomination', id);
        await manager.query(`UPDATE nomination SET status = $2, eligibility = $3, version = version + 1 WHERE id = $1`, [id, next.to, JSON.stringify(verdict)]);
        await recordEvent(manager, context, id, locked.status, next.to, reason);
        await audit.recordRow('Nomination', 'nomination', id, before);
        return lockNomination(manager, id);
      });
      return toNomination(row);
    }

    @Mutation(() => CouncilVoteResult, { description: 'Ghi kết quả bỏ phiếu của Hội đồng TĐKT; đạt ngưỡng thì hồ sơ được thông qua, không đạt thì không được thông qua.' })
    async recordCouncilVote(@Ctx() context: AwardsContext, @Arg('input', () => RecordCouncilVoteInput) input: RecordCouncilVoteInput): Promise<CouncilVoteResult> {
      requireSignedIn(context);
      if (!isUuid(input.nominationId)) throw notFound('Không tìm thấy hồ sơ đề nghị này.', { field: 'input.nominationId' });
      const [current] = (await context.db.query(`SELECT ${NOMINATION_COLUMNS} FROM nomination n WHERE n.id = $1`, [input.nominationId])) as NominationRow[];
      if (!current) throw notFound('Không tìm thấy hồ sơ đề nghị này.', { field: 'input.nominationId' });
      await requireRole(context, current, 'council');
      if (input.votedOn > new Date().toISOString().slice(0, 10)) throw badInput('Ngày họp Hội đồng không thể ở tương lai.', { field: 'input.votedOn' });
      // ND 98/2023 Art 30(7) (kept by ND 152/2025): 90 % / 80 % of ALL council members; other forms: a majority.
      const threshold = councilThreshold(current.awardTypeCode, rulesetFor(input.votedOn)) ?? 0.5;
      const result = councilVotePasses({ membersTotal: input.membersTotal, yes: input.yes, no: input.no, abstain: input.abstain }, threshold);
      if (result.problems.length) throw badInput(result.problems.map((problem) => problem.message).join(' '), { field: 'input' });
      const verdict = await computeVerdict(context, null, current, current.awardTypeCode, current.year, current.basis, current.blocId);
      const { row, vote } = await auditedTransaction(context.db, context, 'recordCouncilVote', async (manager, audit) => {
        const locked = await lockNomination(manager, current.id);
        const next = transition(locked.status as RuleStatus, result.passed ? 'APPROVE' : 'REJECT');
        if ('refused' in next) throw conflict(next.refused, { status: locked.status });
        const before = await audit.snapshot('nomination', current.id);
        const [vote] = await manager.query(
          `INSERT INTO council_vote (nomination_id, members_total, yes, no, abstain, threshold, passed, voted_on, recorded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           RETURNING id, nomination_id AS "nominationId", members_total AS "membersTotal", yes, no, abstain, threshold::float8 AS threshold, passed, voted_on::text AS "votedOn"`,
          [current.id, input.membersTotal, input.yes, input.no, input.abstain, threshold, result.passed, input.votedOn, context.caller.subject],
        );
        if (locked.status === 'SUBMITTED') await recordEvent(manager, context, current.id, 'SUBMITTED', 'COUNCIL_REVIEW', null);
        await manager.query(`UPDATE nomination SET status = $2, eligibility = $3, version = version + 1 WHERE id = $1`, [current.id, next.to, JSON.stringify(verdict)]);
        await recordEvent(manager, context, current.id, 'COUNCIL_REVIEW', next.to, `Hội đồng: ${input.yes}/${input.membersTotal} đồng ý (cần ${result.required}).`);
        await audit.record({ entityType: 'Nomination', entityId: current.id, before: { nomination: before }, after: { nomination: await audit.snapshot('nomination', current.id), councilVote: vote } });
        return { row: await lockNomination(manager, current.id), vote: Object.assign(new CouncilVote(), vote) };
      });
      return Object.assign(new CouncilVoteResult(), { passed: result.passed, threshold, required: result.required, nomination: toNomination(row), vote });
    }

    @Mutation(() => IssuedDecision, { description: 'Ban hành quyết định khen thưởng: các hồ sơ đã được thông qua thành khen thưởng trong cùng một giao dịch.' })
    async issueDecision(@Ctx() context: AwardsContext, @Arg('input', () => IssueDecisionInput) input: IssueDecisionInput): Promise<IssuedDecision> {
      requireSignedIn(context);
      const number = cleanText(input.number, { label: 'Số quyết định', field: 'input.number', maxLength: 80 });
      if (input.issuedOn > new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10)) throw badInput('Ngày quyết định không thể ở tương lai.', { field: 'input.issuedOn' });
      const issuer = await context.organizations.organizationByCode.load(input.issuerCode.trim().toUpperCase());
      if (!issuer) throw notFound(`Không tìm thấy cơ quan ban hành mã ${input.issuerCode}.`, { field: 'input.issuerCode' });
      await requireActFor(context, issuer, 'ban hành quyết định');
      if (input.nominationIds.length === 0) throw badInput('Quyết định cần ít nhất một hồ sơ đã được thông qua.', { field: 'input.nominationIds' });
      if (input.nominationIds.length > 500) throw badInput('Một quyết định có tối đa 500 hồ sơ.', { field: 'input.nominationIds' });
      const authority = authorityOfIssuer(issuer.kind);
      // Contract README: decisions at Prime-Minister level (and the President's) are the Central Board's to
      // record; an officer of CP or CTN does not issue them on its own token.
      if ((authority === 'PRIME_MINISTER' || authority === 'PRESIDENT') && context.caller.role !== 'CENTRAL_BOARD') {
        throw forbidden(`Chỉ Ban Thi đua – Khen thưởng Trung ương được ghi quyết định của ${issuer.name}.`, { field: 'input.issuerCode' });
      }
      try {
        const { decision, grants } = await auditedTransaction(context.db, context, 'issueDecision', async (manager, audit) => {
          const rows: NominationRow[] = [];
          for (const [index, id] of input.nominationIds.entries()) {
            if (!isUuid(id)) throw notFound(`Không tìm thấy hồ sơ thứ ${index + 1}.`, { field: `input.nominationIds[${index}]` });
            const locked = await lockNomination(manager, id);
            if (locked.status !== 'APPROVED') throw conflict(`Hồ sơ thứ ${index + 1} chưa được Hội đồng thông qua (trạng thái ${locked.status}).`, { field: `input.nominationIds[${index}]` });
            // Law Art 77–80 (and NĐ 129/2025 Art 59): the issuer must hold the power to decide this form on that date.
            const power = canDecide(authority, locked.awardTypeCode, input.issuedOn);
            if (!power.allowed) throw forbidden(power.reason ?? `${issuer.name} không có thẩm quyền quyết định hình thức khen thưởng này.`, { field: `input.nominationIds[${index}]` });
            rows.push(locked);
          }
          // An issuer decides on nominations proposed by itself or by units under it (Law Art 77–80: each
          // level decides for its own units), never on another unit's approved file.
          if (context.caller.role !== 'CENTRAL_BOARD') {
            const proposers = await Promise.all(rows.map((row) => context.organizations.organizationById.load(row.proposedByOrganizationId)));
            const outside = proposers.findIndex((proposer) => !proposer || (proposer.id !== issuer.id && !proposer.ancestorIds.includes(issuer.id)));
            if (outside >= 0) {
              throw forbidden(`Hồ sơ thứ ${outside + 1} do ${proposers[outside]?.name ?? 'một đơn vị khác'} trình, không thuộc ${issuer.name}; ${issuer.name} không ra quyết định cho hồ sơ này.`, {
                field: `input.nominationIds[${outside}]`,
              });
            }
          }
          const [decision] = await manager.query(
            `INSERT INTO decision (number, issued_on, issuer_organization_id, authority, created_by) VALUES ($1, $2, $3, $4, $5)
             RETURNING id, number, issued_on::text AS "issuedOn", issuer_organization_id AS "issuerOrganizationId", authority, is_legacy AS "isLegacy"`,
            [number, input.issuedOn, issuer.id, authority, context.caller.subject],
          );
          const grants: Grant[] = [];
          for (const row of rows) {
            const [grant] = await manager.query(
              `INSERT INTO award_grant (award_type_code, person_id, organization_id, recipient_unit_id, recipient_gender, year, basis, decision_id, nomination_id)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
              [row.awardTypeCode, row.personId, row.organizationId, row.recipientUnitId, row.recipientGender, row.year, row.basis, decision.id, row.id],
            );
            const [full] = await manager.query(`SELECT ${GRANT_COLUMNS} FROM award_grant g WHERE g.id = $1`, [grant.id]);
            grants.push(toGrant(full));
            await manager.query(`UPDATE nomination SET status = 'DECIDED', decision_id = $2, version = version + 1 WHERE id = $1`, [row.id, decision.id]);
            await recordEvent(manager, context, row.id, 'APPROVED', 'DECIDED', `Quyết định số ${number} ngày ${input.issuedOn}`);
          }
          await audit.record({
            entityType: 'Decision',
            entityId: decision.id,
            before: { nominations: rows.map((row) => ({ id: row.id, status: row.status })) },
            after: { decision, grants: grants.map((grant) => ({ ...grant })), nominations: rows.map((row) => ({ id: row.id, status: 'DECIDED' })) },
          });
          return { decision, grants };
        });
        return Object.assign(new IssuedDecision(), { ...decision, grants });
      } catch (error) {
        throw translateDatabaseError(error, {
          decision_issuer_number_key: `${issuer.name} đã có quyết định số ${number}.`,
          award_grant_once: 'Đối tượng đã được khen hình thức này cho cùng năm thành tích (Luật TĐKT, Điều 5).',
        });
      }
    }
  }

/** proposer: acts for the proposing unit; reviewer/council: the Central Board or an officer of a unit above the proposer. */
async function requireRole(context: AwardsContext, nomination: NominationRow, actor: 'proposer' | 'reviewer' | 'council'): Promise<void> {
    const proposer = await context.organizations.organizationById.load(nomination.proposedByOrganizationId);
    if (!proposer) throw notFound('Không tìm thấy đơn vị trình hồ sơ.');
    if (actor === 'proposer') return requireActFor(context, proposer, 'xử lý hồ sơ đề nghị');
    requireSignedIn(context);
    if (context.caller.role === 'CENTRAL_BOARD') return;
    const own = context.caller.org ? await context.organizations.organizationByCode.load(context.caller.org) : null;
    // The council of the proposing unit or of a unit above it votes (each level's Hội đồng TĐKT); returning
    // a file for completion is the level above's act, never the proposer's own.
    const above = !!own && scopeReachesDescendants(context) && proposer.ancestorIds.includes(own.id);
    const itself = !!own && own.id === proposer.id;
    if (context.caller.role === 'ORG_OFFICER' && (above || (itself && actor === 'council'))) return;
    throw forbidden(
      actor === 'council'
        ? `Chỉ Hội đồng TĐKT của ${proposer.name} hoặc cấp trên (hoặc Ban TĐKT TW) được ghi kết quả bỏ phiếu.`
        : `Chỉ cấp trên của ${proposer.name} (hoặc Ban TĐKT TW) được trả lại hồ sơ; đơn vị trình có thể rút hồ sơ.`,
    );
  }

