import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CampaignsContext } from '../context.js';
import { Organization, organizationRef } from '../types/organization.stub.js';
import { PledgeItem, ProgressReport } from '../types/pledge.types.js';

/** Each report's item, when the list that holds it was read with its pledge's items (see withItems). */
const ITEMS = new WeakMap<ProgressReport, PledgeItem | null>();

/** True when the selection under this field names `field` directly (a fragment: assumed to). */
export function selects(info: GraphQLResolveInfo, field: string): boolean {
  return info.fieldNodes.some((node) =>
    (node.selectionSet?.selections ?? []).some(
      (selection) => selection.kind !== 'Field' || selection.name.value === field,
    ),
  );
}

/**
 * Gives each report its item up front: the board's 160 reports then resolve `item` without a promise
 * each (a promise per report made graphql complete every report asynchronously).
 */
export function withItems(reports: ProgressReport[], items: readonly PledgeItem[]): ProgressReport[] {
  const byCode = new Map(items.map((item) => [item.code, item]));
  for (const report of reports) ITEMS.set(report, byCode.get(report.itemCode) ?? null);
  return reports;
}

@Resolver(() => ProgressReport)
export class ProgressReportResolver {
  @FieldResolver(() => PledgeItem, { nullable: true })
  item(
    @Root() report: ProgressReport,
    @Ctx() context: CampaignsContext,
  ): PledgeItem | null | Promise<PledgeItem | null> {
    const known = ITEMS.get(report);
    if (known !== undefined) return known;
    return context.loaders.itemsByPledgeId
      .load(report.pledgeId)
      .then((items) => items.find((item) => item.code === report.itemCode) ?? null);
  }

  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() report: ProgressReport): Organization {
    return organizationRef(report.organizationId, report.organizationNames);
  }
}
