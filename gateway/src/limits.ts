/**
 * Cheap guards against hostile operations, applied before planning: a depth limit (nested
 * parent/children fields multiply the answer) and an alias limit. Introspection fields are exempt
 * (their own depth is fixed). A cost limit (below) and the rate limit (rate-limit.ts) come on top.
 */
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  /** Directives in one document (`@include`/`@skip` floods). */
  maxDirectives: number;
  /** Estimated work of one operation (see `operationCost`), page sizes given in variables included. */
  maxCost: number;
}

/**
 * Every contract operation is well inside these (BlocBoard's deepest path has 7 levels; the costliest
 * contract operation, BlocBoard, costs about 3,600 — see the gateway-limits test).
 */
export const DEFAULT_LIMITS: OperationLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 5000,
  maxDirectives: 50,
  maxCost: 25_000,
};

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
function measure(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  memo: Map<string, Measure>,
  visiting: Set<string>,
): Measure {
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
        context.reportError(
          new GraphQLError(`Truy vấn lồng quá sâu (${depth} cấp; tối đa ${limits.maxDepth}).`, { nodes: [operation] }),
        );
      }
      let directives = 0;
      const countDirectives = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        if (Array.isArray(node)) return node.forEach(countDirectives);
        const record = node as Record<string, unknown>;
        if (record['kind'] === Kind.DIRECTIVE) directives += 1;
        for (const [key, value] of Object.entries(record))
          if (key !== 'loc' && value && typeof value === 'object') countDirectives(value);
      };
      countDirectives(context.getDocument().definitions);
      if (directives > limits.maxDirectives) {
        context.reportError(
          new GraphQLError(`Truy vấn dùng quá nhiều chỉ thị (${directives}; tối đa ${limits.maxDirectives}).`, {
            nodes: [operation],
          }),
        );
      }
      if (counts.aliases > limits.maxAliases) {
        context.reportError(
          new GraphQLError(`Truy vấn dùng quá nhiều bí danh (${counts.aliases}; tối đa ${limits.maxAliases}).`, {
            nodes: [operation],
          }),
        );
      }
    },
  });
}

// ---------------------------------------------------------------------------------------- cost

/** Page size assumed for a paginated field called without `first` (the subgraphs' DEFAULT_PAGE_SIZE). */
const DEFAULT_PAGE = 20;
/** Items assumed in a list field that has no page-size argument (members of a bloc, items of a pledge…). */
const LIST_FACTOR = 10;
const PAGE_ARGUMENTS = ['first', 'last', 'limit'];

function numberOf(node: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!node) return undefined;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }
  return undefined;
}

function multiplierOf(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
): number {
  const pageArgument = field.args.find((argument) => PAGE_ARGUMENTS.includes(argument.name));
  if (pageArgument) {
    const given = numberOf(
      node.arguments?.find((argument) => argument.name.value === pageArgument.name)?.value,
      variables,
    );
    const fallback = typeof pageArgument.defaultValue === 'number' ? pageArgument.defaultValue : DEFAULT_PAGE;
    return Math.max(1, given ?? fallback);
  }
  // `edges`/`nodes` of a connection: the page size was counted on the connection field.
  if (node.name.value === 'edges' || node.name.value === 'nodes') return 1;
  return isListType(getNullableType(field.type)) ? LIST_FACTOR : 1;
}

/**
 * Estimated work of an operation: each field costs 1, and a list multiplies what is selected under
 * it by its page size (`first` from the document or its variables; else the default page) or by
 * LIST_FACTOR. So `searchOrganizations(first: $n) { edges { node { children { … } } } }` costs about
 * n × 10 × (fields under children): the variables decide, not only the document's text.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  const memo = new Map<string, number>();
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return 0;

  const costOf = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, visiting: Set<string>): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
        const field = parent.getFields()[selection.name.value];
        if (!field) continue;
        const type = getNamedType(field.type);
        const inner =
          selection.selectionSet && isCompositeType(type) ? costOf(selection.selectionSet, type, visiting) : 0;
        total += 1 + multiplierOf(field, selection, variables) * inner;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) total += costOf(selection.selectionSet, type, visiting);
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || visiting.has(name)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (!type || !isCompositeType(type)) continue;
        const key = `${name}@${parent.name}`;
        let inner = memo.get(key);
        if (inner === undefined) {
          visiting.add(name);
          inner = costOf(fragment.selectionSet, type, visiting);
          visiting.delete(name);
          memo.set(key, inner);
        }
        total += inner;
      }
      if (total > CAP) return CAP;
    }
    return total;
  };
  return costOf(operation.selectionSet, root, new Set());
}

/** Refuses an operation whose estimated cost is over the limit, before any subgraph is called. */
export function costLimitPlugin(maxCost: number) {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({
          schema,
          document,
          operation,
          request,
        }: {
          schema: GraphQLSchema;
          document: DocumentNode;
          operation?: OperationDefinitionNode;
          request: { variables?: Record<string, unknown> };
        }) {
          if (!operation) return; // no such operationName: the gateway refuses it itself (400)
          const cost = operationCost(schema, document, operation, request.variables ?? {});
          if (cost > maxCost) {
            throw new GraphQLError(
              `Truy vấn đòi quá nhiều dữ liệu trong một lần (ước tính ${cost}; tối đa ${maxCost}). Hãy lấy ít bản ghi mỗi trang hơn hoặc bớt trường lồng nhau.`,
              {
                extensions: { code: 'BAD_USER_INPUT', cost, maxCost, http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}
