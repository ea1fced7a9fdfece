/**
 * The cost limit: an operation's estimated work, computed before any subgraph is called. Each field
 * costs 1, a list multiplies what is selected under it, and fields whose resolution scans much more
 * than they return (statistical forms over a ledger, summaries over every bloc, searches, subtree
 * scans, the schema itself) carry a weight, so that a request's cost tracks its work: thirty aliases
 * of a nationwide statistical form must not pass as "thirty small fields".
 */
import {
  GraphQLError,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isIntrospectionType,
  isListType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** Page size assumed for a paginated field called without `first` (the subgraphs' DEFAULT_PAGE_SIZE). */
const DEFAULT_PAGE = 20;
/** Items assumed in a list field that has no page-size argument (members of a bloc, items of a pledge…). */
const LIST_FACTOR = 10;
const PAGE_ARGUMENTS = ['first', 'last', 'limit'];
const CAP = 1_000_000;

/**
 * Work of a field beyond the value it returns, by `Type.field`, on top of its cost of 1 and of what is
 * selected under it. A statistical form or the award statistics aggregate the award (or movement)
 * ledger of a whole subtree, or of the whole country when no unit is given; a bloc pledge summary
 * aggregates every bloc's pledge, members and progress; the tree's changes and descendant ids scan the
 * organisation tree. A limit of 25,000 then admits about a dozen statistical forms in one request.
 */
export const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  'Query.statisticalForm0601': 2000,
  'Query.statisticalForm0602': 2000,
  'Query.statisticalForm0603': 2000,
  'Query.awardStatistics': 1000,
  'Query.blocPledgeSummaries': 500,
  'Query.organizationTreeChanges': 200,
  'Organization.descendantIds': 200,
};

/** A text search (unaccented trigram match over a whole table), wherever a non-empty `search` is given. */
export const SEARCH_WEIGHT = 200;

/**
 * Introspection answers from the gateway's memory, but `__schema` serialises the whole schema (some
 * hundreds of kilobytes): it costs like a fifth of the limit, so one standard introspection query
 * passes outside production and a handful of aliased copies do not. Lists inside introspection are
 * counted once: the weight stands for the schema's size.
 */
const INTROSPECTION_WEIGHTS: Readonly<Record<string, number>> = { __schema: 5000, __type: 50 };

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

/** A non-empty search text: `search:` as an argument, or in an input object (literal or variable). */
function searches(node: FieldNode, variables: Record<string, unknown>): boolean {
  const given = (value: ValueNode | undefined): boolean => {
    if (!value) return false;
    if (value.kind === Kind.STRING) return value.value.trim() !== '';
    if (value.kind === Kind.VARIABLE) {
      const text = variables[value.name.value];
      return typeof text === 'string' && text.trim() !== '';
    }
    return false;
  };
  for (const argument of node.arguments ?? []) {
    if (argument.name.value === 'search' && given(argument.value)) return true;
    const value = argument.value;
    if (value.kind === Kind.OBJECT && given(value.fields.find((field) => field.name.value === 'search')?.value))
      return true;
    if (value.kind === Kind.VARIABLE) {
      const input = variables[value.name.value] as { search?: unknown } | null | undefined;
      if (input && typeof input === 'object' && typeof input.search === 'string' && input.search.trim() !== '')
        return true;
    }
  }
  return false;
}

/**
 * Estimated work of an operation: each field costs 1 plus its weight, and a list multiplies what is
 * selected under it by its page size (`first` from the document or its variables; else the default
 * page) or by LIST_FACTOR. So `searchOrganizations(first: $n) { edges { node { children { … } } } }`
 * costs about n × 10 × (fields under children): the variables decide, not only the document's text.
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

  const fieldOf = (parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined => {
    if (parent === root && name === '__schema') return SchemaMetaFieldDef;
    if (parent === root && name === '__type') return TypeMetaFieldDef;
    return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  };

  const costOf = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, visiting: Set<string>): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const field = fieldOf(parent, name);
        if (!field) {
          if (name === '__typename') total += 1;
          continue;
        }
        const type = getNamedType(field.type);
        const inner =
          selection.selectionSet && isCompositeType(type) ? costOf(selection.selectionSet, type, visiting) : 0;
        const weight =
          (INTROSPECTION_WEIGHTS[name] ?? FIELD_WEIGHTS[`${parent.name}.${name}`] ?? 0) +
          (searches(selection, variables) ? SEARCH_WEIGHT : 0);
        const multiplier = isIntrospectionType(type) ? 1 : multiplierOf(field, selection, variables);
        total += 1 + weight + multiplier * inner;
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

/**
 * The costs of operations whose cost reads no variable (no `first` or `search` given by a variable),
 * by schema and by operation node: the gateway parses a document once and hands the same nodes to
 * every request sending it, so BlocBoard's cost is worked out once, not on every request.
 */
const fixedCosts = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, number>>();

/** `operationCost`, remembered for an operation whose cost does not depend on its variables. */
export function cachedOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  let known = fixedCosts.get(schema);
  if (!known) fixedCosts.set(schema, (known = new WeakMap()));
  const cached = known.get(operation);
  if (cached !== undefined) return cached;
  let readVariables = false;
  const watched = new Proxy(variables, {
    get(target, name) {
      readVariables = true;
      return Reflect.get(target, name);
    },
  });
  const cost = operationCost(schema, document, operation, watched);
  if (!readVariables) known.set(operation, cost);
  return cost;
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
          const cost = cachedOperationCost(schema, document, operation, request.variables ?? {});
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
