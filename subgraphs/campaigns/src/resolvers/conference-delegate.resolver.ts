import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { withheld } from '@tdkt/subgraph-kit';
import { canSeePrivateDataOf, type CampaignsContext } from '../context.js';
import { ageBand, isExemplarCategory } from '../rules/conference-composition.rule.js';
import { referenceYear } from '../services/conference.service.js';
import { ConferenceDelegate } from '../types/conference-delegate.types.js';
import { AgeBand, Gender } from '../types/conference.enums.js';
import { Conference } from '../types/conference.types.js';
import { Organization, organizationRef } from '../types/organization.stub.js';
import { Person, personRef } from '../types/person.stub.js';

/**
 * Gender, ethnicity, birth year and work of a delegate are personal data: the Central Board, or staff
 * of the host's subtree, see them; the public sees the name, category and sector of an honour list.
 * Anyone else gets null with a FORBIDDEN error on the field (kit access.ts), never a null that reads
 * as "not recorded".
 */
async function canSeeDelegateDetails(context: CampaignsContext, delegate: ConferenceDelegate): Promise<boolean> {
  if (context.caller.role === 'CENTRAL_BOARD') return true;
  if (context.caller.role !== 'VIEWER' && context.caller.role !== 'ORG_OFFICER') return false;
  const conference = await context.loaders.conferenceById.load(delegate.conferenceId);
  const host = conference ? await context.organizations.organizationById.load(conference.hostId) : null;
  return !!host && canSeePrivateDataOf(context, host);
}

async function delegateDetail<T>(
  context: CampaignsContext,
  delegate: ConferenceDelegate,
  what: string,
  value: T,
): Promise<T> {
  if (await canSeeDelegateDetails(context, delegate)) return value;
  throw await withheld(
    context,
    `${what} của đại biểu`,
    'Ban Thi đua – Khen thưởng Trung ương và cán bộ của đơn vị tổ chức hội nghị hoặc của đơn vị cấp trên',
  );
}

@Resolver(() => ConferenceDelegate)
export class ConferenceDelegateResolver {
  @FieldResolver(() => Conference, { nullable: true })
  conference(@Root() delegate: ConferenceDelegate, @Ctx() context: CampaignsContext): Promise<Conference | null> {
    return context.loaders.conferenceById.load(delegate.conferenceId);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Cá nhân, khi đã có trong hệ thống.' })
  person(@Root() delegate: ConferenceDelegate): Person | null {
    return delegate.personId ? personRef(delegate.personId) : null;
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'Tập thể mà đại biểu đại diện; null với đại biểu cá nhân.',
  })
  organization(@Root() delegate: ConferenceDelegate): Organization | null {
    return delegate.organizationId ? organizationRef(delegate.organizationId) : null;
  }

  @FieldResolver(() => Boolean, {
    description:
      'Được tính là đại biểu điển hình tiên tiến (Anh hùng, chiến sĩ thi đua, điển hình, người tốt việc tốt).',
  })
  isExemplar(@Root() delegate: ConferenceDelegate): boolean {
    return isExemplarCategory(delegate.category);
  }

  @FieldResolver(() => Conference, {
    nullable: true,
    description: 'Hội nghị, đại hội cấp trên mà đại biểu được chọn đi dự.',
  })
  selectedFor(
    @Root() delegate: ConferenceDelegate,
    @Ctx() context: CampaignsContext,
  ): Promise<Conference | null> | null {
    return delegate.selectedForId ? context.loaders.conferenceById.load(delegate.selectedForId) : null;
  }

  @FieldResolver(() => Gender, {
    nullable: true,
    description: 'Chỉ Ban TĐKT TW và cán bộ thuộc đơn vị tổ chức thấy (người khác nhận lỗi FORBIDDEN).',
  })
  async gender(@Root() delegate: ConferenceDelegate, @Ctx() context: CampaignsContext): Promise<Gender | null> {
    return delegateDetail(context, delegate, 'Giới tính', delegate.gender);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Dân tộc. Chỉ Ban TĐKT TW và cán bộ thuộc đơn vị tổ chức thấy (người khác nhận lỗi FORBIDDEN).',
  })
  async ethnicity(@Root() delegate: ConferenceDelegate, @Ctx() context: CampaignsContext): Promise<string | null> {
    return delegateDetail(context, delegate, 'Dân tộc', delegate.ethnicity);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Chỉ Ban TĐKT TW và cán bộ thuộc đơn vị tổ chức thấy (người khác nhận lỗi FORBIDDEN).',
  })
  async birthYear(@Root() delegate: ConferenceDelegate, @Ctx() context: CampaignsContext): Promise<number | null> {
    return delegateDetail(context, delegate, 'Năm sinh', delegate.birthYear);
  }

  @FieldResolver(() => AgeBand, {
    nullable: true,
    description:
      'Nhóm tuổi trong năm hội nghị. Chỉ Ban TĐKT TW và cán bộ thuộc đơn vị tổ chức thấy (người khác nhận lỗi FORBIDDEN).',
  })
  async ageBand(@Root() delegate: ConferenceDelegate, @Ctx() context: CampaignsContext): Promise<AgeBand | null> {
    await delegateDetail(context, delegate, 'Nhóm tuổi', null);
    const conference = await context.loaders.conferenceById.load(delegate.conferenceId);
    return conference ? (ageBand(delegate.birthYear, referenceYear(conference)) as AgeBand | null) : null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Người trực tiếp lao động, sản xuất, công tác. Chỉ Ban TĐKT TW và cán bộ thuộc đơn vị tổ chức thấy (người khác nhận lỗi FORBIDDEN).',
  })
  async isDirectWorker(
    @Root() delegate: ConferenceDelegate,
    @Ctx() context: CampaignsContext,
  ): Promise<boolean | null> {
    return delegateDetail(
      context,
      delegate,
      'Thông tin người trực tiếp lao động, sản xuất, công tác',
      delegate.isDirectWorker,
    );
  }
}
