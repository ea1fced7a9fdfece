/**
 * Per-request loaders for the ledger's detail lists that were read one parent at a time: a grant by id
 * (the `_entities` entry point of Grant), a nomination's history and council votes, an exemplar's
 * grants. One statement per field over all parents of a request; rows in the parent's order.
 */
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { byKey, groupByKey, isUuid } from '@tdkt/subgraph-kit';
import type { Grant } from '../types/award.types.js';
import { GRANT_COLUMNS, toGrant } from './award.loaders.js';

export interface NominationEventRow {
  nominationId: string;
  fromStatus: string | null;
  toStatus: string;
  at: Date;
  bySubject: string | null;
  byOrganization: string | null;
  reason: string | null;
}

export interface CouncilVoteRow {
  id: string;
  nominationId: string;
  membersTotal: number;
  yes: number;
  no: number;
  abstain: number;
  threshold: number;
  passed: boolean;
  votedOn: string;
}

const canonical = (ids: readonly string[]) => ids.filter(isUuid).map((id) => id.toLowerCase());

export function createLedgerDetailLoaders(db: DataSource) {
  const grantById = new DataLoader<string, Grant | null>(async (ids) => {
    const rows: Grant[] = await db.query(`SELECT ${GRANT_COLUMNS} FROM award_grant g WHERE g.id = ANY($1::uuid[])`, [canonical(ids)]);
    return byKey(ids.map((id) => id.toLowerCase()), rows.map(toGrant), (row) => row.id);
  });

  const eventsByNominationId = new DataLoader<string, NominationEventRow[]>(async (ids) => {
    const rows: NominationEventRow[] = await db.query(
      `SELECT nomination_id AS "nominationId", from_status AS "fromStatus", to_status AS "toStatus", at, by_subject AS "bySubject",
              by_organization AS "byOrganization", reason
         FROM nomination_event WHERE nomination_id = ANY($1::uuid[]) ORDER BY nomination_id, id`,
      [canonical(ids)],
    );
    return groupByKey(ids.map((id) => id.toLowerCase()), rows, (row) => row.nominationId);
  });

  const councilVotesByNominationId = new DataLoader<string, CouncilVoteRow[]>(async (ids) => {
    const rows: CouncilVoteRow[] = await db.query(
      `SELECT id, nomination_id AS "nominationId", members_total AS "membersTotal", yes, no, abstain, threshold::float8 AS threshold, passed,
              voted_on::text AS "votedOn"
         FROM council_vote WHERE nomination_id = ANY($1::uuid[]) ORDER BY nomination_id, recorded_at`,
      [canonical(ids)],
    );
    return groupByKey(ids.map((id) => id.toLowerCase()), rows, (row) => row.nominationId);
  });

  const grantsByExemplarId = new DataLoader<string, Grant[]>(async (ids) => {
    const rows: (Grant & { exemplarId: string })[] = await db.query(
      `SELECT e.exemplar_id AS "exemplarId", ${GRANT_COLUMNS} FROM award_grant g JOIN exemplar_grant e ON e.grant_id = g.id
        WHERE e.exemplar_id = ANY($1::uuid[]) ORDER BY g.year`,
      [canonical(ids)],
    );
    return groupByKey(ids.map((id) => id.toLowerCase()), rows, (row) => row.exemplarId).map((group) =>
      group.map(({ exemplarId: _exemplarId, ...grant }) => toGrant(grant as Grant)),
    );
  });

  return {
    grantById: { load: (id: string) => grantById.load(id.toLowerCase()) },
    eventsByNominationId: { load: (id: string) => eventsByNominationId.load(id.toLowerCase()) },
    councilVotesByNominationId: { load: (id: string) => councilVotesByNominationId.load(id.toLowerCase()) },
    grantsByExemplarId: { load: (id: string) => grantsByExemplarId.load(id.toLowerCase()) },
  };
}
