/**
 * The guard every Mutation root field passes before its resolver runs. The contract gives the public
 * (no token) read access to published data only, and a VIEWER reads only: every write needs a signed-in
 * ORG_OFFICER or the Central Board. Checking that here, once for all subgraphs, means a caller without
 * a token hears UNAUTHENTICATED, and a VIEWER FORBIDDEN, before any resolver has looked anything up, so
 * no refusal ("… không phải thành viên", "Không tìm thấy …") can tell them what the data holds. Whose
 * unit an officer may act for stays with each service, which knows the unit concerned.
 */
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { Role } from '@tdkt/identity';
import { requireSignedIn, type RequestContext } from './context.js';
import { forbidden } from './errors.js';

/** The roles that may write at all (contract roles: VIEWER reads the data of its own subtree only). */
export const WRITER_ROLES: readonly Role[] = ['ORG_OFFICER', 'CENTRAL_BOARD'];

/** A signed-in caller whose role may write, or UNAUTHENTICATED / FORBIDDEN before anything is read. */
export function requireWriter(context: RequestContext): void {
  requireSignedIn(context);
  if (!WRITER_ROLES.includes(context.caller.role)) {
    throw forbidden(
      'Tài khoản chỉ có quyền xem không được ghi hay thay đổi dữ liệu; việc này cần cán bộ thi đua, khen thưởng của đơn vị hoặc Ban Thi đua – Khen thưởng Trung ương.',
      { requiredRoles: WRITER_ROLES },
    );
  }
}

export interface MutationGuardOptions {
  /**
   * Mutations the public may call without a token, by field name. None today; one added here is a
   * deliberate decision, and must say why next to its name.
   */
  publicMutations: readonly string[];
}

/** Wraps the resolver of every Mutation field of `schema` (except the public ones) with `requireWriter`. */
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
      requireWriter(context);
      return resolve(source, args, context, info);
    };
  }
}
