/**
 * The nomination's state machine (đề nghị khen thưởng): DRAFT → SUBMITTED → (RETURNED → SUBMITTED) →
 * COUNCIL_REVIEW → APPROVED | REJECTED → DECIDED (APPROVED only), and WITHDRAWN from any open state.
 * Law Art 84 (dossiers) and ND 98/152 (council review before the decision).
 */
export type NominationStatus =
  'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'COUNCIL_REVIEW' | 'APPROVED' | 'REJECTED' | 'DECIDED' | 'WITHDRAWN';
export type NominationAction = 'SUBMIT' | 'RETURN' | 'START_REVIEW' | 'APPROVE' | 'REJECT' | 'DECIDE' | 'WITHDRAW';

const TRANSITIONS: Record<NominationAction, { from: NominationStatus[]; to: NominationStatus }> = {
  SUBMIT: { from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED' },
  RETURN: { from: ['SUBMITTED', 'COUNCIL_REVIEW'], to: 'RETURNED' },
  START_REVIEW: { from: ['SUBMITTED'], to: 'COUNCIL_REVIEW' },
  APPROVE: { from: ['SUBMITTED', 'COUNCIL_REVIEW'], to: 'APPROVED' },
  REJECT: { from: ['SUBMITTED', 'COUNCIL_REVIEW'], to: 'REJECTED' },
  DECIDE: { from: ['APPROVED'], to: 'DECIDED' },
  WITHDRAW: { from: ['DRAFT', 'SUBMITTED', 'RETURNED', 'COUNCIL_REVIEW'], to: 'WITHDRAWN' },
};

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
  if (rule.from.includes(from)) return { to: rule.to };
  return { refused: `Hồ sơ đề nghị ${STATUS_LABELS[from]}; không thể thực hiện thao tác này.` };
}

export function allowedFrom(action: NominationAction): NominationStatus[] {
  return [...TRANSITIONS[action].from];
}
