import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { CampaignsContext } from '../context.js';
import { annulBlocVote } from '../services/bloc-vote.service.js';
import { Organization, organizationRef } from '../types/organization.stub.js';
import { AnnulBlocVoteInput } from '../types/pledge.inputs.js';
import { BlocVote } from '../types/pledge.types.js';

@Resolver(() => BlocVote)
export class BlocVoteResolver {
  @FieldResolver(() => Organization, { nullable: true })
  candidate(@Root() vote: BlocVote): Organization {
    return organizationRef(vote.candidateOrganizationId, vote.organizationNames);
  }

  @Mutation(() => BlocVote, {
    description:
      'Ban TĐKT Trung ương hủy kết quả biểu quyết suy tôn đã đạt (bắt buộc nêu lý do); giao ước không còn đơn vị dẫn đầu cho tới khi khối biểu quyết lại.',
  })
  annulBlocVote(
    @Ctx() context: CampaignsContext,
    @Arg('input', () => AnnulBlocVoteInput) input: AnnulBlocVoteInput,
  ): Promise<BlocVote> {
    return annulBlocVote(context, input);
  }
}
