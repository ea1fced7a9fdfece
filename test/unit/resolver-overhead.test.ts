// Work the gateway and the subgraphs no longer repeat on every request: an operation's cost when its
// variables cannot change it, and type-graphql's wrapper around fields that only read a property.
import { cachedOperationCost, operationCost } from '@tdkt/gateway';
import { buildCampaignsSchema } from '@tdkt/campaigns';
import { committedSupergraph } from '@tdkt/scripts';
import { buildSchema, parse, type GraphQLObjectType, type OperationDefinitionNode } from 'graphql';
import { contractOperation } from '../support/operations';

const supergraph = buildSchema(committedSupergraph());
const parsed = (query: string) => {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  return { document, operation };
};

describe('operation cost kept per parsed operation', () => {
  it('works out again a cost that depends on the page size in the variables', () => {
    const { document, operation } = parsed(
      `query Nested($n: Int) { organizations(first: $n) { edges { node { code children { code name } } } } }`,
    );
    const small = cachedOperationCost(supergraph, document, operation, { n: 5 });
    const large = cachedOperationCost(supergraph, document, operation, { n: 100 });
    expect(small).toBe(operationCost(supergraph, document, operation, { n: 5 }));
    expect(large).toBe(operationCost(supergraph, document, operation, { n: 100 }));
    expect(large).toBeGreaterThan(small);
  });

  it("gives the board's cost, whatever bloc and year are asked", () => {
    const { document, operation } = parsed(contractOperation('BlocBoard'));
    const expected = operationCost(supergraph, document, operation, { code: 'A', year: 2024 });
    expect(cachedOperationCost(supergraph, document, operation, { code: 'A', year: 2024 })).toBe(expected);
    expect(cachedOperationCost(supergraph, document, operation, { code: 'B', year: 2025 })).toBe(expected);
  });
});

describe('plain fields of a subgraph', () => {
  it('are read by the default resolver, and fields with a resolver of their own keep it', async () => {
    const schema = await buildCampaignsSchema();
    const report = (schema.getType('ProgressReport') as GraphQLObjectType).getFields();
    expect(report['period']!.resolve).toBeUndefined();
    expect(report['value']!.resolve).toBeUndefined();
    expect(typeof report['item']!.resolve).toBe('function');
    expect(typeof report['organization']!.resolve).toBe('function');
  });
});
