/**
 * What a cached public answer depends on, and what a mutation may change, read from the supergraph.
 *
 * A subgraph's answers depend on its own database and on what it reads from the subgraphs it calls
 * (the platform manifest's `calls`: a subgraph is given the URLs of those peers only), live or
 * through a copy (awards keeps a copy of the organization tree). A mutation runs in the subgraph
 * whose schema defines it and writes that subgraph's database only. So an answer that selected any
 * field a subgraph S may resolve (its `@join__field`, or the type's `@join__type` for fields without
 * one, which every graph defining the type resolves) depends on S and on everything S calls,
 * transitively; a mutation of S changes the answers that depend on S. This holds for every mutation,
 * including ones added later, without a table to keep up to date. A mutation whose subgraph cannot be
 * read from the supergraph (none today) changes everything.
 *
 * Which subgraphs a query selected from is read from its query plan (the gateway's planner on the same
 * supergraph), not from every subgraph that could resolve a field: a `@shareable` field (an
 * organization's name, which campaigns answers from its copy) is fetched from one of them, and an
 * answer does not depend on the others. A document the planner cannot plan falls back to every
 * subgraph that may resolve each selected field.
 */
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type SubscriptionNode } from '@apollo/query-planner';
import {
  Kind,
  buildASTSchema,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  parse,
  type DirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type TypeDefinitionNode,
} from 'graphql';

/**
 * Subgraphs that read another through a copy brought up to date after the write, not live: awards
 * keeps the organization tree (organizationTreeChanges, at most AWARDS_TREE_CHECK_MS late) and
 * campaigns the units' codes and names (the same log, at most CAMPAIGNS_ORG_CHECK_MS late). A new
 * copy belongs here, else answers built on it may be kept stale for up to the cache's TTL.
 */
export const COPIES: Record<string, readonly string[]> = { awards: ['organizations'], campaigns: ['organizations'] };

/** Subgraph names of an answer's dependencies; `ALL` when one of them cannot be told. */
export const ALL = '*';
export type Dependencies = ReadonlySet<string>;

export interface SupergraphDependencies {
  /** The subgraphs whose writes may change the answer of this operation (closed over `calls`). */
  ofQuery(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): Dependencies;
  /** The subgraphs a mutation operation may write (its root fields' subgraphs); `ALL` if unknown. */
  writtenBy(document: DocumentNode, operation: OperationDefinitionNode): Dependencies;
  /** The subgraphs whose answers may change when `written` changes (itself and those that read it). */
  readersOf(written: string): readonly string[];
  /** Of those, the ones that may see the write late, through a copy (`COPIES`). */
  laggingReadersOf(written: string): readonly string[];
  subgraphs: readonly string[];
}

function graphArgument(directive: DirectiveNode): string | null {
  const graph = directive.arguments?.find((argument) => argument.name.value === 'graph')?.value;
  return graph?.kind === Kind.ENUM ? graph.value : null;
}

function graphsOf(directives: readonly DirectiveNode[] | undefined, name: string): string[] {
  return (directives ?? [])
    .filter((directive) => directive.name.value === name)
    .map(graphArgument)
    .filter((graph): graph is string => graph !== null);
}

/**
 * @param supergraphSdl the committed supergraph (join__ directives).
 * @param calls for each subgraph (manifest name), the subgraphs it calls.
 */
