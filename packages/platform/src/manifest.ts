/**
 * The platform manifest: the one list of subgraphs. The gateway's routing, schema composition,
 * `npm start`, backups, the bulk loader, the benchmark and the test stacks all read it; adding a
 * subgraph is one entry here plus its package under subgraphs/ (which exports `definition`).
 */

export interface SubgraphEntry {
  /** The subgraph's name in the supergraph (lower case), and the prefix of its settings. */
  readonly name: string;
  /** The workspace package; it exports `definition` (a SubgraphDefinition of @tdkt/subgraph-kit). */
  readonly package: string;
  /** Its port on a developer machine (`<NAME>_PORT` overrides). */
  readonly defaultPort: number;
  /** The PostgreSQL schema it owns, in its own database or in a shared DATABASE_URL. */
  readonly databaseSchema: string;
  /** Its database in the embedded cluster. */
  readonly database: string;
  /** The subgraphs it calls on behalf of the caller (their URLs are passed to it). */
  readonly calls: readonly string[];
}

export const SUBGRAPHS: readonly SubgraphEntry[] = Object.freeze([
  {
    name: 'organizations',
    package: '@tdkt/organizations',
    defaultPort: 4001,
    databaseSchema: 'organizations',
    database: 'tdkt_organizations',
    calls: [],
  },
  {
    name: 'campaigns',
    package: '@tdkt/campaigns',
    defaultPort: 4002,
    databaseSchema: 'campaigns',
    database: 'tdkt_campaigns',
    calls: ['organizations'],
  },
  {
    name: 'awards',
    package: '@tdkt/awards',
    defaultPort: 4003,
    databaseSchema: 'awards',
    database: 'tdkt_awards',
    calls: ['organizations', 'campaigns'],
  },
]);

export const SUBGRAPH_NAMES: readonly string[] = SUBGRAPHS.map((subgraph) => subgraph.name);

export const GATEWAY_DEFAULT_PORT = 4000;

export function subgraphEntry(name: string): SubgraphEntry {
  const entry = SUBGRAPHS.find((subgraph) => subgraph.name === name);
  if (!entry) throw new Error(`Unknown subgraph "${name}" (the manifest lists ${SUBGRAPH_NAMES.join(', ')})`);
  return entry;
}

/** The names of a subgraph's settings: `AWARDS_PORT`, `AWARDS_URL`, `AWARDS_DATABASE_URL`, `AWARDS_TIMEOUT_MS`. */
export function settingName(name: string, setting: 'PORT' | 'URL' | 'DATABASE_URL' | 'TIMEOUT_MS'): string {
  return `${name.toUpperCase()}_${setting}`;
}

export function subgraphPort(entry: SubgraphEntry, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[settingName(entry.name, 'PORT')];
  return raw ? Number(raw) : entry.defaultPort;
}

/** Where a subgraph answers: `<NAME>_URL`, else loopback on its port. */
export function subgraphUrl(entry: SubgraphEntry, env: NodeJS.ProcessEnv = process.env): string {
  return env[settingName(entry.name, 'URL')] ?? `http://127.0.0.1:${subgraphPort(entry, env)}/graphql`;
}

/** Every subgraph's URL, by name. */
export function subgraphUrls(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(SUBGRAPHS.map((entry) => [entry.name, subgraphUrl(entry, env)]));
}
