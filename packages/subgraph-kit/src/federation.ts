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
 * A field with no resolver of its own, middleware or role is read straight from its object by
 * graphql's default resolver (type-graphql's "simple" resolvers). Otherwise type-graphql wraps each
 * in a resolver that builds a resolver-data object on every call: a board of 20 members reads a few
 * thousand such fields per request. Set on the field metadata, before the schema is built; a field
 * that says `simple` itself keeps its choice.
 */
function readPlainFieldsDirectly(): void {
  for (const field of getMetadataStorage().fields) {
    // The default resolver reads the field's schema name: a field renamed in the schema keeps its own.
    const plain = !field.middlewares?.length && field.roles === undefined && field.schemaName === field.name;
    if (field.simple === undefined && plain) field.simple = true;
  }
}

export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers,
  mutationGuard: MutationGuardOptions,
): Promise<GraphQLSchema> {
  if (!options.globalMiddlewares?.length) readPlainFieldsDirectly();
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
