/**
 * A generated corpus of hostile and malformed requests, sent over real HTTP to the gateway (and to
 * each subgraph directly), with bounded concurrency. Every answer must be a client error or a
 * masked GraphQL answer:
 *
 * - HTTP status below 500;
 * - a JSON body (or an empty 4xx, e.g. Node's own 400/431 for a malformed request line or headers);
 * - no stack trace, SQL text, internal URL (subgraph host:port, localhost, ECONNREFUSED) or file
 *   path, in the body or in a response header, once the strings the request itself carried are
 *   taken out (an officer's input may be quoted back to them);
 * - every error carries an `extensions.code` from the contract (UNAUTHENTICATED, FORBIDDEN,
 *   BAD_USER_INPUT, NOT_FOUND, CONFLICT, SERVICE_UNAVAILABLE) or the GraphQL/HTTP request codes
 *   (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_REQUEST, OPERATION_RESOLUTION_FAILURE,
 *   PERSISTED_QUERY_*, RATE_LIMITED). INTERNAL_SERVER_ERROR is not accepted: hostile input that
 *   reaches an unexpected failure is a defect even when the message is masked.
 *
 * After the corpus a normal contract query still answers correctly and the reference data is intact.
 *
 * Attack families (one module each under hostile/, composed in `buildCorpus`): injection strings in every string argument of every contract
 * operation, deep nesting, alias floods, huge lists, token floods, invalid JSON, content types,
 * HTTP methods and GET mutations, batching, huge and compressed bodies, NUL and control
 * characters, unicode oddities, forged tokens and Authorization schemes, validly signed tokens with
 * hostile claims, hostile headers, malformed HTTP on a raw socket, and direct calls to each subgraph.
 */
import { writeFileSync } from 'node:fs';
import type { GraphQLSchema } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { committedSupergraph } from '@tdkt/scripts';
import { CONTRACT_OPERATIONS } from '../support/operations';
import { createTestPerson, dataOf, startStack, visibleDataOf, type Stack } from '../support/stack';
import { addCharacterProbes } from './hostile/characters';
import { addCredentialProbes } from './hostile/credentials';
import { addDocumentShapeProbes } from './hostile/document-shape';
import { addEnvelopeProbes } from './hostile/envelope';
import { CONCURRENCY, problemsOf, requestOf, runAll, send } from './hostile/harness';
import { addInjectionProbes } from './hostile/injection';
import { createCorpus, gqlBody, json, type Outcome, type Probe } from './hostile/probes';
import { addRawHttpProbes } from './hostile/raw-http';
import { addSubgraphProbes } from './hostile/subgraphs';

jest.setTimeout(120_000);

/** Every attack family's probes, in a stable order (the report lists them in it). */
async function buildCorpus(stack: Stack, schema: GraphQLSchema, ids: { personId: string }): Promise<Probe[]> {
  const corpus = await createCorpus(stack, schema, ids);
  for (const add of [
    addInjectionProbes,
    addDocumentShapeProbes,
    addEnvelopeProbes,
    addCharacterProbes,
    addCredentialProbes,
    addRawHttpProbes,
    addSubgraphProbes,
  ]) {
    await add(corpus);
  }
  return corpus.probes;
}

let stack: Stack;
let schema: GraphQLSchema;
const ids = { personId: '' };

beforeAll(async () => {
  stack = await startStack();
  schema = Supergraph.build(committedSupergraph()).apiSchema().toGraphQLJSSchema();
  ids.personId = await createTestPerson(stack, 'Nguyễn Thị Kiểm Thử', 'BTP');
});
afterAll(() => stack?.stop());

