/** Finding the organization or bloc an input names by code, or refusing with the field at fault. */
import { notFound } from '@tdkt/subgraph-kit';
import type { OrganizationsContext } from '../context.js';
import { BLOC_CODE, ORGANIZATION_CODE, normalizeCode } from '../rules/organization.rule.js';
import type { EmulationBloc } from '../types/bloc.types.js';
import type { Organization } from '../types/organization.types.js';

export async function loadOrganizationByCodeOrFail(
  context: OrganizationsContext,
  rawCode: string,
  field: string,
): Promise<Organization> {
  const code = normalizeCode(rawCode);
  const organization = ORGANIZATION_CODE.test(code) ? await context.loaders.organizationByCode.load(code) : null;
  if (!organization) throw notFound(`Không tìm thấy đơn vị có mã ${rawCode.trim() || '(trống)'}.`, { field });
  return organization;
}

export async function loadBlocByCodeOrFail(
  context: OrganizationsContext,
  rawCode: string,
  field: string,
): Promise<EmulationBloc> {
  const code = normalizeCode(rawCode);
  const bloc = BLOC_CODE.test(code) ? await context.loaders.blocByCode.load(code) : null;
  if (!bloc) throw notFound(`Không tìm thấy khối/cụm thi đua có mã ${rawCode.trim() || '(trống)'}.`, { field });
  return bloc;
}
