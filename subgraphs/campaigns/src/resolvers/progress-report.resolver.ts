import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CampaignsContext } from '../context.js';
import { Organization, organizationRef } from '../types/organization.stub.js';
import { PledgeItem, ProgressReport } from '../types/pledge.types.js';

@Resolver(() => ProgressReport)
export class ProgressReportResolver {
  @FieldResolver(() => PledgeItem, { nullable: true })
  async item(@Root() report: ProgressReport, @Ctx() context: CampaignsContext): Promise<PledgeItem | null> {
    return (
      (await context.loaders.itemsByPledgeId.load(report.pledgeId)).find((item) => item.code === report.itemCode) ??
      null
    );
  }

  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() report: ProgressReport): Organization {
    return organizationRef(report.organizationId, report.organizationNames);
  }
}
