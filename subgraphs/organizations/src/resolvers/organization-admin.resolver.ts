import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Organization } from '../types/organization.types.js';
import { requireActFor, requireActForDescendant, type OrganizationsContext } from '../context.js';

/**
 * What the signed-in person may do with a unit, so a screen shows only the actions the role allows.
 * Each answer is the mutation's own check (the same function), never a second copy of the rule.
 */
@Resolver(() => Organization)
export class OrganizationAdminResolver {
  @FieldResolver(() => Boolean, {
    description:
      'Người đang đăng nhập có được sửa, chuyển, sáp nhập, chia tách, giải thể đơn vị này không (Ban TĐKT TW, hoặc cán bộ TĐKT của đơn vị cấp trên).',
  })
  viewerCanEdit(@Root() organization: Organization, @Ctx() context: OrganizationsContext): Promise<boolean> {
    if (context.caller.role !== 'CENTRAL_BOARD' && context.caller.role !== 'ORG_OFFICER') return Promise.resolve(false);
    return allowed(requireActForDescendant(context, organization.id, 'sửa đơn vị'));
  }

  @FieldResolver(() => Boolean, {
    description:
      'Người đang đăng nhập có được thêm đơn vị trực thuộc, cá nhân và kết quả xếp loại cho đơn vị này không.',
  })
  viewerCanActFor(@Root() organization: Organization, @Ctx() context: OrganizationsContext): Promise<boolean> {
    if (context.caller.role !== 'CENTRAL_BOARD' && context.caller.role !== 'ORG_OFFICER') return Promise.resolve(false);
    return allowed(requireActFor(context, organization, 'thao tác cho đơn vị'));
  }
}

async function allowed(check: Promise<void>): Promise<boolean> {
  try {
    await check;
    return true;
  } catch {
    return false;
  }
}
