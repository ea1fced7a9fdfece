/** What a hostile probe is, what came back, and the corpus the attack families add their probes to. */
import type { GraphQLSchema } from 'graphql';
import type { Stack, SubgraphName } from '../../support/stack';

type Target = 'gateway' | SubgraphName;

export interface Probe {
  category: string;
  label: string;
  target: Target;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** A raw HTTP/1.1 request written to a socket (for what fetch refuses to send). */
  raw?: Buffer;
  /** Strings the request carried, which an answer may quote back (stripped before leak checks). */
  echoes?: string[];
  /** Query string of a GET (starting with `?`). */
  query?: string;
  /** A raw request whose connection may close without an answer (e.g. a body shorter than announced). */
  allowNoAnswer?: boolean;
  /** Behind the trust boundary (the gateway's own credential): only status and leaks are checked. */
  trusted?: boolean;
  /** Extra expectation on the HTTP status. */
  status?: (status: number) => boolean;
  statusText?: string;
}

export interface Outcome {
  status: number;
  contentType: string;
  headers: Record<string, string>;
  text: string;
  ms: number;
}

export function json(value: unknown): string {
  return JSON.stringify(value);
}

export function gqlBody(query: string, variables?: Record<string, unknown>, operationName?: string): string {
  return json({ query, ...(variables ? { variables } : {}), ...(operationName ? { operationName } : {}) });
}

export const ORG_QUERY = '{ organization(code: "HN") { code name } }';

export function nest(field: string, depth: number, leaf = 'code'): string {
  return `${`${field} { `.repeat(depth)}${leaf}${' }'.repeat(depth)}`;
}

/** A long Vietnamese string (10,000 × Đ): past every length limit, multi-byte in UTF-8. */
export const LONG = 'Đ'.repeat(10_000);

let uniqueCounter = 0;
/** A fresh number for codes and decision numbers that must not collide between probes. */
export function uniqueNumber(): number {
  uniqueCounter += 1;
  return uniqueCounter;
}

/** The probes built so far, and what every attack family needs to build more. */
export interface Corpus {
  stack: Stack;
  schema: GraphQLSchema;
  ids: { personId: string };
  /** Tokens of a Central Board member and of an officer of BTP. */
  central: string;
  officer: string;
  probes: Probe[];
  /** A POST to the gateway's /graphql. */
  post(
    category: string,
    label: string,
    body: string | Buffer,
    headers?: Record<string, string>,
    extra?: Partial<Probe>,
  ): void;
  /** A GraphQL document POSTed to the gateway. */
  gql(
    category: string,
    label: string,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
    extra?: Partial<Probe>,
  ): void;
}

export async function createCorpus(stack: Stack, schema: GraphQLSchema, ids: { personId: string }): Promise<Corpus> {
  const probes: Probe[] = [];
  const central = await stack.token('CENTRAL_BOARD');
  const officer = await stack.token('ORG_OFFICER', 'BTP');
  const post = (
    category: string,
    label: string,
    body: string | Buffer,
    headers: Record<string, string> = {},
    extra: Partial<Probe> = {},
  ): void => {
    probes.push({
      category,
      label,
      target: 'gateway',
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      ...extra,
    });
  };
  const gql = (
    category: string,
    label: string,
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
    extra: Partial<Probe> = {},
  ): void => post(category, label, gqlBody(query, variables), headers, extra);
  return { stack, schema, ids, central, officer, probes, post, gql };
}
