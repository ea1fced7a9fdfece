/** The contract's named operations (test/contract/operations.graphql), by name. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, print, type OperationDefinitionNode } from 'graphql';

const document = parse(readFileSync(path.join(__dirname, '..', 'contract', 'operations.graphql'), 'utf8'));

export const CONTRACT_OPERATIONS: Record<string, string> = Object.fromEntries(
  document.definitions
    .filter(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === 'OperationDefinition' && !!definition.name,
    )
    .map((definition) => [definition.name!.value, print(definition)]),
);

export function contractOperation(name: string): string {
  const operation = CONTRACT_OPERATIONS[name];
  if (!operation) throw new Error(`No contract operation named ${name}`);
  return operation;
}
