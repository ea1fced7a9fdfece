/** What the committed supergraph says: the mutations (with their owning subgraph) and the field descriptions. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type ObjectTypeDefinitionNode, type StringValueNode } from 'graphql';

const document = parse(readFileSync(path.join(__dirname, '..', '..', '..', 'schema', 'supergraph.graphql'), 'utf8'));

const objectTypes = document.definitions.filter(
  (definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION,
);

/** Every Mutation field and the subgraph that resolves it (`@join__field(graph: AWARDS)` → `awards`). */
export function supergraphMutations(): { name: string; subgraph: string }[] {
  const mutation = objectTypes.find((type) => type.name.value === 'Mutation');
  if (!mutation) throw new Error('schema/supergraph.graphql has no Mutation type');
  return (mutation.fields ?? []).map((field) => {
    const join = field.directives?.find((directive) => directive.name.value === 'join__field');
    const graph = join?.arguments?.find((argument) => argument.name.value === 'graph')?.value;
    if (!graph || graph.kind !== Kind.ENUM) throw new Error(`Mutation.${field.name.value} has no @join__field(graph:)`);
    return { name: field.name.value, subgraph: graph.value.toLowerCase() };
  });
}

/** Every `Type.field` of the supergraph with its description. */
export function supergraphFields(): { name: string; description: string }[] {
  return objectTypes.flatMap((type) =>
    (type.fields ?? []).map((field) => ({
      name: `${type.name.value}.${field.name.value}`,
      description: (field.description as StringValueNode | undefined)?.value ?? '',
    })),
  );
}
