/**
 * Cheap guards against hostile operations, applied before planning: a depth limit (nested
 * parent/children fields multiply the answer) and an alias limit. Introspection fields are exempt
 * (their own depth is fixed). Issue 5 adds cost analysis and rate limits on top.
 */
import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
}

/** Every contract operation is well inside these (BlocBoard's deepest path has 7 levels). */
export const DEFAULT_LIMITS: OperationLimits = { maxDepth: 12, maxAliases: 30, maxTokens: 5000 };

interface Measure {
  /** Levels of nested selections below this set. */
  depth: number;
  /** Aliases in the set once every fragment is expanded (capped: only "over the limit" matters). */
  aliases: number;
}

const CAP = 1_000_000;

/**
 * Depth and aliases of a selection set. Each fragment is measured once and reused: a fragment spread
 * twice per level would otherwise cost 2^levels walks (a 1 kB document could stall the gateway).
 */
function measure(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, memo: Map<string, Measure>, visiting: Set<string>): Measure {
  let depth = 0;
  let aliases = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      if (selection.alias) aliases += 1;
      if (selection.selectionSet) {
        const inner = measure(selection.selectionSet, fragments, memo, visiting);
        depth = Math.max(depth, inner.depth + 1);
        aliases += inner.aliases;
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const inner = measure(selection.selectionSet, fragments, memo, visiting);
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || visiting.has(name)) continue; // unknown or cyclic: other validation rules report it
      let inner = memo.get(name);
      if (!inner) {
        visiting.add(name);
        inner = measure(fragment.selectionSet, fragments, memo, visiting);
        visiting.delete(name);
        memo.set(name, inner);
      }
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
    }
    if (aliases > CAP) aliases = CAP;
  }
  return { depth, aliases };
}

export function operationLimitsRule(limits: OperationLimits) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const definition of context.getDocument().definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
      }
      const { depth, aliases } = measure(operation.selectionSet, fragments, new Map(), new Set());
      const counts = { aliases };
      if (depth > limits.maxDepth) {
        context.reportError(new GraphQLError(`Truy vấn lồng quá sâu (${depth} cấp; tối đa ${limits.maxDepth}).`, { nodes: [operation] }));
      }
      if (counts.aliases > limits.maxAliases) {
        context.reportError(new GraphQLError(`Truy vấn dùng quá nhiều bí danh (${counts.aliases}; tối đa ${limits.maxAliases}).`, { nodes: [operation] }));
      }
    },
  });
}
