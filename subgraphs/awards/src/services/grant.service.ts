/** Revoking a grant (Luật TĐKT 2022, Art 93): kept in the ledger, no longer counted. */
import {
  auditedTransaction,
  badInput,
  cleanText,
  conflict,
  isUuid,
  notFound,
  requireActFor,
  requireSignedIn,
} from '@tdkt/subgraph-kit';
import type { AwardsContext } from '../context.js';
import { createStores } from '../store/index.js';
import type { RevokeGrantInput } from '../types/exemplar.inputs.js';
import type { Grant } from '../types/grant.types.js';

export async function revokeGrant(context: AwardsContext, input: RevokeGrantInput): Promise<Grant> {
  requireSignedIn(context);
  if (!isUuid(input.grantId)) throw notFound('Không tìm thấy lần khen thưởng này.', { field: 'input.grantId' });
  const reason = cleanText(input.reason, {
    label: 'Lý do thu hồi',
    field: 'input.reason',
    maxLength: 2000,
    multiline: true,
  });
  const grant = await context.stores.grants.withDecision(input.grantId);
  if (!grant) throw notFound('Không tìm thấy lần khen thưởng này.', { field: 'input.grantId' });
  // Law Art 93: the authority that decided revokes; here its officers, or the Central Board.
  const issuer = await context.organizations.organizationById.load(grant.issuerId);
  if (!issuer) throw notFound('Không tìm thấy cơ quan đã ra quyết định.');
  await requireActFor(context, issuer, 'thu hồi khen thưởng');
  if (input.revokedOn < grant.issuedOn)
    throw badInput('Ngày thu hồi trước ngày quyết định khen thưởng.', { field: 'input.revokedOn' });
  await auditedTransaction(context.db, context, 'revokeGrant', async (manager, audit) => {
    const before = await audit.snapshot('award_grant', grant.id);
    if (!(await createStores(manager).grants.revoke(grant.id, input.revokedOn, reason)))
      throw conflict('Lần khen thưởng này đã bị thu hồi.');
    await audit.recordRow('Grant', 'award_grant', grant.id, before);
  });
  return (await context.stores.grants.byId(grant.id))!;
}
