import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { CampaignsContext } from '../context.js';
import { reviewRegistration, submitRegistration } from '../services/movement.service.js';
import { ReviewRegistrationInput } from '../types/movement.inputs.js';
import { MovementRegistration } from '../types/movement-registration.types.js';
import { Movement } from '../types/movement.types.js';
import { Organization, organizationRef } from '../types/organization.stub.js';
import { Person, personRef } from '../types/person.stub.js';

@Resolver(() => MovementRegistration)
export class MovementRegistrationResolver {
  @Mutation(() => MovementRegistration, {
    description: 'Đơn vị gửi bản đăng ký đang soạn (DRAFT → SUBMITTED) lên cấp phát động.',
  })
  submitRegistration(@Ctx() context: CampaignsContext, @Arg('id', () => ID) id: string): Promise<MovementRegistration> {
    return submitRegistration(context, id);
  }

  @Mutation(() => MovementRegistration, {
    description:
      'Cấp phát động (Ban TĐKT TW; hoặc cán bộ TĐKT của đơn vị phát động) chấp thuận hoặc trả lại bản đăng ký đã gửi; lưu người xét, thời điểm và lý do.',
  })
  reviewRegistration(
    @Ctx() context: CampaignsContext,
    @Arg('input', () => ReviewRegistrationInput) input: ReviewRegistrationInput,
  ): Promise<MovementRegistration> {
    return reviewRegistration(context, input);
  }

  @FieldResolver(() => Movement, { nullable: true })
  movement(@Root() registration: MovementRegistration, @Ctx() context: CampaignsContext): Promise<Movement | null> {
    return context.loaders.movementById.load(registration.movementId);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'Đơn vị đăng ký (với cá nhân: đơn vị đăng ký cho người đó).',
  })
  organization(@Root() registration: MovementRegistration): Organization {
    return organizationRef(registration.organizationId);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Cá nhân đăng ký; null khi tập thể đăng ký.' })
  person(@Root() registration: MovementRegistration): Person | null {
    return registration.personId ? personRef(registration.personId) : null;
  }
}
