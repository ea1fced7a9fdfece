import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Organization } from '../types/organization.types.js';
import { LineageEvent } from '../types/lineage-event.types.js';
import type { OrganizationsContext } from '../context.js';
import { byName, found } from './order.js';

@Resolver(() => LineageEvent)
export class LineageEventResolver {
  @FieldResolver(() => [Organization])
  predecessors(@Root() event: LineageEvent, @Ctx() context: OrganizationsContext): Promise<Organization[]> {
    return this.participants(event, context, 'PREDECESSOR');
  }

  @FieldResolver(() => [Organization])
  successors(@Root() event: LineageEvent, @Ctx() context: OrganizationsContext): Promise<Organization[]> {
    return this.participants(event, context, 'SUCCESSOR');
  }

  private async participants(
    event: LineageEvent,
    context: OrganizationsContext,
    role: 'PREDECESSOR' | 'SUCCESSOR',
  ): Promise<Organization[]> {
    const rows = await context.loaders.participantsByEventId.load(event.id);
    return found(
      await context.loaders.organizationById.loadMany(
        rows.filter((row) => row.role === role).map((row) => row.organizationId),
      ),
    ).sort(byName);
  }
}
