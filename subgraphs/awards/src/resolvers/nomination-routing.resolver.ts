/**
 * Routing, deadlines and the inbox on nominations: where a file is and who holds it, the clock running
 * on it, what its holder does next, the signed-in officer's inbox, and forwarding a file one level up
 * (services/nomination-routing.service.ts; rules/nomination-routing.rule.ts, nomination-deadline.rule.ts).
 */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput, cleanOptionalText, forbidden, requireSignedIn, vietnamToday } from '@tdkt/subgraph-kit';
import {
  LEVEL_LABELS,
  actsAt,
  nextAction,
  nominationDeadline,
  type RouteStop as RuleRouteStop,
} from '../rules/index.js';
import type { AwardsContext } from '../context.js';
import { forwardNomination } from '../services/nomination-routing.service.js';
import { NominationInboxStore, type InboxHolder } from '../store/nomination-inbox.store.js';
import { toNomination } from '../store/nomination.store.js';
import { NominationInboxFilter } from '../types/nomination-routing.inputs.js';
import {
  NominationDeadline,
  NominationInbox,
  NominationNextAction,
  RouteStop,
} from '../types/nomination-routing.types.js';
import { Nomination, NominationStatus } from '../types/nomination.types.js';
import { organizationRef } from '../types/organization.stub.js';

/** The stops of a file; a row written before routing shows only the stop that holds it. */
const stopsOf = (nomination: Nomination): RuleRouteStop[] =>
  nomination.route ?? [{ level: nomination.holderLevel, organizationId: nomination.holderOrganizationId }];

const holderPosition = (nomination: Nomination): number => (nomination.route ? nomination.holderIndex : 0);

const toStop = (stop: RuleRouteStop): RouteStop =>
  Object.assign(new RouteStop(), {
    level: stop.level,
    label: LEVEL_LABELS[stop.level],
    organizationId: stop.organizationId,
    organization: stop.organizationId ? organizationRef(stop.organizationId) : null,
  });

@Resolver(() => Nomination)
export class NominationRoutingResolver {
  @FieldResolver(() => [RouteStop], {
    description: 'Đường đi của hồ sơ, từ đơn vị trình đến cấp có thẩm quyền quyết định.',
  })
  route(@Root() nomination: Nomination): RouteStop[] {
    return stopsOf(nomination).map(toStop);
  }

  @FieldResolver(() => RouteStop, { description: 'Cấp đang giữ hồ sơ.' })
  holder(@Root() nomination: Nomination): RouteStop {
    return toStop(stopsOf(nomination)[holderPosition(nomination)]!);
  }

  @FieldResolver(() => NominationDeadline, {
    nullable: true,
    description:
      'Thời hạn đang chạy: Ban TĐKT TW trả lại hồ sơ không đủ điều kiện trong 5 ngày làm việc, trình hồ sơ đủ điều kiện trong 20 ngày làm việc; hạn gửi hồ sơ Cờ thi đua của Chính phủ (30/6), CSTĐ toàn quốc (31/12 năm liền kề). Null khi không có thời hạn.',
  })
  deadline(@Root() nomination: Nomination): NominationDeadline | null {
    const deadline = nominationDeadline(
      {
        awardTypeCode: nomination.awardTypeCode,
        year: nomination.year,
        status: nomination.status,
        holderLevel: nomination.holderLevel,
        receivedOn: vietnamToday(new Date(nomination.holderSince)),
        eligible: nomination.verdict.eligible,
      },
      vietnamToday(),
    );
    return deadline ? Object.assign(new NominationDeadline(), deadline) : null;
  }

  @FieldResolver(() => NominationNextAction, {
    nullable: true,
    description: 'Việc tiếp theo của cấp đang giữ hồ sơ (null khi hồ sơ đã kết thúc).',
  })
  nextAction(@Root() nomination: Nomination): NominationNextAction | null {
    return nextAction(
      stopsOf(nomination),
      holderPosition(nomination),
      nomination.status,
      nomination.verdict.eligible,
    ) as NominationNextAction | null;
  }

  @FieldResolver(() => Boolean, {
    description:
      'Người xem thuộc cấp đang giữ hồ sơ (hoặc là Ban TĐKT TW) và hồ sơ chưa kết thúc: được xử lý hồ sơ; cấp dưới chỉ xem.',
  })
  async heldByCaller(@Root() nomination: Nomination, @Ctx() context: AwardsContext): Promise<boolean> {
    if (!['DRAFT', 'SUBMITTED', 'RETURNED', 'COUNCIL_REVIEW', 'APPROVED'].includes(nomination.status)) return false;
    const stop = stopsOf(nomination)[holderPosition(nomination)]!;
    return actsAt(stop, { role: context.caller.role, organizationId: await context.callerOrganizationId() });
  }

  @Query(() => NominationInbox, {
    description:
      'Hồ sơ đề nghị đang chờ đơn vị của người xem xử lý (Ban TĐKT TW: hàng đợi toàn quốc ở các cấp trung ương), cũ nhất trước, kèm số hồ sơ theo trạng thái.',
  })
  async nominationInbox(
    @Ctx() context: AwardsContext,
    @Arg('filter', () => NominationInboxFilter, { nullable: true }) filter?: NominationInboxFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<NominationInbox> {
    requireSignedIn(context);
    let holder: InboxHolder;
    if (context.caller.role === 'CENTRAL_BOARD') holder = { national: true };
    else if (context.caller.role === 'ORG_OFFICER') {
      const own = await context.callerOrganizationId();
      if (!own) throw forbidden('Tài khoản chưa gắn với đơn vị nào nên không có hồ sơ chờ xử lý.');
      holder = { organizationId: own };
    } else throw forbidden('Chỉ cán bộ thi đua – khen thưởng của đơn vị và Ban TĐKT TW có hộp hồ sơ chờ xử lý.');
    const year = filter?.year ?? null;
    if (year !== null && (!Number.isInteger(year) || year < 1945 || year > 2100))
      throw badInput('Năm thành tích phải trong khoảng 1945–2100.', { field: 'filter.year' });
    const { page, counts } = await new NominationInboxStore(context.db).inbox(
      holder,
      {
        status: filter?.status ?? null,
        year,
        awardTypeCode: filter?.awardTypeCode ? filter.awardTypeCode.trim().toUpperCase() : null,
      },
      first,
      after,
    );
    return Object.assign(new NominationInbox(), {
      ...page,
      edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toNomination(edge.node) })),
      countsByStatus: counts.map((row) => ({ status: row.status as NominationStatus, count: row.count })),
    });
  }

  @Mutation(() => Nomination, {
    description:
      'Chuyển hồ sơ lên cấp trên theo đường đi của hồ sơ (cấp đang giữ hồ sơ; ở cấp trung ương: Ban TĐKT TW). Sau khi chuyển, các cấp dưới chỉ xem.',
  })
  async forwardNomination(
    @Ctx() context: AwardsContext,
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true, description: 'Ghi chú (không bắt buộc).' }) note?: string | null,
  ): Promise<Nomination> {
    return forwardNomination(
      context,
      id,
      cleanOptionalText(note, { label: 'Ghi chú', field: 'note', maxLength: 2000, multiline: true }),
    );
  }
}
