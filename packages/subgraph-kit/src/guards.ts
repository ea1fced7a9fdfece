/**
 * The guard every Mutation root field passes before its resolver runs. The contract gives the public
 * (no token) read access to published data only: every write needs a signed-in caller. Checking that
 * here, once for all subgraphs, means a caller without a token hears UNAUTHENTICATED before any
 * resolver has looked anything up, so no refusal ("… không phải thành viên", "Không tìm thấy …") can tell
 * an anonymous caller what the data holds. Authorization (FORBIDDEN) stays with each service, which
 * knows whose unit is concerned.
 */
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { requireSignedIn, type RequestContext } from './context.js';

export interface MutationGuardOptions {
  /**
   * Mutations the public may call without a token, by field name. None today; one added here is a
   * deliberate decision, and must say why next to its name.
   */
  publicMutations: readonly string[];
}

/** Wraps the resolver of every Mutation field of `schema` (except the public ones) with the sign-in check. */
export function guardMutations(schema: GraphQLSchema, options: MutationGuardOptions): void {
  const mutation = schema.getMutationType();
  const fields = mutation?.getFields() ?? {};
  for (const name of options.publicMutations) {
    if (!fields[name]) throw new Error(`guardMutations: no mutation named ${name} to leave public`);
  }
  for (const field of Object.values(fields)) {
    if (options.publicMutations.includes(field.name)) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, context: RequestContext, info) => {
      requireSignedIn(context);
      return resolve(source, args, context, info);
    };
  }
}
