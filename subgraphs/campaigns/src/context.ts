/** Per-request context of the campaigns subgraph: caller, stores, loaders, the organizations directory, rights. */
import type { DataSource } from 'typeorm';
import type { InternalContext } from '@tdkt/identity';
import {
  createOrganizationsDirectory,
  type DirectoryOrganization,
  type OrganizationsDirectory,
  type ScopedContext,
  type SubgraphClient,
} from '@tdkt/subgraph-kit';
import { createLoaders, type Loaders } from './loaders/index.js';
import { createStores, type Stores } from './store/index.js';
import { organizationCopyAccess, type OrganizationCopyAccess } from './services/organization-copy.service.js';

/** The scope checks are the kit's, the same in every subgraph. */
export { canSeePrivateDataOf, isInCallerSubtree, requireActFor } from '@tdkt/subgraph-kit';

export interface CampaignsContext extends ScopedContext {
  /** The DataSource: services open their transactions on it (auditedTransaction). */
  db: DataSource;
  /** Stores over the DataSource, for reads outside a transaction. */
  stores: Stores;
  loaders: Loaders;
  organizations: OrganizationsDirectory;
  /** The organizations subgraph itself, for lists the directory does not batch (blocs of a year, subtrees). */
  organizationsClient: SubgraphClient;
  /** The copy of organizations' codes and names that reads join (services/organization-copy.service.ts). */
  organizationCopy: OrganizationCopyAccess;
}

export function buildContext(
  db: DataSource,
  organizationsClient: SubgraphClient,
  identity: InternalContext,
): CampaignsContext {
  const stores = createStores(db);
  const organizations = createOrganizationsDirectory(organizationsClient, identity.internalToken);
  const copy = organizationCopyAccess(db, { organizationsClient, internalToken: identity.internalToken });
  const context: CampaignsContext = {
    ...identity,
    db,
    stores,
    loaders: createLoaders(stores, copy),
    organizations,
    organizationsClient,
    organizationCopy: copy,
    callerOrganizationId: async () => (await callerOrganization(context))?.id ?? null,
    callerOrganization: () => callerOrganization(context),
  };
  return context;
}

/** The caller's own organization (null for the public, the Central Board, or an unknown claim). */
export async function callerOrganization(context: CampaignsContext): Promise<DirectoryOrganization | null> {
  return context.caller.org ? context.organizations.organizationByCode.load(context.caller.org) : null;
}

/** A bloc of a page of `blocs`, with its members that year (and where they sit, when asked). */
export interface BlocOfPage {
  cursor: string;
  blocId: string;
  members: { id: string; ancestors: { id: string }[] }[];
}

/**
 * One page of the blocs of a year from the organizations subgraph (their order, cursors and members
 * that year, in Vietnamese name order like `blocs`), asked on behalf of the caller in one call. Member ids
 * only (no organization rows) unless `withAncestors`: the caller's rights then depend on where the
 * members sit, and the caller's own organization id comes back too.
 */
export async function blocPageOfYear(
  context: CampaignsContext,
  args: { kind: string | null; year: number; first: number | null; after: string | null },
  withAncestors: boolean,
): Promise<{
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  blocs: BlocOfPage[];
  callerId: string | null;
}> {
  type RawMember = { organization: { id: string; ancestors: { id: string }[] } | null };
  type RawPage = {
    page: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: { id: string; memberIds?: string[]; members?: RawMember[] } }[];
    };
    caller?: { id: string } | null;
  };
  const data = await context.organizationsClient.query<RawPage>(
    `query($kind: BlocKind, $year: Int!, $first: Int, $after: String${withAncestors ? ', $callerCode: String!' : ''}) {
         page: blocs(filter: { kind: $kind, year: $year }, first: $first, after: $after) {
           totalCount pageInfo { hasNextPage endCursor }
           edges { cursor node { id ${withAncestors ? 'members(year: $year) { organization { id ancestors { id } } }' : 'memberIds(year: $year)'} } }
         }
         ${withAncestors ? 'caller: organization(code: $callerCode) { id }' : ''}
       }`,
    { ...args, ...(withAncestors ? { callerCode: context.caller.org } : {}) },
    context.internalToken,
  );
  return {
    totalCount: data.page.totalCount,
    pageInfo: data.page.pageInfo,
    blocs: data.page.edges.map((edge) => ({
      cursor: edge.cursor,
      blocId: edge.node.id,
      members: edge.node.members
        ? edge.node.members.flatMap((member) => (member.organization ? [member.organization] : []))
        : (edge.node.memberIds ?? []).map((id) => ({ id, ancestors: [] as { id: string }[] })),
    })),
    callerId: data.caller?.id ?? null,
  };
}
