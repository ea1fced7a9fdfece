/**
 * Ports a start can use. The gateway and the subgraphs call each other with `fetch` (undici), which
 * refuses the Fetch standard's "bad ports" (https://fetch.spec.whatwg.org/#port-blocking), as every
 * browser does for the dashboard: a service on such a port would start but never be reachable.
 */

/** The Fetch standard's list of bad ports, as Node's fetch applies it. */
export const FETCH_BAD_PORTS: ReadonlySet<number> = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
  111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
  540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
  6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

export interface PortSetting {
  /** The environment variable it comes from, e.g. `GATEWAY_PORT`. */
  name: string;
  port: number;
  /** Called with `fetch` (the gateway and the subgraphs); PostgreSQL's port is not. */
  http: boolean;
}

/**
 * The problems of a set of ports, one readable line each (empty when they are fine): not a TCP port,
 * a port `fetch` refuses, or one port given to two services.
 */
export function portProblems(settings: readonly PortSetting[]): string[] {
  const problems: string[] = [];
  const owners = new Map<number, string>();
  for (const { name, port, http } of settings) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      problems.push(`${name}=${port} is not a TCP port (1–65535)`);
      continue;
    }
    if (http && FETCH_BAD_PORTS.has(port)) {
      problems.push(
        `${name}=${port} is a port that fetch and browsers refuse to connect to (the Fetch standard's "bad ports"); choose another`,
      );
    }
    const owner = owners.get(port);
    if (owner) problems.push(`${name}=${port} is the port of ${owner} too`);
    else owners.set(port, name);
  }
  return problems;
}
