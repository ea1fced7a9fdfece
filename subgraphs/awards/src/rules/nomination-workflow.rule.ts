/**
 * The nomination's state machine (đề nghị khen thưởng): DRAFT → SUBMITTED → (RETURNED → SUBMITTED) →
 * COUNCIL_REVIEW → APPROVED | REJECTED → DECIDED (APPROVED only), and WITHDRAWN from any open state.
 * Law Art 84 (dossiers) and ND 98/152 (council review before the decision). FORWARD moves an open file
 * one level up its route without changing its state (rules/nomination-routing.rule.ts: unit → ministry
 * or province → Central Board → Prime Minister → President); RETURN sends it one level down, and back
 * at the proposer it is RETURNED.
 *
 * Invariant: every state that is not final has an exit that does not depend on the authority table
 * (rules/authority.rule.ts). An APPROVED file waits for a decision, but if no one with the power of Law
 * Arts 77–80 will sign it, the level above (or the Central Board) returns it with a reason and the
 * proposer may withdraw it; it is never left without a way out.
 */
export type NominationStatus =
  'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'COUNCIL_REVIEW' | 'APPROVED' | 'REJECTED' | 'DECIDED' | 'WITHDRAWN';
export type NominationAction =
  'SUBMIT' | 'RETURN' | 'FORWARD' | 'START_REVIEW' | 'APPROVE' | 'REJECT' | 'DECIDE' | 'WITHDRAW';

/** `to: null`: the action moves the file between levels and keeps its state. */
const TRANSITIONS: Record<NominationAction, { from: NominationStatus[]; to: NominationStatus | null }> = {
  SUBMIT: { from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED' },
  RETURN: { from: ['SUBMITTED', 'COUNCIL_REVIEW', 'APPROVED'], to: 'RETURNED' },
  FORWARD: { from: ['SUBMITTED', 'COUNCIL_REVIEW', 'APPROVED'], to: null },
  START_REVIEW: { from: ['SUBMITTED'], to: 'COUNCIL_REVIEW' },
  APPROVE: { from: ['SUBMITTED', 'COUNCIL_REVIEW'], to: 'APPROVED' },
  REJECT: { from: ['SUBMITTED', 'COUNCIL_REVIEW'], to: 'REJECTED' },
  DECIDE: { from: ['APPROVED'], to: 'DECIDED' },
  WITHDRAW: { from: ['DRAFT', 'SUBMITTED', 'RETURNED', 'COUNCIL_REVIEW', 'APPROVED'], to: 'WITHDRAWN' },
};

export const NOMINATION_STATUSES: readonly NominationStatus[] = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED',
  'COUNCIL_REVIEW',
  'APPROVED',
  'REJECTED',
  'DECIDED',
  'WITHDRAWN',
];

/**
 * States that close the file: rejected by the council (a new nomination may be made), decided (a grant
 * exists; revoking it is the ledger's business, Law ch. VII) and withdrawn.
 */
export const FINAL_STATUSES: readonly NominationStatus[] = ['REJECTED', 'DECIDED', 'WITHDRAWN'];

/** The actions that lead out of a state. */
export function exitsFrom(status: NominationStatus): NominationAction[] {
  return (Object.keys(TRANSITIONS) as NominationAction[]).filter((action) => TRANSITIONS[action].from.includes(status));
}

export const STATUS_LABELS: Record<NominationStatus, string> = {
  DRAFT: 'đang soạn',
  SUBMITTED: 'đã trình',
  RETURNED: 'bị trả lại',
  COUNCIL_REVIEW: 'đang được Hội đồng xét',
  APPROVED: 'đã được Hội đồng thông qua',
  REJECTED: 'không được Hội đồng thông qua',
  DECIDED: 'đã có quyết định khen thưởng',
  WITHDRAWN: 'đã rút',
};

export function transition(
  from: NominationStatus,
  action: NominationAction,
): { to: NominationStatus } | { refused: string } {
  const rule = TRANSITIONS[action];
  if (rule.from.includes(from)) return { to: rule.to ?? from };
  return { refused: `Hồ sơ đề nghị ${STATUS_LABELS[from]}; không thể thực hiện thao tác này.` };
}

export function allowedFrom(action: NominationAction): NominationStatus[] {
  return [...TRANSITIONS[action].from];
}

/**
 * Who takes each step: the proposing unit submits and withdraws its own file; the level above returns
 * it for completion; the Hội đồng TĐKT of the proposer or of a level above votes (Law Art 84; ND
 * 98/2023 and ND 152/2025 on council review); the issuer with the power of Law Arts 77–80 decides.
 */
export type NominationActor = 'proposer' | 'reviewer' | 'council' | 'issuer';

export const ACTION_ACTORS: Readonly<Record<NominationAction, NominationActor>> = {
  SUBMIT: 'proposer',
  WITHDRAW: 'proposer',
  RETURN: 'reviewer',
  FORWARD: 'reviewer',
  START_REVIEW: 'council',
  APPROVE: 'council',
  REJECT: 'council',
  DECIDE: 'issuer',
};

/** What a review decision needs to know of the caller, relative to the proposing unit. */
export interface ReviewerFacts {
  role: string | null;
  /** The caller's unit is above the proposer and the caller's scope reaches the units under it. */
  callerIsAbove: boolean;
  /** The caller's unit is the proposer itself. */
  callerIsProposer: boolean;
  proposerName: string;
}

/**
 * Returning a file and recording the council's vote: the Central Board, or an officer of a unit above
 * the proposer; the proposer's own council may vote, but returning a file is never the proposer's act.
 */
export function canReview(
  actor: 'reviewer' | 'council',
  facts: ReviewerFacts,
): { allowed: true } | { allowed: false; reason: string } {
  if (facts.role === 'CENTRAL_BOARD') return { allowed: true };
  if (facts.role === 'ORG_OFFICER' && (facts.callerIsAbove || (facts.callerIsProposer && actor === 'council')))
    return { allowed: true };
  return {
    allowed: false,
    reason:
      actor === 'council'
        ? `Chỉ Hội đồng TĐKT của ${facts.proposerName} hoặc cấp trên (hoặc Ban TĐKT TW) được ghi kết quả bỏ phiếu.`
        : `Chỉ cấp trên của ${facts.proposerName} (hoặc Ban TĐKT TW) được trả lại hồ sơ; đơn vị trình có thể rút hồ sơ.`,
  };
}
