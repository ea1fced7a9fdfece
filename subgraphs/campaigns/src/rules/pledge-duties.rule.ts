/**
 * What each member of a bloc still owes the pledge year, and who cross-scores whom.
 *
 * - Cross-scoring (chấm chéo, kiểm tra chéo among members, as blocs do it under HD 2746/HD-BTĐKT): a
 *   rotation over the bloc's members of that year, in the order the bloc lists them (lead, deputies,
 *   then the members by name). With a shift s, the member at position i is cross-scored by the member at
 *   i + s (mod n): every member is scored exactly once and scores exactly one other, and nobody scores
 *   itself, whatever s in 1 … n − 1. The lead changes s when a pair should not score each other this
 *   year (the same pair as last year, a unit under another's direction).
 * - Deadlines: each bloc sets its own in its Quy chế hoạt động (in practice: pledge signed at the Q1
 *   conference; the six-month review, sơ kết 6 tháng, in July–August; year-end scoring in December;
 *   submission to the organizer's council by 10/12 at province level). The defaults below follow that
 *   rhythm; the lead sets the bloc's own dates.
 * - Reports owed: the half-year (the six-month review) and the whole year, every item of the pledge.
 */

export type DeadlineKind = 'SIGN' | 'REPORT_H1' | 'REPORT_YEAR' | 'SELF_SCORE' | 'CROSS_SCORE' | 'VERIFY';

export const DEADLINE_KINDS: readonly DeadlineKind[] = [
  'SIGN',
  'REPORT_H1',
  'REPORT_YEAR',
  'SELF_SCORE',
  'CROSS_SCORE',
  'VERIFY',
];

/** Month and day of each default deadline in the pledge's year (the usual rhythm of the bloc year; the bloc's Quy chế may differ). */
const DEFAULT_DAYS: Record<DeadlineKind, string> = {
  SIGN: '03-31', // signed at the Q1 launch conference
  REPORT_H1: '07-15', // before the six-month review of July–August
  REPORT_YEAR: '11-30', // before the year-end scoring meeting in December
  SELF_SCORE: '11-30',
  CROSS_SCORE: '12-05',
  VERIFY: '12-10', // the bloc's proposals reach the organizer's council by 10/12
};

/** The period a report deadline is for ("2026-H1", "2026"); null for the other kinds. */
export function deadlinePeriod(kind: DeadlineKind, year: number): string | null {
  if (kind === 'REPORT_H1') return `${year}-H1`;
  if (kind === 'REPORT_YEAR') return String(year);
  return null;
}

export interface Deadline {
  kind: DeadlineKind;
  period: string | null;
  dueOn: string;
  /** True when the bloc has not set its own date and the default applies. */
  isDefault: boolean;
}

/** The bloc's deadlines of the year: its own where set, the defaults elsewhere, in DEADLINE_KINDS order. */
export function deadlinesOf(year: number, set: readonly { kind: string; dueOn: string }[]): Deadline[] {
  return DEADLINE_KINDS.map((kind) => {
    const own = set.find((entry) => entry.kind === kind);
    return {
      kind,
      period: deadlinePeriod(kind, year),
      dueOn: own ? own.dueOn : `${year}-${DEFAULT_DAYS[kind]}`,
      isDefault: !own,
    };
  });
}

/**
 * A deadline inside the pledge's year or up to the end of March after it (the year-end review often
 * slips into the next year's first quarter, where the new pledge is signed); null when acceptable, else the reason.
 */
export function checkDeadline(dueOn: string, year: number): string | null {
  if (dueOn < `${year}-01-01` || dueOn > `${year + 1}-03-31`)
    return `Hạn phải trong năm ${year} hoặc đến hết 31/03/${year + 1}.`;
  return null;
}

/** The shift of the rotation: 1 … n − 1 (0 or n would have each member score itself). */
export function checkShift(shift: number, members: number): string | null {
  if (members < 2) return 'Khối cần ít nhất hai thành viên để chấm chéo.';
  if (!Number.isInteger(shift) || shift < 1 || shift > members - 1)
    return `Bước xoay vòng chấm chéo phải là số nguyên từ 1 đến ${members - 1} (số thành viên − 1).`;
  return null;
}

