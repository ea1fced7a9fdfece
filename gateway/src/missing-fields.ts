/**
 * Which fields of the client's answer a failed subgraph call leaves empty, as the paths of the
 * subgraph operation's fields: `["awardStatistics"]` for a root call, `["_entities", 3, "grants"]` for
 * an entity call. The gateway turns the `_entities` form into the client's own path
 * (`["bloc", "members", 3, "organization", "grants"]`), so that one error per missing field tells a
 * client exactly what is missing, as a resolver error would.
 */
import {
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

type Path = (string | number)[];

/** Response names of the fields a selection set asks for (through fragments), `__typename` aside. */
function responseNames(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  typename: string | null,
  into: Set<string>,
): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.alias?.value ?? selection.name.value;
      if (name !== '__typename') into.add(name);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition?.name.value;
      if (!on || typename === null || on === typename) responseNames(selection.selectionSet, fragments, typename, into);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment && (typename === null || fragment.typeCondition.name.value === typename))
        responseNames(fragment.selectionSet, fragments, typename, into);
    }
  }
  return into;
}

/** The fields a failed call to a subgraph leaves missing; empty when they cannot be told apart. */
export function missingFieldPaths(
  query: string | DocumentNode | undefined,
  variables: Record<string, unknown> | undefined,
): Path[] {
  if (!query) return [];
  let document: DocumentNode;
  try {
    document = typeof query === 'string' ? parse(query) : query;
  } catch {
    return [];
  }
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation || operation.operation === 'subscription') return [];
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const entities = operation.selectionSet.selections.find(
    (selection) => selection.kind === Kind.FIELD && selection.name.value === '_entities',
  );
  if (!entities || entities.kind !== Kind.FIELD || !entities.selectionSet) {
    return [...responseNames(operation.selectionSet, fragments, null, new Set())].map((name) => [name]);
  }
  const representations = variables?.['representations'];
  if (!Array.isArray(representations)) return [];
  const entitiesName = entities.alias?.value ?? '_entities';
  return representations.flatMap((representation, index) => {
    const typename = (representation as { __typename?: unknown } | null)?.__typename;
    const names = responseNames(
      entities.selectionSet!,
      fragments,
      typeof typename === 'string' ? typename : null,
      new Set(),
    );
    return [...names].map((name) => [entitiesName, index, name]);
  });
}
