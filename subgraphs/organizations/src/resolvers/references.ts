/**
 * `_entities` entry points. Every one goes through a per-request loader, so a gateway batch of N
 * references costs one statement per type.
 */
import type { ReferenceResolvers } from '@tdkt/subgraph-kit';
import type { OrganizationsContext } from '../context.js';
import { normalizeCode } from '../rules/organization.rule.js';
import { canonicalId, isUuid } from '../loaders/loaders.js';

type Key = { id?: string; code?: string };

export const referenceResolvers: ReferenceResolvers = {
  Organization: {
    __resolveReference(reference: Key, context: OrganizationsContext) {
      if (reference.id) return isUuid(reference.id) ? context.loaders.organizationById.load(canonicalId(reference.id)) : null;
      if (reference.code) return context.loaders.organizationByCode.load(normalizeCode(reference.code));
      return null;
    },
  },
  EmulationBloc: {
    __resolveReference(reference: Key, context: OrganizationsContext) {
      if (reference.id) return isUuid(reference.id) ? context.loaders.blocById.load(canonicalId(reference.id)) : null;
      if (reference.code) return context.loaders.blocByCode.load(normalizeCode(reference.code));
      return null;
    },
  },
  Person: {
    __resolveReference(reference: Key, context: OrganizationsContext) {
      return reference.id && isUuid(reference.id) ? context.loaders.personById.load(canonicalId(reference.id)) : null;
    },
  },
};
