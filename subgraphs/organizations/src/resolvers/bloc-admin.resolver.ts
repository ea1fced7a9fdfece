import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { BlocMembership, EmulationBloc } from '../types/bloc.types.js';
import { BlocLeadershipYear, CopyBlocMembershipResult } from '../types/bloc-admin.types.js';
import { CopyBlocMembershipInput, RotateBlocLeadershipInput, UpdateBlocInput } from '../types/bloc-admin.inputs.js';
import { Organization } from '../types/organization.types.js';
import type { OrganizationsContext } from '../context.js';
import { canManageBloc, copyBlocMembership, rotateBlocLeadership, updateBloc } from '../services/bloc-admin.service.js';

/** Administration of blocs: renaming, starting a year from the last, rotating the lead and deputy. */
@Resolver(() => EmulationBloc)
export class BlocAdminResolver {
  @FieldResolver(() => [BlocLeadershipYear], {
    description: 'Khối trưởng và Khối phó qua các năm, năm cũ trước (các năm có ít nhất một trong hai vai trò).',
  })
  async leadershipHistory(
    @Root() bloc: EmulationBloc,
    @Ctx() context: OrganizationsContext,
  ): Promise<BlocLeadershipYear[]> {
    const rows = await context.loaders.leadershipByBlocId.load(bloc.id);
    return rows.map((row) => Object.assign(new BlocLeadershipYear(), row));
  }

  @FieldResolver(() => Boolean, {
    description:
      'Người đang đăng nhập có được quản lý khối/cụm này không (sửa tên, lập danh sách thành viên, đổi Khối trưởng).',
  })
  viewerCanManage(@Root() bloc: EmulationBloc, @Ctx() context: OrganizationsContext): Promise<boolean> {
    return canManageBloc(context, bloc);
  }

  @Mutation(() => EmulationBloc, {
    description: 'Sửa tên hoặc loại khối/cụm; gửi expectedVersion để không ghi đè thay đổi của người khác.',
  })
  updateBloc(
    @Ctx() context: OrganizationsContext,
    @Arg('input', () => UpdateBlocInput) input: UpdateBlocInput,
  ): Promise<EmulationBloc> {
    return updateBloc(context, input);
  }

  @Mutation(() => CopyBlocMembershipResult, {
    description:
      'Lập danh sách thành viên một năm bằng cách chép từ năm trước (một giao dịch); từ chối nếu năm đó đã có thành viên, trừ khi replace.',
  })
  copyBlocMembership(
    @Ctx() context: OrganizationsContext,
    @Arg('input', () => CopyBlocMembershipInput) input: CopyBlocMembershipInput,
  ): Promise<CopyBlocMembershipResult> {
    return copyBlocMembership(context, input);
  }

  @Mutation(() => [BlocMembership], {
    description:
      'Đổi Khối trưởng (Cụm trưởng) và Khối phó (Cụm phó) trong năm; đơn vị thôi giữ vai trò vẫn là thành viên.',
  })
  rotateBlocLeadership(
    @Ctx() context: OrganizationsContext,
    @Arg('input', () => RotateBlocLeadershipInput) input: RotateBlocLeadershipInput,
  ): Promise<BlocMembership[]> {
    return rotateBlocLeadership(context, input);
  }
}

@Resolver(() => BlocLeadershipYear)
export class BlocLeadershipYearResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'Khối trưởng (Cụm trưởng).' })
  lead(@Root() row: BlocLeadershipYear, @Ctx() context: OrganizationsContext): Promise<Organization | null> | null {
    return row.leadId ? context.loaders.organizationById.load(row.leadId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Khối phó (Cụm phó).' })
  deputy(@Root() row: BlocLeadershipYear, @Ctx() context: OrganizationsContext): Promise<Organization | null> | null {
    return row.deputyId ? context.loaders.organizationById.load(row.deputyId) : null;
  }
}
