/**
 * Nominations, council votes and decisions: the nomination's fields, and the workflow's mutations
 * (services/nomination.service.ts, services/decision.service.ts do the work).
 */
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { cleanOptionalText, cleanText, isInCallerSubtree, isUuid, requireSignedIn } from '@tdkt/subgraph-kit';
import type { AwardsContext } from '../context.js';
import { issueDecision } from '../services/decision.service.js';
import { createNomination, moveNomination, recordCouncilVote } from '../services/nomination.service.js';
import { toNomination } from '../store/nomination.store.js';
import { EligibilityVerdict, Grant } from '../types/grant.types.js';
import { CreateNominationInput, IssueDecisionInput, RecordCouncilVoteInput } from '../types/nomination.inputs.js';
import {
  CouncilVote,
  CouncilVoteResult,
  IssuedDecision,
  Nomination,
  NominationEvent,
} from '../types/nomination.types.js';
import { Organization, organizationRef } from '../types/organization.stub.js';
import { Person, personRef } from '../types/person.stub.js';

@Resolver(() => Nomination)
export class NominationResolver {
  @Query(() => Nomination, { nullable: true })
  async nomination(@Ctx() context: AwardsContext, @Arg('id', () => ID) id: string): Promise<Nomination | null> {
    requireSignedIn(context);
    if (!isUuid(id)) return null;
    const row = await context.stores.nominations.byId(id);
    if (!row) return null;
    const proposer = await context.organizations.organizationById.load(row.proposedByOrganizationId);
    if (context.caller.role !== 'CENTRAL_BOARD' && (!proposer || !(await isInCallerSubtree(context, proposer))))
      return null;
    return toNomination(row);
  }

  @FieldResolver(() => EligibilityVerdict, { description: 'Kết luận điều kiện tại bước gần nhất.' })
  async eligibility(@Root() nomination: Nomination, @Ctx() context: AwardsContext): Promise<EligibilityVerdict> {
    const verdict = nomination.verdict;
    const grants = nomination.personId
      ? await context.loaders.grantsByPersonId.load(nomination.personId)
      : await context.loaders.grantsByOrganizationYear.load(nomination.organizationId!, null);
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
  history(@Root() nomination: Nomination, @Ctx() context: AwardsContext): Promise<NominationEvent[]> {
    return context.loaders.eventsByNominationId.load(nomination.id);
  }

  @FieldResolver(() => [CouncilVote])
  councilVotes(@Root() nomination: Nomination, @Ctx() context: AwardsContext): Promise<CouncilVote[]> {
    return context.loaders.councilVotesByNominationId.load(nomination.id);
  }

  @Mutation(() => Nomination, {
    description: 'Lập hồ sơ đề nghị khen thưởng (DRAFT); kết luận điều kiện được tính ngay.',
  })
  createNomination(
    @Ctx() context: AwardsContext,
    @Arg('input', () => CreateNominationInput) input: CreateNominationInput,
  ): Promise<Nomination> {
    return createNomination(context, input);
  }

  @Mutation(() => Nomination, { description: 'Trình hồ sơ đề nghị (hoặc trình lại hồ sơ bị trả).' })
  submitNomination(@Ctx() context: AwardsContext, @Arg('id', () => ID) id: string): Promise<Nomination> {
    return moveNomination(context, id, 'SUBMIT', null);
  }

  @Mutation(() => Nomination, {
    description: 'Trả lại hồ sơ để bổ sung (cấp trên của đơn vị trình, hoặc Ban TĐKT TW).',
  })
  async returnNomination(
    @Ctx() context: AwardsContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
  ): Promise<Nomination> {
    return moveNomination(
      context,
      id,
      'RETURN',
      cleanText(reason, { label: 'Lý do trả lại', field: 'reason', maxLength: 2000, multiline: true }),
    );
  }

  @Mutation(() => Nomination, { description: 'Rút hồ sơ đề nghị (đơn vị trình).' })
  async withdrawNomination(
    @Ctx() context: AwardsContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason?: string | null,
  ): Promise<Nomination> {
    return moveNomination(
      context,
      id,
      'WITHDRAW',
      cleanOptionalText(reason, { label: 'Lý do', field: 'reason', maxLength: 2000, multiline: true }),
    );
  }

  @Mutation(() => CouncilVoteResult, {
    description:
      'Ghi kết quả bỏ phiếu của Hội đồng TĐKT; đạt ngưỡng thì hồ sơ được thông qua, không đạt thì không được thông qua.',
  })
  recordCouncilVote(
    @Ctx() context: AwardsContext,
    @Arg('input', () => RecordCouncilVoteInput) input: RecordCouncilVoteInput,
  ): Promise<CouncilVoteResult> {
    return recordCouncilVote(context, input);
  }

  @Mutation(() => IssuedDecision, {
    description:
      'Ban hành quyết định khen thưởng: các hồ sơ đã được thông qua thành khen thưởng trong cùng một giao dịch.',
  })
  issueDecision(
    @Ctx() context: AwardsContext,
    @Arg('input', () => IssueDecisionInput) input: IssueDecisionInput,
  ): Promise<IssuedDecision> {
    return issueDecision(context, input);
  }
}
