/**
 * Keeps campaigns' copy of each organization's code, name and short name (organization_copy, migration
 * 1765500000000) current from the organizations subgraph's tree log, which records every creation,
 * rename (name or short name) and deletion of a unit.
 *
 * How stale it may be: a request that reads the copy once CAMPAIGNS_ORG_CHECK_MS (default 1,000 ms) has
 * passed since the last read of the log waits for the next read (one at a time per process; requests
 * arriving meanwhile share it), then answers; so every answer started more than that interval after a
 * rename shows it, however long the subgraph sat idle before (a read started in the background would
 * leave the first answer after a quiet spell stale, and the gateway's public cache could keep it). Under
 * load that is one request a second waiting a few milliseconds; the read's statements are counted in no
 * request's stats (they belong to the process, not to the caller). A unit the copy does not hold (created a moment ago,
 * then signed) is different: the request reads the log at once and waits for it, and a unit still
 * missing after that (a bulk load that bypassed the log) is asked of the organizations subgraph directly,
 * so a unit that exists is always named, never answered null. If the organizations subgraph cannot be
 * reached, the copy answers as it stands and the log is tried again an interval later.
 *
 * Why a copy: a board lists a bloc's signatories, reports, ranking and leading unit, each with its code
 * and name; resolving those through the organizations subgraph cost one entity fetch per list through the
 * gateway. Joined into the reads here, they cost nothing more than the reads themselves.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource } from 'typeorm';
import { ChangeLogCopy, changeLogCopies, intervalFromEnv, isUuid, log } from '@tdkt/subgraph-kit';
import { fetchNamesPage, fetchUnitsById, type OrganizationsCaller } from '../clients/organizations-names.client.js';
import { OrganizationCopyStore, type CopiedUnit } from '../store/organization-copy.store.js';
import type { OrganizationNames } from '../types/organization.stub.js';

const checkInterval = intervalFromEnv('CAMPAIGNS_ORG_CHECK_MS', 1_000);

const copyOf = changeLogCopies(
  (db: DataSource) => new ChangeLogCopy<CopiedUnit>(new OrganizationCopyStore(db), checkInterval),
);

/** Outside every request's scope (SQL counted, deadline): the read of the log belongs to none of them. */
const outsideRequests = AsyncLocalStorage.snapshot();

/** The copy as one request uses it: brought up to date on its behalf (its internal token). */
export interface OrganizationCopyAccess {
  /** Reads the log first if the interval has passed (requests meanwhile share the read). */
  refreshIfDue(): Promise<void>;
  /** Code and names of units by id; a unit that does not exist is absent. */
  namesOf(ids: readonly string[]): Promise<Map<string, OrganizationNames>>;
}

export function organizationCopyAccess(db: DataSource, caller: OrganizationsCaller): OrganizationCopyAccess {
  const copy = copyOf(db);
  const store = new OrganizationCopyStore(db);
  const read = (after: string) => fetchNamesPage(caller, after);

  const warn = (error: unknown) =>
    log.warn('organization copy not refreshed', { error: error instanceof Error ? error.message : String(error) });

  const refreshIfDue = async (): Promise<void> => {
    if (copy.due()) await outsideRequests(() => copy.ensureCurrent(read).catch(warn));
  };

  const namesOf = async (ids: readonly string[]): Promise<Map<string, OrganizationNames>> => {
    const wanted = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    const found = new Map<string, OrganizationNames>();
    const add = (rows: (CopiedUnit | (OrganizationNames & { id: string }))[]) => {
      for (const row of rows)
        if (row.code && row.name) found.set(row.id, { code: row.code, name: row.name, shortName: row.shortName });
    };
    const missing = () => wanted.filter((id) => !found.has(id));
    await refreshIfDue();
    add(await store.byIds(wanted));
    if (missing().length) {
      await copy.ensureCurrent(read, true).catch(warn);
      add(await store.byIds(missing()));
    }
    if (missing().length) add(await fetchUnitsById(caller, missing()));
    return found;
  };

  return { refreshIfDue, namesOf };
}
