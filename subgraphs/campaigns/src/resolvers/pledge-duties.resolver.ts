/**
 * Following the pledge year up: who cross-scores whom, the bloc's deadlines, what each member still
 * owes and the lead's reminders (fields of Pledge), the lead's mutations, and an officer's own to-do
 * (`myPledgeTasks`). Who may see the working data: services/pledge-access.ts.
 */
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CampaignsContext } from '../context.js';
import { requireWorkingData } from '../services/pledge-access.js';
import {
  assignmentsOf,
  crossShiftOf,
  deadlinesOfPledge,
  dutiesOf,
  myPledgeTasks,
  remindPledgeMember,
  setCrossScoreRotation,
  setPledgeDeadline,
} from '../services/pledge-duties.service.js';
import { EmulationBloc, blocRef } from '../types/emulation-bloc.stub.js';
import { Organization, organizationRef } from '../types/organization.stub.js';
import {
  CrossScoreAssignment,
  PledgeDeadline,
  PledgeDuty,
  PledgeReminder,
  PledgeTask,
  RemindPledgeMemberInput,
  SetCrossScoreRotationInput,
  SetPledgeDeadlineInput,
} from '../types/pledge-duties.types.js';
import { Pledge } from '../types/pledge.types.js';

@Resolver(() => Pledge)
export class PledgeDutiesResolver {
  @FieldResolver(() => Int, {
    description: 'Bước xoay vòng chấm chéo (1: mỗi thành viên do thành viên kế tiếp theo thứ tự của khối chấm).',
  })
  crossScoreShift(@Root() pledge: Pledge, @Ctx() context: CampaignsContext): Promise<number> {
    return crossShiftOf(context, pledge.id);
  }

  @FieldResolver(() => [CrossScoreAssignment], {
    nullable: true,
    description: 'Ai chấm chéo ai năm nay (xoay vòng theo thứ tự thành viên của khối).',
  })
  async crossScoring(@Root() pledge: Pledge, @Ctx() context: CampaignsContext): Promise<CrossScoreAssignment[]> {
    return assignmentsOf(context, pledge);
  }

  @FieldResolver(() => [PledgeDeadline], { description: 'Các hạn của khối trong năm.' })
  deadlines(@Root() pledge: Pledge, @Ctx() context: CampaignsContext): Promise<PledgeDeadline[]> {
    return deadlinesOfPledge(context, pledge);
  }

  @FieldResolver(() => [PledgeDuty], {
    nullable: true,
    description:
      'Việc các thành viên còn nợ (chưa ký, chưa báo cáo, chưa chấm), hạn sớm nhất trước. Chỉ Ban TĐKT TW và cán bộ các đơn vị thành viên xem được.',
  })
  async outstanding(@Root() pledge: Pledge, @Ctx() context: CampaignsContext): Promise<PledgeDuty[]> {
    await requireWorkingData(context, pledge, 'Việc còn thiếu của các thành viên');
    return dutiesOf(context, pledge);
  }

  @FieldResolver(() => [PledgeReminder], {
    nullable: true,
    description:
      'Các lần Khối trưởng nhắc thành viên, mới nhất trước. Chỉ Ban TĐKT TW và cán bộ các đơn vị thành viên xem được.',
  })
  async reminders(@Root() pledge: Pledge, @Ctx() context: CampaignsContext): Promise<PledgeReminder[]> {
    await requireWorkingData(context, pledge, 'Lời nhắc của Khối trưởng');
    return context.loaders.remindersByPledgeId.load(pledge.id);
  }

  @Query(() => [PledgeTask], {
    description:
      'Việc cần làm của đơn vị người đăng nhập trong năm, từ giao ước của các khối đơn vị là thành viên: ký, báo cáo, tự chấm, chấm chéo; hạn sớm nhất trước. Rỗng với Ban TĐKT TW.',
  })
  myPledgeTasks(@Ctx() context: CampaignsContext, @Arg('year', () => Int) year: number): Promise<PledgeTask[]> {
    return myPledgeTasks(context, year);
  }

  @Mutation(() => Pledge, { description: 'Khối trưởng đổi bước xoay vòng chấm chéo của năm.' })
  setCrossScoreRotation(
    @Ctx() context: CampaignsContext,
    @Arg('input', () => SetCrossScoreRotationInput) input: SetCrossScoreRotationInput,
  ): Promise<Pledge> {
    return setCrossScoreRotation(context, input);
  }

  @Mutation(() => Pledge, { description: 'Khối trưởng đặt một hạn của khối (theo quy chế hoạt động của khối).' })
  setPledgeDeadline(
    @Ctx() context: CampaignsContext,
    @Arg('input', () => SetPledgeDeadlineInput) input: SetPledgeDeadlineInput,
  ): Promise<Pledge> {
    return setPledgeDeadline(context, input);
  }

  @Mutation(() => PledgeReminder, {
    description: 'Khối trưởng nhắc một thành viên việc còn nợ; lần nhắc được ghi lại (chưa gửi thư điện tử).',
  })
  remindPledgeMember(
    @Ctx() context: CampaignsContext,
    @Arg('input', () => RemindPledgeMemberInput) input: RemindPledgeMemberInput,
  ): Promise<PledgeReminder> {
    return remindPledgeMember(context, input);
  }
}

@Resolver(() => CrossScoreAssignment)
export class CrossScoreAssignmentResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'Đơn vị chấm.' })
  scorer(@Root() entry: CrossScoreAssignment): Organization {
    return organizationRef(entry.scorerId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Đơn vị được chấm.' })
  subject(@Root() entry: CrossScoreAssignment): Organization {
    return organizationRef(entry.subjectId);
  }
}

@Resolver(() => PledgeDuty)
export class PledgeDutyResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'Đơn vị còn nợ việc này.' })
  organization(@Root() duty: PledgeDuty): Organization {
    return organizationRef(duty.organizationId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Đơn vị phải chấm chéo (với CROSS_SCORE).' })
  subject(@Root() duty: PledgeDuty): Organization | null {
    return duty.subjectId ? organizationRef(duty.subjectId) : null;
  }
}

@Resolver(() => PledgeReminder)
export class PledgeReminderResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'Đơn vị được nhắc.' })
  organization(@Root() reminder: PledgeReminder): Organization {
    return organizationRef(reminder.organizationId, reminder.organizationNames);
  }
}

@Resolver(() => PledgeTask)
export class PledgeTaskResolver {
  @FieldResolver(() => Pledge, { nullable: true })
  pledge(@Root() task: PledgeTask, @Ctx() context: CampaignsContext): Promise<Pledge | null> {
    return context.loaders.pledgeById.load(task.pledgeId);
  }

  @FieldResolver(() => EmulationBloc, { nullable: true })
  bloc(@Root() task: PledgeTask): EmulationBloc {
    return blocRef(task.blocId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Đơn vị phải chấm chéo (với CROSS_SCORE).' })
  subject(@Root() task: PledgeTask): Organization | null {
    return task.subjectId ? organizationRef(task.subjectId) : null;
  }
}