export function supergraphDependencies(
  supergraphSdl: string,
  calls: Record<string, readonly string[]>,
): SupergraphDependencies {
  const ast = parse(supergraphSdl);
  // The join__Graph enum value (ORGANIZATIONS) → the subgraph's name (organizations).
  const graphNames = new Map<string, string>();
  for (const definition of ast.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const name = value.directives
        ?.find((directive) => directive.name.value === 'join__graph')
        ?.arguments?.find((argument) => argument.name.value === 'name')?.value;
      if (name?.kind === Kind.STRING) graphNames.set(value.name.value, name.value);
    }
  }
  const toNames = (graphs: string[]) => graphs.map((graph) => graphNames.get(graph) ?? ALL);

  // type → field → the subgraphs that may resolve it.
  const owners = new Map<string, Map<string, string[]>>();
  for (const definition of ast.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const typeGraphs = toNames(graphsOf((definition as TypeDefinitionNode).directives, 'join__type'));
    const fields = new Map<string, string[]>();
    for (const field of (definition.fields ?? []) as readonly FieldDefinitionNode[]) {
      const fieldDirectives = (field.directives ?? []).filter((directive) => directive.name.value === 'join__field');
      // A @join__field without a graph (or an external one) says nothing about who resolves it: be broad.
      const resolving = fieldDirectives
        .filter((directive) => {
          const external = directive.arguments?.find((argument) => argument.name.value === 'external')?.value;
          return !(external?.kind === Kind.BOOLEAN && external.value);
        })
        .map(graphArgument);
      const names =
        fieldDirectives.length === 0
          ? typeGraphs
          : resolving.some((graph) => graph === null)
            ? [...typeGraphs, ALL]
            : toNames(resolving as string[]);
      fields.set(field.name.value, names.length ? names : [ALL]);
    }
    owners.set(definition.name.value, fields);
  }
  // Check that the SDL builds as a schema (directive definitions included), so a broken one fails at start.
  buildASTSchema(ast, { assumeValidSDL: true });

  const subgraphs = Object.keys(calls);
  // Who depends on whom: S depends on S and, transitively, on what it calls.
  const closure = new Map<string, Set<string>>();
  for (const subgraph of subgraphs) {
    const reached = new Set<string>([subgraph]);
    const queue = [subgraph];
    while (queue.length) {
      for (const peer of calls[queue.pop()!] ?? []) {
        if (!reached.has(peer)) {
          reached.add(peer);
          queue.push(peer);
        }
      }
    }
    closure.set(subgraph, reached);
  }
  const readers = new Map<string, string[]>(
    subgraphs.map((written) => [written, subgraphs.filter((reader) => closure.get(reader)!.has(written))]),
  );
  // A reader lags when it reaches (itself or through its calls) a subgraph that copies the written one.
  const lagging = new Map<string, string[]>(
    subgraphs.map((written) => [
      written,
      subgraphs.filter((reader) =>
        [...closure.get(reader)!].some((reached) => (COPIES[reached] ?? []).includes(written)),
      ),
    ]),
  );

  const close = (direct: Set<string>): Dependencies => {
    if (direct.has(ALL)) return new Set([ALL]);
    const all = new Set<string>();
    for (const subgraph of direct) {
      const reached = closure.get(subgraph);
      if (!reached) return new Set([ALL]); // a graph the manifest does not know
      for (const dependency of reached) all.add(dependency);
    }
    return all;
  };

  const fragmentsOf = (document: DocumentNode) =>
    new Map(
      document.definitions
        .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
        .map((fragment) => [fragment.name.value, fragment]),
    );

  const memo = new WeakMap<OperationDefinitionNode, Dependencies>();

  let planning: { planner: QueryPlanner; supergraph: Supergraph } | null = null;
  /** The subgraphs the query plan fetches from; null when it cannot be planned here. */
  const plannedSubgraphs = (document: DocumentNode, operation: OperationDefinitionNode): Set<string> | null => {
    try {
      if (!planning) {
        const supergraph = Supergraph.build(supergraphSdl);
        planning = { supergraph, planner: new QueryPlanner(supergraph) };
      }
      const planned = operationFromDocument(planning.supergraph.apiSchema(), document, {
        operationName: operation.name?.value,
      });
      const fetched = new Set<string>();
      const visit = (node: PlanNode | SubscriptionNode | undefined): void => {
        if (!node) return;
        switch (node.kind) {
          case 'Fetch':
            fetched.add(node.serviceName);
            return;
          case 'Flatten':
            return visit(node.node);
          case 'Sequence':
          case 'Parallel':
            return node.nodes.forEach(visit);
          case 'Condition':
            visit(node.ifClause);
            return visit(node.elseClause);
          case 'Defer':
            visit(node.primary.node);
            return node.deferred.forEach((deferred) => visit(deferred.node));
          case 'Subscription':
            visit(node.primary);
            return visit(node.rest);
        }
      };
      visit(planning.planner.buildQueryPlan(planned).node);
      return fetched;
    } catch {
      return null;
    }
  };

  return {
    subgraphs,
    readersOf: (written) => readers.get(written) ?? subgraphs,
    laggingReadersOf: (written) => lagging.get(written) ?? subgraphs,
    ofQuery(schema, document, operation) {
      const known = memo.get(operation);
      if (known) return known;
      const planned = plannedSubgraphs(document, operation);
      if (planned) {
        const dependencies = planned.size ? close(planned) : new Set<string>();
        memo.set(operation, dependencies);
        return dependencies;
      }
      const fragments = fragmentsOf(document);
      const direct = new Set<string>();
      const visiting = new Set<string>();
      const walk = (typeName: string, selectionSet: SelectionSetNode) => {
        for (const selection of selectionSet.selections) {
          if (selection.kind === Kind.FIELD) {
            const name = selection.name.value;
            if (name.startsWith('__')) continue; // __typename and introspection: the schema, not the data
            const resolving = owners.get(typeName)?.get(name);
            for (const subgraph of resolving ?? [ALL]) direct.add(subgraph);
            if (!selection.selectionSet) continue;
            const parent = schema.getType(typeName);
            const field =
              parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
            const named = field ? getNamedType(field.type) : undefined;
            if (!named || !isCompositeType(named)) {
              direct.add(ALL);
              continue;
            }
            walkComposite(named.name, selection.selectionSet);
          } else if (selection.kind === Kind.INLINE_FRAGMENT) {
            walkComposite(selection.typeCondition?.name.value ?? typeName, selection.selectionSet);
          } else {
            const fragment = fragments.get(selection.name.value);
            if (!fragment) {
              direct.add(ALL);
              continue;
            }
            if (visiting.has(fragment.name.value)) continue;
            visiting.add(fragment.name.value);
            walkComposite(fragment.typeCondition.name.value, fragment.selectionSet);
            visiting.delete(fragment.name.value);
          }
        }
      };
      // An abstract type's selections may land on any of its possible types: walk each of them.
      const walkComposite = (typeName: string, selectionSet: SelectionSetNode) => {
        const type = schema.getType(typeName);
        if (type && isAbstractType(type)) {
          const possible = schema.getPossibleTypes(type);
          if (owners.has(typeName)) walk(typeName, selectionSet);
          for (const object of possible) walk(object.name, selectionSet);
          return;
        }
        walk(typeName, selectionSet);
      };
      const root = schema.getRootType(operation.operation);
      if (!root) return new Set([ALL]);
      walk(root.name, operation.selectionSet);
      const dependencies = close(direct);
      memo.set(operation, dependencies);
      return dependencies;
    },
    writtenBy(document, operation) {
      const fragments = fragmentsOf(document);
      const direct = new Set<string>();
      const collect = (selectionSet: SelectionSetNode) => {
        for (const selection of selectionSet.selections) {
          if (selection.kind === Kind.FIELD) {
            if (selection.name.value.startsWith('__')) continue;
            for (const subgraph of owners.get('Mutation')?.get(selection.name.value) ?? [ALL]) direct.add(subgraph);
          } else if (selection.kind === Kind.INLINE_FRAGMENT) {
            collect(selection.selectionSet);
          } else {
            const fragment = fragments.get(selection.name.value);
            if (fragment) collect(fragment.selectionSet);
            else direct.add(ALL);
          }
        }
      };
      collect(operation.selectionSet);
      if ([...direct].some((subgraph) => subgraph !== ALL && !closure.has(subgraph))) return new Set([ALL]);
      return direct;
    },
  };
}