export interface Assignment {
  scorerId: string;
  subjectId: string;
}

/** Who cross-scores whom: the member at i is scored by the member at i + shift (mod n). */
export function crossScoreAssignments(memberIds: readonly string[], shift: number): Assignment[] {
  const n = memberIds.length;
  if (n < 2) return [];
  const step = (((Math.trunc(shift) % n) + n) % n || 1) as number;
  return memberIds.map((subjectId, index) => ({ subjectId, scorerId: memberIds[(index + step) % n]! }));
}

export type DutyKind = 'SIGN' | 'REPORT' | 'SELF_SCORE' | 'CROSS_SCORE';

export interface Duty {
  organizationId: string;
  kind: DutyKind;
  /** REPORT: the period owed. */
  period: string | null;
  /** CROSS_SCORE: the member this one must score. */
  subjectId: string | null;
  /** REPORT: the items not yet reported for the period. */
  itemCodes: string[];
  dueOn: string;
  overdue: boolean;
}

export interface DutyFacts {
  year: number;
  status: 'DRAFT' | 'OPEN' | 'SIGNED' | 'CLOSED';
  memberIds: readonly string[];
  itemCodes: readonly string[];
  signedIds: ReadonlySet<string>;
  /** `${organizationId}|${itemCode}|${period}` of every current report. */
  reported: ReadonlySet<string>;
  /** `${organizationId}|${stage}` of every scorecard. */
  cards: ReadonlySet<string>;
  shift: number;
  deadlines: readonly Deadline[];
  /** Today in Việt Nam, YYYY-MM-DD. */
  today: string;
}

/**
 * What each member still owes, in the order it falls due: a signature while the pledge is open, the
 * half-year and year reports and the self-score and cross-score while it is open or signed. A draft
 * owes nothing yet; a closed year owes nothing more. A duty's card already verified is done.
 */
export function outstandingDuties(facts: DutyFacts): Duty[] {
  if (facts.status === 'DRAFT' || facts.status === 'CLOSED') return [];
  const due = (kind: DeadlineKind) => facts.deadlines.find((entry) => entry.kind === kind)!.dueOn;
  const duties: Duty[] = [];
  const push = (duty: Omit<Duty, 'overdue'>) => duties.push({ ...duty, overdue: duty.dueOn < facts.today });
  const assignments = crossScoreAssignments(facts.memberIds, facts.shift);
  for (const organizationId of facts.memberIds) {
    const base = { organizationId, period: null, subjectId: null, itemCodes: [] as string[] };
    if (!facts.signedIds.has(organizationId)) push({ ...base, kind: 'SIGN', dueOn: due('SIGN') });
    for (const kind of ['REPORT_H1', 'REPORT_YEAR'] as const) {
      const period = deadlinePeriod(kind, facts.year)!;
      const missing = facts.itemCodes.filter((code) => !facts.reported.has(`${organizationId}|${code}|${period}`));
      if (missing.length) push({ ...base, kind: 'REPORT', period, itemCodes: missing, dueOn: due(kind) });
    }
    const verified = (id: string) => facts.cards.has(`${id}|VERIFIED`);
    if (!facts.cards.has(`${organizationId}|SELF`) && !verified(organizationId))
      push({ ...base, kind: 'SELF_SCORE', dueOn: due('SELF_SCORE') });
    const subject = assignments.find((entry) => entry.scorerId === organizationId)?.subjectId;
    if (subject && !facts.cards.has(`${subject}|CROSS`) && !verified(subject))
      push({ ...base, kind: 'CROSS_SCORE', subjectId: subject, dueOn: due('CROSS_SCORE') });
  }
  return duties.sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) ||
      facts.memberIds.indexOf(a.organizationId) - facts.memberIds.indexOf(b.organizationId),
  );
}
