/**
 * Which year a page opens on, when the address does not say: one rule for every page, so that the
 * overview, a bloc's board and a unit's page agree.
 *
 * The rule: the newest year that has a pledge (giao ước) anywhere on the platform, not after the
 * current year in Vietnam time; failing a pledge, the newest year with a bloc's member list; failing
 * that, the current year in Vietnam time. Pledges are the yearly unit of emulation work (signed at the
 * year's opening conference, reviewed at its end), so the newest year with one is the year officers
 * are working on, and the one with data to show. The year turns at
 * midnight in Việt Nam (Asia/Ho_Chi_Minh), not at midnight UTC or in the browser's own zone.
 */
import { query } from './api';
import { DASHBOARD_YEARS, allPages } from './queries';

const VIETNAM = 'Asia/Ho_Chi_Minh';

const calendarDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: VIETNAM,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Việt Nam, "YYYY-MM-DD" (what a date input defaults to). */
export function vietnamToday(now: Date = new Date()): string {
  const parts = Object.fromEntries(calendarDate.formatToParts(now).map((part) => [part.type, part.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

/** The current year in Việt Nam. */
export function vietnamYear(now: Date = new Date()): number {
  return Number(vietnamToday(now).slice(0, 4));
}

/** The newest of the years given that is not after this year in Việt Nam; null when there is none. */
export function newestPastYear(years: readonly number[], now: Date = new Date()): number | null {
  const thisYear = vietnamYear(now);
  const past = years.filter((year) => Number.isInteger(year) && year <= thisYear);
  return past.length ? Math.max(...past) : null;
}

export interface Years {
  /** The year pages open on (the rule above). */
  year: number;
  /** Every year with a member list or a pledge, for the year pickers. */
  years: number[];
}

let cached: Promise<Years> | undefined;

/** The default year of every page, read once per visit. */
export function defaultYear(): Promise<Years> {
  cached ??= allPages(async (after) => {
    const { data, errors } = await query<{
      blocs: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { years: number[]; pledges: { year: number }[] | null } }[];
      };
    }>(DASHBOARD_YEARS, { after });
    return {
      nodes: data.blocs.edges.map((edge) => edge.node),
      hasNextPage: data.blocs.pageInfo.hasNextPage,
      endCursor: data.blocs.pageInfo.endCursor,
      errors,
    };
  })
    .then(({ nodes }) => {
      const memberYears = [...new Set(nodes.flatMap((node) => node.years))];
      const pledgeYears = nodes.flatMap((node) => node.pledges?.map((pledge) => pledge.year) ?? []);
      const year = newestPastYear(pledgeYears) ?? newestPastYear(memberYears) ?? vietnamYear();
      return { year, years: [...new Set([...memberYears, ...pledgeYears])] };
    })
    .catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
  return cached;
}

/** The year a page shows: the one in the address (?nam=), else the default. */
export async function pageYear(requested: string | null): Promise<Years> {
  const asked = Number(requested);
  const years = await defaultYear();
  return Number.isInteger(asked) && asked > 1900 && requested !== null && requested !== ''
    ? { year: asked, years: years.years }
    : years;
}
