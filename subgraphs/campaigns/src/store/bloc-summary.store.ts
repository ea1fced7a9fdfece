/**
 * The pledge year of a page of blocs at once, for the dashboard's overview: one statement for every
 * pledge on the page, per pledge through its own indexes (LATERAL), so the cost follows the page and
 * not the table sizes.
 */
import type { Queryable } from '@tdkt/subgraph-kit';
import type { PledgeStatus } from '../types/pledge.types.js';
import type { OrganizationNames } from '../types/organization.stub.js';
import { organizationCopyJson } from './organization-copy.store.js';

/** One bloc of the page: its pledge of the year (nulls and zeros when it has none). */
export interface BlocSummaryRow {
  bloc_id: string;
  pledge_id: string | null;
  status: PledgeStatus | null;
  signed: number;
  target_items: number;
  progress_sum: number;
  met: number;
  first_ranked: string[] | null;
  /** The first ranked units' code and names from the copy, in the order of `first_ranked` (null: not copied yet). */
  first_ranked_names: (OrganizationNames | null)[] | null;
  leading_unit: string | null;
  leading_unit_names: OrganizationNames | null;
}

export class BlocSummaryStore {
  constructor(private readonly db: Queryable) {}

  /**
   * Progress, per member and pledged item with a target (`target_value` > 0): the member's figure is its
   * latest report for the whole year ("2025"), else its latest period ("2025-Q3", "2025-H1", "2025-07";
   * figures are cumulative); an item's progress is min(figure / target, 1). `progress_sum` adds that up over the
   * members who reported, `met` counts the figures that reached their target. Only signatures and
   * reports of that year's members count (`members`: pairs of bloc id and organization id).
   */
  async summaries(
    blocIds: string[],
    year: number,
    members: { blocId: string; organizationId: string }[],
  ): Promise<BlocSummaryRow[]> {
    if (!blocIds.length) return [];
    return this.db.query(
      `WITH b(bloc_id) AS (SELECT DISTINCT unnest($1::uuid[])),
           members AS (
             SELECT m.bloc_id, array_agg(m.organization_id) AS ids FROM unnest($3::uuid[], $4::uuid[]) AS m(bloc_id, organization_id) GROUP BY m.bloc_id
           )
           SELECT b.bloc_id, p.id AS pledge_id, p.status,
                  coalesce(signed.n, 0) AS signed, coalesce(targets.n, 0) AS target_items,
                  coalesce(progress.progress_sum, 0) AS progress_sum, coalesce(progress.met, 0) AS met,
                  first_ranked.ids AS first_ranked, first_ranked.names AS first_ranked_names,
                  acclaimed.candidate_organization_id AS leading_unit, acclaimed.names AS leading_unit_names
             FROM b
             LEFT JOIN pledge p ON p.bloc_id = b.bloc_id AND p.year = $2
             LEFT JOIN members mb ON mb.bloc_id = b.bloc_id
             LEFT JOIN LATERAL (
               SELECT count(*)::int AS n FROM pledge_signature s WHERE s.pledge_id = p.id AND s.organization_id = ANY (mb.ids)
             ) signed ON true
             LEFT JOIN LATERAL (SELECT count(*)::int AS n FROM pledge_item i WHERE i.pledge_id = p.id AND i.target_value > 0) targets ON true
             LEFT JOIN LATERAL (
               SELECT sum(greatest(least(f.value / f.target, 1), 0))::float8 AS progress_sum, count(*) FILTER (WHERE f.value >= f.target)::int AS met
                 FROM (
                   -- A member's figure for an item: the whole-year report, else the one of the period ending last
                   -- (quarter, half-year or month; the one reported last among periods ending together).
                   SELECT DISTINCT ON (r.organization_id, r.item_code) r.value, i.target_value AS target
                     FROM pledge_item i JOIN progress_report r ON r.pledge_id = i.pledge_id AND r.item_code = i.code
                    WHERE i.pledge_id = p.id AND i.target_value > 0 AND r.organization_id = ANY (mb.ids)
                    ORDER BY r.organization_id, r.item_code, (r.period ~ '-'), period_end_month(r.period) DESC, r.reported_at DESC, r.revision DESC
                 ) f
             ) progress ON true
             LEFT JOIN LATERAL (
               SELECT array_agg(r.organization_id ORDER BY r.organization_id) AS ids,
                      json_agg(${organizationCopyJson('oc')} ORDER BY r.organization_id) AS names
                 FROM pledge_ranking r LEFT JOIN organization_copy oc ON oc.id = r.organization_id WHERE r.pledge_id = p.id AND r.rank = 1
             ) first_ranked ON true
             LEFT JOIN LATERAL (
               SELECT v.candidate_organization_id, ${organizationCopyJson('oc')} AS names
                 FROM bloc_vote v LEFT JOIN organization_copy oc ON oc.id = v.candidate_organization_id
                WHERE v.pledge_id = p.id AND v.passed AND v.annulled_at IS NULL ORDER BY v.voted_on DESC, v.recorded_at DESC LIMIT 1
             ) acclaimed ON true`,
      [blocIds, year, members.map((member) => member.blocId), members.map((member) => member.organizationId)],
    );
  }
}
