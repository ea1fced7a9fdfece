/**
 * The scope of an award statistic: an organization subtree (found by code in the copy of the tree,
 * no call to the organizations subgraph), a bloc (its members' subtrees, year by year, since membership
 * changes every year: one call for the members) or, for the statistical forms, the whole country.
 *
 * In SQL the scope is `(unit_id, year)` pairs (year null: every year) over the subtree rollup; a unit
 * inside another unit of the same pair-year is dropped so nothing is counted twice.
 */
import { badInput, notFound } from '@tdkt/subgraph-kit';
import type { AwardsContext } from '../context.js';
import type { ScopeColumns } from '../store/statistics.store.js';
import { askOrganizations, ensureTreeCurrent } from './organization-tree-sync.service.js';

export interface AwardScopeFilter {
  organizationCode?: string | null;
  blocCode?: string | null;
  yearFrom?: number | null;
  yearTo?: number | null;
}

export interface AwardScope {
  /** Bloc members (null otherwise). */
  unitIds: string[] | null;
  years: (number | null)[];
  /** The subtree's root, by code (null otherwise; both null: the whole country). */
  code: string | null;
  yearFrom: number;
  yearTo: number;
}

const MAX_BLOC_YEARS = 30;

type Members = { id: string; year: number }[];
const membersCache = new WeakMap<object, Map<string, { at: number; members: Members | null }>>();
const MEMBERS_CACHE_SIZE = 500;

/**
 * A bloc's members, year by year (one call to the organizations subgraph). Within AWARDS_TREE_CHECK_MS
 * (default 1 s) the answer of the previous call in this process is reused: a change of membership shows
 * within about a second, like a change of the tree, and repeated statistics of one bloc cost no call.
 */
async function blocMembers(context: AwardsContext, code: string, years: number[]): Promise<Members | null> {
  const key = `${code}|${years[0] ?? ''}|${years[years.length - 1] ?? ''}`;
  let cache = membersCache.get(context.db);
  if (!cache) membersCache.set(context.db, (cache = new Map()));
  const configured = Number(process.env['AWARDS_TREE_CHECK_MS']);
  const ttl = Number.isFinite(configured) && configured >= 0 ? configured : 1_000;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < ttl) {
    await ensureTreeCurrent(context);
    return hit.members;
  }
  const at = Date.now();
  type Bloc = { id: string } & Record<string, string[] | string>;
  const data = await askOrganizations<{ scope: Bloc | null }>(
    context,
    `scope: bloc(code: $code) { id ${years.map((year) => `y${year}: memberIds(year: ${year})`).join(' ')} }`,
    { code: { type: 'String!', value: code } },
  );
  const members = data.scope
    ? years.flatMap((year) => ((data.scope![`y${year}`] as string[]) ?? []).map((id) => ({ id, year })))
    : null;
  if (cache.size >= MEMBERS_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, { at, members });
  return members;
}

export async function resolveAwardScope(
  context: AwardsContext,
  filter: AwardScopeFilter,
  options: { allowNational: boolean },
): Promise<AwardScope> {
  const chosen = (filter.organizationCode ? 1 : 0) + (filter.blocCode ? 1 : 0);
  if (chosen > 1 || (chosen === 0 && !options.allowNational)) {
    throw badInput('Hãy chọn đúng một phạm vi: organizationCode (cây đơn vị) hoặc blocCode (khối/cụm).', {
      field: 'filter',
    });
  }
  const yearFrom = filter.yearFrom ?? 1945;
  const yearTo = filter.yearTo ?? 2100;
  if (!Number.isInteger(yearFrom) || !Number.isInteger(yearTo) || yearFrom < 1945 || yearTo > 2100) {
    throw badInput('Năm thống kê phải trong khoảng 1945–2100.', { field: 'filter.yearFrom' });
  }
  if (yearFrom > yearTo) throw badInput('Năm bắt đầu sau năm kết thúc.', { field: 'filter.yearFrom' });

  if (filter.blocCode) {
    const from = Math.max(yearFrom, 2000);
    const to = Math.min(yearTo, new Date().getUTCFullYear() + 1);
    if (to - from >= MAX_BLOC_YEARS)
      throw badInput(`Thống kê theo khối/cụm tối đa ${MAX_BLOC_YEARS} năm một lần.`, { field: 'filter.yearFrom' });
    const years = Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => from + index);
    const code = filter.blocCode.trim().toUpperCase();
    const members = await blocMembers(context, code, years);
    if (!members) throw notFound(`Không tìm thấy khối/cụm có mã ${filter.blocCode}.`, { field: 'filter.blocCode' });
    const unitIds = members.map((member) => member.id);
    const pairYears = members.map((member) => member.year);
    return { unitIds, years: pairYears, code: null, yearFrom, yearTo };
  }

  await ensureTreeCurrent(context);
  return {
    unitIds: null,
    years: [],
    code: filter.organizationCode ? filter.organizationCode.trim().toUpperCase() : null,
    yearFrom,
    yearTo,
  };
}

/**
 * Runs a statistic's statement; if its unit is not in the copy of the tree yet, or grants are pending
 * for units the copy does not know, brings the copy up to date and runs it again. Then a subtree that
 * is still unknown does not exist.
 */
export async function withCurrentTree<T extends ScopeColumns>(
  context: AwardsContext,
  scope: AwardScope,
  run: () => Promise<T[]>,
): Promise<T[]> {
  let rows = await run();
  const first = rows[0];
  if (first && (first.unknown_units || (scope.code && first.scope_units === 0))) {
    await ensureTreeCurrent(context, true);
    rows = await run();
  }
  if (scope.code && (rows[0]?.scope_units ?? 0) === 0)
    throw notFound(`Không tìm thấy đơn vị có mã ${scope.code}.`, { field: 'filter.organizationCode' });
  return rows;
}