describe('the hostile corpus', () => {
  let results: { probe: Probe; outcome?: Outcome; problems: string[] }[] = [];

  it('answers every hostile request with a masked client error, never a 5xx or a leak', async () => {
    const probes = await buildCorpus(stack, schema, ids);
    expect(probes.length).toBeGreaterThanOrEqual(500);
    const started = Date.now();
    results = await runAll(probes, CONCURRENCY, async (probe) => {
      try {
        const outcome = await send(stack, probe);
        return { probe, outcome, problems: problemsOf(stack, probe, outcome) };
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        return {
          probe,
          problems: [
            `request failed: ${(error as Error).message}${cause ? ` (${cause.code ?? ''} ${cause.message ?? ''})` : ''}`,
          ],
        };
      }
    });
    const elapsed = Date.now() - started;

    const byCategory = new Map<string, { count: number; failed: number; statuses: Map<number, number> }>();
    for (const { probe, outcome, problems } of results) {
      const family = probe.category.startsWith('subgraph:') ? probe.category : probe.category;
      const entry = byCategory.get(family) ?? { count: 0, failed: 0, statuses: new Map() };
      entry.count += 1;
      if (problems.length) entry.failed += 1;
      const status = outcome?.status ?? -1;
      entry.statuses.set(status, (entry.statuses.get(status) ?? 0) + 1);
      byCategory.set(family, entry);
    }
    const slowest = [...results]
      .filter((r) => r.outcome)
      .sort((a, b) => b.outcome!.ms - a.outcome!.ms)
      .slice(0, 8);
    console.log(
      [
        `hostile corpus: ${probes.length} requests in ${elapsed} ms, ${results.filter((r) => r.problems.length).length} with problems`,
        ...[...byCategory.entries()].map(
          ([category, { count, failed, statuses }]) =>
            `  ${category.padEnd(22)} ${String(count).padStart(5)}  failed ${String(failed).padStart(4)}  HTTP ${[
              ...statuses.entries(),
            ]
              .sort()
              .map(([s, n]) => `${s}×${n}`)
              .join(' ')}`,
        ),
        'slowest:',
        ...slowest.map((r) => `  ${r.outcome!.ms} ms  [${r.probe.category}] ${r.probe.label}`),
      ].join('\n'),
    );

    // TDKT_CORPUS_DUMP=file writes every probe with its answer (one JSON object a line) for review.
    const dump = process.env['TDKT_CORPUS_DUMP'];
    if (dump) {
      writeFileSync(
        dump,
        results
          .map(({ probe, outcome, problems }) =>
            json({
              category: probe.category,
              label: probe.label,
              status: outcome?.status,
              ms: outcome?.ms,
              problems,
              body: outcome?.text.slice(0, 300),
            }),
          )
          .join('\n'),
      );
    }
    const failing = results.filter((result) => result.problems.length);
    if (failing.length)
      console.log(
        `failing requests:\n${failing.map(({ probe, problems }) => `  [${probe.category}] ${probe.label} → ${problems.map((p) => p.slice(0, 100)).join(' + ')}`).join('\n')}`,
      );

    // Group failures by what went wrong, with the exact request of up to three examples each.
    const groups = new Map<string, string[]>();
    for (const { probe, problems } of failing) {
      const key = `[${probe.category}] ${problems.map((problem) => problem.replace(/…[\s\S]*…/, '…').slice(0, 140)).join(' + ')}`;
      const list = groups.get(key) ?? [];
      list.push(
        `${probe.label}\n      ${requestOf(probe)}${problems.some((p) => p.includes('leaked')) ? `\n      ${problems.join('\n      ')}` : ''}`,
      );
      groups.set(key, list);
    }
    const report = [...groups.entries()].map(
      ([key, examples]) => `${key}  (${examples.length}×)\n    e.g. ${examples.slice(0, 3).join('\n    e.g. ')}`,
    );
    expect(report).toEqual([]);
  });

  it('answers a fragment fan-out (each fragment spreads the next twice) in well under a second', async () => {
    // A 1.2 kB document of depth 1 without aliases: valid, and cheap to execute (graphql-js and the
    // query planner deduplicate repeated spreads). But the gateway's depth/alias rule
    // (gateway/src/limits.ts, measure()) walks every path through the fragments, 2^levels visits,
    // on the event loop: 20 levels ≈ 1–2 s, 22 levels ≈ 4–9 s, every further level doubles it (30 levels: tens of minutes), and
    // every other request waits meanwhile.
    const levels = 22;
    let document = '{ organization(code: "HN") { ...F0 } }\n';
    for (let i = 0; i < levels; i += 1) document += `fragment F${i} on Organization { ...F${i + 1} ...F${i + 1} }\n`;
    document += `fragment F${levels} on Organization { code }\n`;
    const started = Date.now();
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: gqlBody(document),
    });
    const elapsed = Date.now() - started;
    expect(response.status).toBeLessThan(500);
    expect(elapsed).toBeLessThan(1_000);
  });

  it('still answers the contract operations correctly afterwards, with the reference data intact', async () => {
    const tree = dataOf(await stack.gql(CONTRACT_OPERATIONS['OrganizationTree']!, { code: 'HN' }));
    expect(tree.organization).toMatchObject({ code: 'HN', name: 'Thành phố Hà Nội' });
    const board = visibleDataOf(
      await stack.gql(CONTRACT_OPERATIONS['BlocBoard']!, { code: 'NOI_CHINH_TW', year: 2024 }),
    );
    expect(board.bloc.code).toBe('NOI_CHINH_TW');
    expect(board.bloc.members).toHaveLength(8);
    expect(board.bloc.members.find((member: { role: string }) => member.role === 'LEAD').organization.code).toBe(
      'TANDTC',
    );
    const search = dataOf(await stack.gql(CONTRACT_OPERATIONS['SearchOrganizations']!, { search: 'ha noi', first: 5 }));
    expect(search.organizations.edges.map((edge: { node: { code: string } }) => edge.node.code)).toContain('HN');
    const catalog = dataOf(await stack.gql(CONTRACT_OPERATIONS['AwardCatalog']!));
    expect(catalog.awardTypes.map((type: { code: string }) => type.code)).toEqual(
      expect.arrayContaining(['LDTT', 'CSTD_TOAN_QUOC', 'ANH_HUNG_LAO_DONG']),
    );
    const ready = await fetch(new URL('/ready', stack.gatewayUrl));
    expect(ready.status).toBe(200);
  });
});
