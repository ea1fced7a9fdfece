/**
 * Who verifies a scorecard: the lead for the members, never a unit for itself — the lead's card goes
 * to the deputy, else to the bloc's organizer (Luật TĐKT 2022, Điều 5: fair, public evaluation;
 * HD 2746/HD-BTĐKT: blocs have a Khối trưởng and a Khối phó).
 */
import { verifierOf, type BlocRole } from './pledge-verification.rule';

it.each<[BlocRole | undefined, boolean, boolean, string]>([
  ['MEMBER', true, true, 'LEAD'],
  ['DEPUTY', true, true, 'LEAD'],
  ['LEAD', true, true, 'DEPUTY'],
  ['LEAD', true, false, 'ORGANIZER'], // no deputy that year
  ['MEMBER', false, false, 'ORGANIZER'], // no lead that year
  [undefined, true, true, 'LEAD'],
])('the card of a %s (lead %s, deputy %s) is verified by the %s', (role, hasLead, hasDeputy, verifier) => {
  expect(verifierOf(role, { hasLead, hasDeputy })).toBe(verifier);
});
