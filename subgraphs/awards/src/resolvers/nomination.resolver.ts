/**
 * Nominations, council votes and decisions: the nomination's fields, and the workflow's mutations
 * (services/nomination.service.ts, services/decision.service.ts do the work).
 */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  badInput,
  cleanOptionalText,
  cleanText,
  isInCallerSubtree,
  isUuid,
  notFound,
  requireSignedIn,
  scopeReachesDescendants,
  withheld,
} from '@tdkt/subgraph-kit';
import type { AwardsContext } from '../context.js';
import { issueDecision } from '../services/decision.service.js';
import { createNomination, moveNomination, recordCouncilVote } from '../services/nomination.service.js';
import { ensureTreeCurrent } from '../services/organization-tree-sync.service.js';
import { toNomination } from '../store/nomination.store.js';
import { AwardType } from '../types/award-type.types.js';
import { EmulationBloc, blocRef } from '../types/emulation-bloc.stub.js';
import { Decision, EligibilityVerdict, Grant } from '../types/grant.types.js';
import {
  CreateNominationInput,
  IssueDecisionInput,
  NominationFilter,
  RecordCouncilVoteInput,
} from '../types/nomination.inputs.js';
import {
  CouncilVote,
  CouncilVoteResult,
  IssuedDecision,
  Nomination,
  NominationConnection,
  NominationEvent,
} from '../types/nomination.types.js';
import { Organization, organizationRef } from '../types/organization.stub.js';
import { Person, personRef } from '../types/person.stub.js';

@Resolver(() => Nomination)
export class NominationResolver {
  // A dossier is the proposing unit's working paper: null when there is none, FORBIDDEN (never a
  // null that reads as "no such dossier") for a caller outside the proposer's subtree.
  @Query(() => Nomination, {
    nullable: true,
    description:
      'Một hồ sơ đề nghị theo id (cần đăng nhập); null khi không có. Chỉ Ban TĐKT TW và cán bộ của đơn vị trình hoặc đơn vị cấp trên xem được (người khác nhận lỗi FORBIDDEN).',
  })
  async nomination(@Ctx() context: AwardsContext, @Arg('id', () => ID) id: string): Promise<Nomination | null> {
    requireSignedIn(context);
    if (!isUuid(id)) return null;
    const row = await context.stores.nominations.byId(id);
    if (!row) return null;
    const proposer = await context.organizations.organizationById.load(row.proposedByOrganizationId);
    if (context.caller.role !== 'CENTRAL_BOARD' && (!proposer || !(await isInCallerSubtree(context, proposer))))
      throw await withheld(
        context,
        'Hồ sơ đề nghị khen thưởng',
        'Ban Thi đua – Khen thưởng Trung ương và cán bộ của đơn vị trình hồ sơ hoặc của đơn vị cấp trên',
      );
    return toNomination(row);
  }

  @Query(() => NominationConnection, {
    description:
      'Hồ sơ đề nghị khen thưởng, mới nhất trước: của đơn vị người xem và các đơn vị trực thuộc (Ban TĐKT TW: mọi hồ sơ), như khi xem từng hồ sơ.',
  })
  async nominations(
    @Ctx() context: AwardsContext,
    @Arg('filter', () => NominationFilter, { nullable: true }) filter?: NominationFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<NominationConnection> {
    requireSignedIn(context);
    // The same rule as `nomination(id)`: the proposing unit is the caller's own or under it.
    let proposedWithin: { id: string; descendants: boolean } | null = null;
    if (context.caller.role !== 'CENTRAL_BOARD') {
      const own = await context.callerOrganizationId();
      if (!own) return { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
      proposedWithin = { id: own, descendants: scopeReachesDescendants(context) };
    }
    let recipientWithin: { id: string; descendants: boolean } | null = null;
    if (filter?.unitCode) {
      const unit = await context.organizations.organizationByCode.load(filter.unitCode.trim().toUpperCase());
      if (!unit) throw notFound(`Không tìm thấy đơn vị mã ${filter.unitCode}.`, { field: 'filter.unitCode' });
      recipientWithin = { id: unit.id, descendants: true };
    }
    const year = filter?.year ?? null;
    if (year !== null && (!Number.isInteger(year) || year < 1945 || year > 2100))
      throw badInput('Năm thành tích phải trong khoảng 1945–2100.', { field: 'filter.year' });
    // The subtrees are read in the copy of the organization tree: bring it up to date first.
    if (proposedWithin?.descendants || recipientWithin) await ensureTreeCurrent(context);
    const page = await context.stores.nominations.page(
      {
        proposedWithin,
        recipientWithin,
        status: filter?.status ?? null,
        year,
        awardTypeCode: filter?.awardTypeCode ? filter.awardTypeCode.trim().toUpperCase() : null,
      },
      first,
      after,
    );
    return Object.assign(new NominationConnection(), {
      ...page,
      edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toNomination(edge.node) })),
    });
  }

  @FieldResolver(() => AwardType, { nullable: true, description: 'Danh hiệu, hình thức khen thưởng được đề nghị.' })
  awardType(@Root() nomination: Nomination, @Ctx() context: AwardsContext): Promise<AwardType | null> {
    return context.loaders.awardTypeByCode.load(nomination.awardTypeCode);
  }

  @FieldResolver(() => EmulationBloc, {
    nullable: true,
    description: 'Khối, cụm thi đua mà hồ sơ được đề nghị theo kết quả bình xét (nếu có).',
  })
  bloc(@Root() nomination: Nomination): EmulationBloc | null {
    return nomination.blocId ? blocRef(nomination.blocId) : null;
  }

  @FieldResolver(() => Decision, {
    nullable: true,
    description: 'Quyết định khen thưởng, khi hồ sơ đã được quyết định.',
  })
  decision(@Root() nomination: Nomination, @Ctx() context: AwardsContext): Promise<Decision | null> | null {
    return nomination.decisionId ? context.loaders.decisionById.load(nomination.decisionId) : null;
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

  @FieldResolver(() => Organization, { nullable: true })
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
