/**
 * What a public answer depends on and what a mutation writes, read from the committed supergraph and
 * the platform manifest: every mutation of every subgraph has a subgraph (none would empty the whole
 * cache), every contract query depends on known subgraphs only, and a write reaches exactly the
 * subgraphs that read the written one.
 */
import { ALL_SUBGRAPHS, supergraphDependencies } from '@tdkt/gateway';
import { SUBGRAPHS } from '@tdkt/platform';
import { committedSupergraph } from '@tdkt/scripts';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { CONTRACT_OPERATIONS } from '../support/operations';

const sdl = committedSupergraph();
const schema = buildSchema(sdl);
const dependencies = supergraphDependencies(
  sdl,
  Object.fromEntries(SUBGRAPHS.map((subgraph) => [subgraph.name, subgraph.calls])),
);
const operationOf = (text: string) => {
  const document = parse(text);
  return { document, operation: document.definitions[0] as OperationDefinitionNode };
};
const sorted = (set: ReadonlySet<string>) => [...set].sort();

it('knows the subgraph of every mutation in the supergraph', () => {
  const mutations = Object.keys(schema.getMutationType()!.getFields());
  expect(mutations.length).toBeGreaterThan(30);
  for (const name of mutations) {
    const { document, operation } = operationOf(`mutation { ${name} { __typename } }`);
    const written = sorted(dependencies.writtenBy(document, operation));
    expect([name, written.length, written.every((subgraph) => dependencies.subgraphs.includes(subgraph))]).toEqual([
      name,
      1,
      true,
    ]);
  }
  const { document, operation } = operationOf(`mutation { signPledge(input: {}) { pledge { id } } }`);
  expect(sorted(dependencies.writtenBy(document, operation))).toEqual(['campaigns']);
});

it('reads every contract query’s dependencies from the subgraphs it selects and what they call', () => {
  for (const [name, text] of Object.entries(CONTRACT_OPERATIONS)) {
    const { document, operation } = operationOf(text);
    if (operation.operation !== 'query') continue;
    expect([name, dependencies.ofQuery(schema, document, operation).has(ALL_SUBGRAPHS)]).toEqual([name, false]);
  }
  const board = operationOf(CONTRACT_OPERATIONS['BlocBoard']!);
  expect(sorted(dependencies.ofQuery(schema, board.document, board.operation))).toEqual([
    'awards',
    'campaigns',
    'organizations',
  ]);
  const unit = operationOf(`query { organization(code: "HN") { name predecessors { code } } }`);
  expect(sorted(dependencies.ofQuery(schema, unit.document, unit.operation))).toEqual(['organizations']);
  // campaigns asks organizations about membership: a pledge's answer depends on both.
  const pledge = operationOf(`query($id: ID!) { pledge(id: $id) { status } }`);
  expect(sorted(dependencies.ofQuery(schema, pledge.document, pledge.operation))).toEqual([
    'campaigns',
    'organizations',
  ]);
});

it('sends a write to the subgraphs that read the written one, late only through a copy', () => {
  expect(dependencies.readersOf('organizations')).toEqual(['organizations', 'campaigns', 'awards']);
  expect(dependencies.readersOf('campaigns')).toEqual(['campaigns', 'awards']);
  expect(dependencies.readersOf('awards')).toEqual(['awards']);
  expect(dependencies.laggingReadersOf('organizations')).toEqual(['campaigns', 'awards']);
  expect(dependencies.laggingReadersOf('campaigns')).toEqual([]);
});
