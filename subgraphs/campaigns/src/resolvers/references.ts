/** `__resolveReference` of the entities campaigns knows by key only (they belong to the organizations subgraph). */
import type { ReferenceResolvers } from '@tdkt/subgraph-kit';
import { blocRef } from '../types/emulation-bloc.stub.js';
import { organizationRef } from '../types/organization.stub.js';
import { personRef } from '../types/person.stub.js';

export const REFERENCE_RESOLVERS: ReferenceResolvers = {
  Organization: { __resolveReference: (reference: { id: string }) => organizationRef(reference.id) },
  EmulationBloc: { __resolveReference: (reference: { id: string }) => blocRef(reference.id) },
  Person: { __resolveReference: (reference: { id: string }) => personRef(reference.id) },
};
