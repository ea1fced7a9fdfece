// The nomination's state machine and who takes each step, row by row with the provision each row
// follows (Law Art 84 for the dossier; ND 98/2023 and ND 152/2025 for the council's review).
import { describe, expect, it } from '@jest/globals';
import {
  ACTION_ACTORS,
  allowedFrom,
  canReview,
  exitsFrom,
  FINAL_STATUSES,
  NOMINATION_STATUSES,
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
    [
      'APPROVED',
      'RETURN',
      'RETURNED',
      'an approved dossier no one may decide goes back, with a reason (Law Arts 77–80)',
    ],
    ['APPROVED', 'WITHDRAW', 'WITHDRAWN', 'an approved dossier not yet decided may be withdrawn by its proposer'],
    ['REJECTED', 'RETURN', null, 'a rejected dossier is closed'],
    ['WITHDRAWN', 'SUBMIT', null, 'a withdrawn dossier is closed'],
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

describe('no state without a way out', () => {
  // Whoever holds the power of Law Arts 77–80 (the authority table) may be missing for an award, a unit
  // or a date: a state whose only exit is the issuer's decision would leave the file stuck. So every
  // state that is not final has an exit that someone other than the issuer may take: the proposer
  // (always its own unit's officer), or the level above / the Central Board (canReview).
  const takers: Record<'proposer' | 'reviewer' | 'council', string> = {
    proposer: 'the proposing unit',
    reviewer: 'the level above or the Central Board',
    council: 'the council of the proposer, of a level above, or the Central Board',
  };
  it.each(NOMINATION_STATUSES.filter((status) => !FINAL_STATUSES.includes(status)))(
    '%s has an exit that does not depend on the authority table',
    (status) => {
      const exits = exitsFrom(status).filter((action) => ACTION_ACTORS[action] !== 'issuer');
      expect(exits.length).toBeGreaterThan(0);
      for (const action of exits) {
        const actor = ACTION_ACTORS[action] as keyof typeof takers;
        expect(takers[actor]).toBeDefined();
        if (actor !== 'proposer') {
          const central = {
            role: 'CENTRAL_BOARD',
            callerIsAbove: false,
            callerIsProposer: false,
            proposerName: 'Bộ Tài chính',
          };
          expect(canReview(actor, central)).toEqual({ allowed: true });
        }
        expect(transition(status, action)).toHaveProperty('to');
      }
    },
  );

  it.each(FINAL_STATUSES)('%s is final: no action leads out of it', (status) => {
    expect(exitsFrom(status)).toEqual([]);
  });

  it('reaches every state from a draft', () => {
    const reached = new Set(['DRAFT']);
    for (let changed = true; changed;) {
      changed = false;
      for (const status of [...reached])
        for (const action of exitsFrom(status as never)) {
          const next = transition(status as never, action);
          if ('to' in next && !reached.has(next.to)) {
            reached.add(next.to);
            changed = true;
          }
        }
    }
    expect([...reached].sort()).toEqual([...NOMINATION_STATUSES].sort());
  });
});

describe('who takes each step', () => {
  it('maps every action to its actor', () => {
    expect(ACTION_ACTORS).toEqual({
      SUBMIT: 'proposer',
      WITHDRAW: 'proposer',
      RETURN: 'reviewer',
      FORWARD: 'reviewer',
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
