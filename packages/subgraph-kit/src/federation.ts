/**
 * One place that turns a type-graphql schema into an Apollo Federation 2 subgraph: the single `@link`
 * import list, and reference resolvers merged into type-graphql's resolver map.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, getMetadataStorage, type BuildSchemaOptions } from 'type-graphql';
import { guardMutations, type MutationGuardOptions } from './guards.js';

export const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])`;

export type ReferenceResolvers = Record<string, { __resolveReference: (...args: any[]) => unknown }>;

/**
 * type-graphql gives every plain `@Field` a resolver that runs the (empty) middleware chain and reads
 * the property: a closure, an object and a call per field per row, for nothing. Marked simple, those
 * fields use graphql-js's default resolver, which reads the same property. Only while no middleware
 * or `@Authorized` exists anywhere (they run in that chain); a field renamed in the schema keeps it.
 */
function plainFieldsWithoutMiddlewareChain(options: Omit<BuildSchemaOptions, 'skipCheck'>): void {
  const storage = getMetadataStorage() as unknown as {
    middlewares: unknown[];
    authorizedFields: unknown[];
    objectTypes: { simpleResolvers?: boolean }[];
    fields: { name: string; schemaName: string; simple?: boolean }[];
  };
  if ((options.globalMiddlewares?.length ?? 0) > 0 || storage.middlewares.length > 0) return;
  if (storage.authorizedFields.length > 0) return;
  for (const type of storage.objectTypes) type.simpleResolvers ??= true;
  for (const field of storage.fields) if (field.name !== field.schemaName) field.simple ??= false;
}

export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers,
  mutationGuard: MutationGuardOptions,
): Promise<GraphQLSchema> {
  plainFieldsWithoutMiddlewareChain(options);
  const schema = await buildSchema({ ...options, skipCheck: true });
  // Before the resolver map is read from the schema, so that the guarded resolvers are the ones served.
  guardMutations(schema, mutationGuard);
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference };
  }
  return buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
    // type-graphql and @apollo/subgraph type their resolver maps differently.
    resolvers: resolvers as any,
  });
}
