// The nomination's state machine and who takes each step, row by row with the provision each row
// follows (Law Art 84 for the dossier; ND 98/2023 and ND 152/2025 for the council's review).
import { describe, expect, it } from '@jest/globals';
import {
  ACTION_ACTORS,
  allowedFrom,
  canReview,
  transition,
  type NominationAction,
  type NominationStatus,
} from './nomination-workflow.rule.js';

describe('transition', () => {
  const rows: [NominationStatus, NominationAction, NominationStatus | null, string][] = [
    ['DRAFT', 'SUBMIT', 'SUBMITTED', 'Law Art 84: the proposing unit submits its dossier'],
    ['RETURNED', 'SUBMIT', 'SUBMITTED', 'Law Art 84: a returned dossier is completed and submitted again'],
    ['SUBMITTED', 'RETURN', 'RETURNED', 'the level above returns an incomplete dossier'],
    ['COUNCIL_REVIEW', 'APPROVE', 'APPROVED', 'the council approves by its vote'],
    ['SUBMITTED', 'REJECT', 'REJECTED', 'the council rejects by its vote'],
    ['APPROVED', 'DECIDE', 'DECIDED', 'only an approved dossier becomes a decision (Law Arts 77–80)'],
    ['DRAFT', 'DECIDE', null, 'a draft is never decided'],
    ['REJECTED', 'SUBMIT', null, 'a rejected dossier is closed'],
    ['DECIDED', 'WITHDRAW', null, 'a decided dossier cannot be withdrawn'],
    ['COUNCIL_REVIEW', 'WITHDRAW', 'WITHDRAWN', 'an open dossier may be withdrawn by its proposer'],
  ];
  it.each(rows)('%s --%s--> %s (%s)', (from, action, to) => {
    const next = transition(from, action);
    if (to) expect(next).toEqual({ to });
    else expect('refused' in next && next.refused).toMatch(/không thể thực hiện thao tác này/);
  });

  it('lists the states an action is allowed from', () => {
    expect(allowedFrom('SUBMIT')).toEqual(['DRAFT', 'RETURNED']);
  });
});

describe('who takes each step', () => {
  it('maps every action to its actor', () => {
    expect(ACTION_ACTORS).toEqual({
      SUBMIT: 'proposer',
      WITHDRAW: 'proposer',
      RETURN: 'reviewer',
      START_REVIEW: 'council',
      APPROVE: 'council',
      REJECT: 'council',
      DECIDE: 'issuer',
    });
  });

  const facts = { proposerName: 'Sở Tư pháp', callerIsAbove: false, callerIsProposer: false };
  const rows: ['reviewer' | 'council', string, boolean, boolean, boolean, string][] = [
    ['reviewer', 'CENTRAL_BOARD', false, false, true, 'the Central Board reviews every dossier'],
    ['reviewer', 'ORG_OFFICER', true, false, true, 'the level above returns a dossier'],
    ['reviewer', 'ORG_OFFICER', false, true, false, 'the proposer never returns its own dossier'],
    ['council', 'ORG_OFFICER', false, true, true, "the proposer's own council votes"],
    ['council', 'ORG_OFFICER', true, false, true, 'the council of a level above votes'],
    ['council', 'VIEWER', true, false, false, 'a viewer records nothing'],
  ];
  it.each(rows)(
    '%s as %s (above: %s, proposer: %s) → %s (%s)',
    (actor, role, callerIsAbove, callerIsProposer, allowed) => {
      const verdict = canReview(actor, { ...facts, role, callerIsAbove, callerIsProposer });
      expect(verdict.allowed).toBe(allowed);
      if (!verdict.allowed) expect(verdict.reason).toContain('Sở Tư pháp');
    },
  );
});
