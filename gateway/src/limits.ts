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

function measure(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, depth: number, seen: Set<string>, counts: { aliases: number }): number {
  let deepest = depth;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      if (selection.alias) counts.aliases += 1;
      if (selection.selectionSet) deepest = Math.max(deepest, measure(selection.selectionSet, fragments, depth + 1, seen, counts));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, measure(selection.selectionSet, fragments, depth, seen, counts));
    } else {
      const fragment = fragments[selection.name.value];
      if (fragment && !seen.has(fragment.name.value)) {
        seen.add(fragment.name.value);
        deepest = Math.max(deepest, measure(fragment.selectionSet, fragments, depth, seen, counts));
        seen.delete(fragment.name.value);
      }
    }
  }
  return deepest;
}

export function operationLimitsRule(limits: OperationLimits) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const definition of context.getDocument().definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
      }
      const counts = { aliases: 0 };
      const depth = measure(operation.selectionSet, fragments, 0, new Set(), counts);
      if (depth > limits.maxDepth) {
        context.reportError(new GraphQLError(`Truy vấn lồng quá sâu (${depth} cấp; tối đa ${limits.maxDepth}).`, { nodes: [operation] }));
      }
      if (counts.aliases > limits.maxAliases) {
        context.reportError(new GraphQLError(`Truy vấn dùng quá nhiều bí danh (${counts.aliases}; tối đa ${limits.maxAliases}).`, { nodes: [operation] }));
      }
    },
  });
}
