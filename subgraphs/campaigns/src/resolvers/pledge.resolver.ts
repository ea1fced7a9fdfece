/**
 * The pledge year of a bloc (giao ước thi đua): DRAFT → OPEN → SIGNED → CLOSED (rules/pledge-workflow.rule.ts),
 * signatures, progress, staged scorecards, the closing ranking and the vote on the leading unit. Who may
 * act and see: services/pledge-access.ts.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { isUuid } from '@tdkt/subgraph-kit';
import type { CampaignsContext } from '../context.js';
import { standingVote } from '../rules/bloc-vote.rule.js';
import { requireWorkingData, visiblePledge } from '../services/pledge-access.js';
import { recordBlocVote } from '../services/bloc-vote.service.js';
import { reportPledgeProgress, submitScorecard } from '../services/pledge-progress.service.js';
import { closePledge, createPledge, openPledge, signPledge, updatePledge } from '../services/pledge.service.js';
import { EmulationBloc, blocRef } from '../types/emulation-bloc.stub.js';
import { Organization, organizationRef } from '../types/organization.stub.js';
import { selects, withItems } from './progress-report.resolver.js';
import {
  CreatePledgeInput,
  RecordBlocVoteInput,
  ReportPledgeProgressInput,
  SignPledgeInput,
  SubmitScorecardInput,
  UpdatePledgeInput,
} from '../types/pledge.inputs.js';
import {
  BlocVote,
  Pledge,
  PledgeItem,
  PledgeSignature,
  ProgressReport,
  RankingEntry,
  Scorecard,
  ScorecardStage,
} from '../types/pledge.types.js';

@Resolver(() => Pledge)
export class PledgeResolver {
  // ------------------------------------------------------------------ queries

  @Query(() => Pledge, {
    nullable: true,
    description:
      'Một giao ước theo id; null khi không có. Khi còn soạn thảo (DRAFT): chỉ Ban TĐKT TW và cán bộ các đơn vị thành viên xem được (người khác nhận lỗi FORBIDDEN).',
  })
  async pledge(@Ctx() context: CampaignsContext, @Arg('id', () => ID) id: string): Promise<Pledge | null> {
    return isUuid(id) ? visiblePledge(context, await context.loaders.pledgeById.load(id)) : null;
  }

  // ------------------------------------------------------------------ fields

  @FieldResolver(() => EmulationBloc, { nullable: true })
  bloc(@Root() pledge: Pledge): EmulationBloc {
    return blocRef(pledge.blocId);
  }

  @FieldResolver(() => [PledgeItem], { description: 'Các nội dung giao ước, theo thứ tự.' })
  items(@Root() pledge: Pledge, @Ctx() context: CampaignsContext): Promise<PledgeItem[]> {
    return context.loaders.itemsByPledgeId.load(pledge.id);
  }

  @FieldResolver(() => [PledgeSignature], { description: 'Các đơn vị đã ký, theo thời điểm ký.' })
  signatures(@Root() pledge: Pledge, @Ctx() context: CampaignsContext): Promise<PledgeSignature[]> {
    return context.loaders.signaturesByPledgeId.load(pledge.id);
  }

  // Working data: null with FORBIDDEN for anyone else (pledge-access.ts), so [] always means "none reported".
  @FieldResolver(() => [ProgressReport], {
    nullable: true,
    description:
      'Tiến độ hiện hành của từng thành viên, tiêu chí, kỳ (lần báo cáo mới nhất). Chỉ Ban TĐKT TW và cán bộ các đơn vị thành viên xem được (người khác nhận lỗi FORBIDDEN).',
  })
  async progress(
    @Root() pledge: Pledge,
    @Ctx() context: CampaignsContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('period', () => String, { nullable: true }) period?: string | null,
  ): Promise<ProgressReport[]> {
    await requireWorkingData(context, pledge, 'Tiến độ giao ước');
    // The items come from the pledge's sheet, read in the same batch as the board's own `items`.
    const [rows, items] = await Promise.all([
      context.loaders.currentProgressByPledgeId.load(pledge.id),
      selects(info, 'item') ? context.loaders.itemsByPledgeId.load(pledge.id) : undefined,
    ]);
    const current = period ? rows.filter((row) => row.period === period) : rows;
    return items ? withItems(current, items) : current;
  }

  @FieldResolver(() => [ProgressReport], {
    nullable: true,
    description:
      'Mọi lần báo cáo và đính chính tiến độ, theo thứ tự. Chỉ Ban TĐKT TW và cán bộ các đơn vị thành viên xem được (người khác nhận lỗi FORBIDDEN).',
  })
  async progressHistory(@Root() pledge: Pledge, @Ctx() context: CampaignsContext): Promise<ProgressReport[]> {
    await requireWorkingData(context, pledge, 'Lịch sử báo cáo tiến độ giao ước');
    return context.loaders.progressHistoryByPledgeId.load(pledge.id);
  }

  @FieldResolver(() => [Scorecard], {
    nullable: true,
    description:
      'Phiếu chấm điểm theo thành viên và bước. Chỉ Ban TĐKT TW và cán bộ các đơn vị thành viên xem được (người khác nhận lỗi FORBIDDEN).',
  })
  async scorecards(
    @Root() pledge: Pledge,
    @Ctx() context: CampaignsContext,
    @Arg('stage', () => ScorecardStage, { nullable: true }) stage?: ScorecardStage | null,
  ): Promise<Scorecard[]> {
    await requireWorkingData(context, pledge, 'Phiếu chấm điểm giao ước');
    const rows = await context.loaders.scorecardsByPledgeId.load(pledge.id);
    return stage ? rows.filter((row) => row.stage === stage) : rows;
  }

  @FieldResolver(() => [RankingEntry], { description: 'Bảng xếp hạng khi tổng kết (rỗng trước khi đóng giao ước).' })
  ranking(@Root() pledge: Pledge, @Ctx() context: CampaignsContext): Promise<RankingEntry[]> {
    return context.loaders.rankingByPledgeId.load(pledge.id);
  }

  @FieldResolver(() => [BlocVote], {
    description: 'Mọi lần biểu quyết suy tôn đơn vị dẫn đầu, theo ngày (kể cả lần không đạt và lần đã bị hủy).',
  })
  votes(@Root() pledge: Pledge, @Ctx() context: CampaignsContext): Promise<BlocVote[]> {
    return context.loaders.votesByPledgeId.load(pledge.id);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'Đơn vị dẫn đầu được khối suy tôn (biểu quyết đạt, chưa bị hủy).',
  })
  async leadingUnit(@Root() pledge: Pledge, @Ctx() context: CampaignsContext): Promise<Organization | null> {
    const standing = standingVote(await context.loaders.votesByPledgeId.load(pledge.id));
    return standing ? organizationRef(standing.candidateOrganizationId, standing.organizationNames) : null;
  }

  // ------------------------------------------------------------------ mutations (services/pledge*.service.ts)

  @Mutation(() => Pledge, { description: 'Khối trưởng soạn giao ước của khối trong năm (trạng thái DRAFT).' })
  createPledge(
    @Ctx() context: CampaignsContext,
    @Arg('input', () => CreatePledgeInput) input: CreatePledgeInput,
  ): Promise<Pledge> {
    return createPledge(context, input);
  }

  @Mutation(() => Pledge, {
    description: 'Khối trưởng sửa giao ước khi còn DRAFT; sửa nội dung hay thang điểm làm tăng phiên bản thang điểm.',
  })
  updatePledge(
    @Ctx() context: CampaignsContext,
    @Arg('input', () => UpdatePledgeInput) input: UpdatePledgeInput,
  ): Promise<Pledge> {
    return updatePledge(context, input);
  }

  @Mutation(() => Pledge, { description: 'Khối trưởng mở ký giao ước; các nội dung và thang điểm được chốt từ đây.' })
  openPledge(@Ctx() context: CampaignsContext, @Arg('id', () => ID) id: string): Promise<Pledge> {
    return openPledge(context, id);
  }

  @Mutation(() => PledgeSignature, { description: 'Một đơn vị thành viên ký giao ước.' })
  signPledge(
    @Ctx() context: CampaignsContext,
    @Arg('input', () => SignPledgeInput) input: SignPledgeInput,
  ): Promise<PledgeSignature> {
    return signPledge(context, input);
  }

  @Mutation(() => ProgressReport, {
    description: 'Báo cáo (hoặc đính chính) tiến độ một nội dung trong một kỳ; lần trước được giữ trong lịch sử.',
  })
  reportPledgeProgress(
    @Ctx() context: CampaignsContext,
    @Arg('input', () => ReportPledgeProgressInput) input: ReportPledgeProgressInput,
  ): Promise<ProgressReport> {
    return reportPledgeProgress(context, input);
  }

  @Mutation(() => Scorecard, {
    description: 'Nộp phiếu chấm điểm: tự chấm (đơn vị), chấm chéo (thành viên khác), thẩm định (Khối trưởng).',
  })
  submitScorecard(
    @Ctx() context: CampaignsContext,
    @Arg('input', () => SubmitScorecardInput) input: SubmitScorecardInput,
  ): Promise<Scorecard> {
    return submitScorecard(context, input);
  }

  @Mutation(() => Pledge, {
    description: 'Khối trưởng tổng kết giao ước: xếp hạng theo điểm thẩm định của mọi thành viên.',
  })
  closePledge(@Ctx() context: CampaignsContext, @Arg('id', () => ID) id: string): Promise<Pledge> {
    return closePledge(context, id);
  }

  @Mutation(() => BlocVote, {
    description: 'Ghi kết quả biểu quyết của khối suy tôn đơn vị dẫn đầu (sau khi tổng kết).',
  })
  recordBlocVote(
    @Ctx() context: CampaignsContext,
    @Arg('input', () => RecordBlocVoteInput) input: RecordBlocVoteInput,
  ): Promise<BlocVote> {
    return recordBlocVote(context, input);
  }
}
