/** The __resolveReference map for the @key types awards resolves (its own, and the stubs of others). */
import { isUuid, type ReferenceResolvers } from '@tdkt/subgraph-kit';
import type { AwardsContext } from '../context.js';
import { blocRef } from '../types/emulation-bloc.stub.js';
import { organizationRef } from '../types/organization.stub.js';
import { personRef } from '../types/person.stub.js';

export const REFERENCE_RESOLVERS: ReferenceResolvers = {
  Organization: { __resolveReference: (reference: { id: string }) => organizationRef(reference.id) },
  Person: { __resolveReference: (reference: { id: string }) => personRef(reference.id) },
  EmulationBloc: { __resolveReference: (reference: { id: string }) => blocRef(reference.id) },
  AwardType: {
    __resolveReference: (reference: { code: string }, context: AwardsContext) =>
      context.loaders.awardTypeByCode.load(reference.code),
  },
  Grant: {
    // One statement for every Grant reference of a request, with the whole row (its fields resolve here).
    __resolveReference: (reference: { id: string }, context: AwardsContext) =>
      typeof reference.id === 'string' && isUuid(reference.id) ? context.loaders.grantById.load(reference.id) : null,
  },
};
