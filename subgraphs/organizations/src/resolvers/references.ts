/**
 * `_entities` entry points. Every one goes through a per-request loader, so a gateway batch of N
 * references costs one statement per type.
 */
import type { ReferenceResolvers } from '@tdkt/subgraph-kit';
import type { OrganizationsContext } from '../context.js';
import { normalizeCode } from '../rules/organization.rule.js';
import { canonicalId, isUuid } from '../loaders/index.js';

type Key = { id?: unknown; code?: unknown };

export const referenceResolvers: ReferenceResolvers = {
  Organization: {
    __resolveReference(reference: Key, context: OrganizationsContext) {
      // Representations come from the gateway's plan, but a key of the wrong type must not crash: null.
      if (typeof reference.id === 'string')
        return isUuid(reference.id) ? context.loaders.organizationById.load(canonicalId(reference.id)) : null;
      if (typeof reference.code === 'string')
        return context.loaders.organizationByCode.load(normalizeCode(reference.code));
      return null;
    },
  },
  EmulationBloc: {
    __resolveReference(reference: Key, context: OrganizationsContext) {
      if (typeof reference.id === 'string')
        return isUuid(reference.id) ? context.loaders.blocById.load(canonicalId(reference.id)) : null;
      if (typeof reference.code === 'string') return context.loaders.blocByCode.load(normalizeCode(reference.code));
      return null;
    },
  },
  Person: {
    __resolveReference(reference: Key, context: OrganizationsContext) {
      return typeof reference.id === 'string' && isUuid(reference.id)
        ? context.loaders.personById.load(canonicalId(reference.id))
        : null;
    },
  },
};
