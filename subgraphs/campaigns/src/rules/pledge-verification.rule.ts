/**
 * Who verifies (thẩm định) a member's scorecard. The Khối trưởng verifies the members' cards, but no
 * unit judges its own: the lead's card is verified by the Khối phó, and when the bloc has no deputy
 * that year, by the organizer of the bloc — the council that set it up and directs it (HĐ TĐKT Trung
 * ương through Ban TĐKT Trung ương for the central blocs, HD 2746/HD-BTĐKT; UBND tỉnh or the ministry
 * for its own blocs, HD 1479/HD-BTĐKT). A self-verified ranking breaks the principles of Luật TĐKT
 * 2022, Điều 5: emulation is public and transparent, commendation accurate and fair.
 */

export type BlocRole = 'LEAD' | 'DEPUTY' | 'MEMBER';

export type Verifier = 'LEAD' | 'DEPUTY' | 'ORGANIZER';

/** The verifier of a card of a unit with `role` (undefined: not a member that year) in a bloc-year. */
export function verifierOf(role: BlocRole | undefined, bloc: { hasLead: boolean; hasDeputy: boolean }): Verifier {
  if (role === 'LEAD') return bloc.hasDeputy ? 'DEPUTY' : 'ORGANIZER';
  return bloc.hasLead ? 'LEAD' : 'ORGANIZER';
}
