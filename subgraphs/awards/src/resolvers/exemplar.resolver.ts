/** Exemplars (điển hình tiên tiến): their subject and grants; recording one, and revoking a grant. */
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { AwardsContext } from '../context.js';
import { recordExemplar } from '../services/exemplar.service.js';
import { revokeGrant } from '../services/grant.service.js';
import { RecordExemplarInput, RevokeGrantInput } from '../types/exemplar.inputs.js';
import { Exemplar } from '../types/exemplar.types.js';
import { Grant } from '../types/grant.types.js';
import { Organization, organizationRef } from '../types/organization.stub.js';
import { Person, personRef } from '../types/person.stub.js';

@Resolver(() => Exemplar)
export class ExemplarResolver {
  @FieldResolver(() => Person, { nullable: true })
  person(@Root() exemplar: Exemplar): Person | null {
    return exemplar.personId ? personRef(exemplar.personId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() exemplar: Exemplar): Organization | null {
    return exemplar.organizationId ? organizationRef(exemplar.organizationId) : null;
  }

  @FieldResolver(() => [Grant])
  grants(@Root() exemplar: Exemplar, @Ctx() context: AwardsContext): Promise<Grant[]> {
    return context.loaders.grantsByExemplarId.load(exemplar.id);
  }

  @Mutation(() => Exemplar, { description: 'Ghi nhận một điển hình tiên tiến (đơn vị quản lý hoặc Ban TĐKT TW).' })
  recordExemplar(
    @Ctx() context: AwardsContext,
    @Arg('input', () => RecordExemplarInput) input: RecordExemplarInput,
  ): Promise<Exemplar> {
    return recordExemplar(context, input);
  }

  @Mutation(() => Grant, { description: 'Thu hồi một lần khen thưởng (giữ lại trong sổ, không còn được tính).' })
  revokeGrant(
    @Ctx() context: AwardsContext,
    @Arg('input', () => RevokeGrantInput) input: RevokeGrantInput,
  ): Promise<Grant> {
    return revokeGrant(context, input);
  }
}
