import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CampaignsContext } from '../context.js';
import { Organization, organizationRef } from '../types/organization.stub.js';
import { Pledge, PledgeSignature } from '../types/pledge.types.js';

@Resolver(() => PledgeSignature)
export class PledgeSignatureResolver {
  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() signature: PledgeSignature): Organization {
    return organizationRef(signature.organizationId, signature.organizationNames);
  }

  @FieldResolver(() => Pledge, { nullable: true })
  pledge(@Root() signature: PledgeSignature, @Ctx() context: CampaignsContext): Promise<Pledge | null> {
    return context.loaders.pledgeById.load(signature.pledgeId);
  }
}
