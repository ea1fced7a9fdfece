/**
 * Tokens already verified, by their exact text, until they expire: a client sends the same bearer
 * token with every request, and one internal token reaches several subgraphs (and their peers) within
 * a request, so a signature is checked once instead of on every call. Bounded (least recently used
 * first out); only successes are kept, so a refused token is checked again each time. The gateway's
 * signer keeps the internal tokens it hands out again in one too.
 */
export class VerifiedTokenCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();
  constructor(private readonly maxEntries = 1000) {}

  get(token: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    this.entries.delete(token);
    if (entry.until <= now) return undefined;
    this.entries.set(token, entry); // most recently used last
    return entry.value;
  }

  set(token: string, value: T, until: number, now = Date.now()): void {
    if (until <= now || this.maxEntries <= 0) return;
    this.entries.delete(token);
    this.entries.set(token, { value, until });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(token: string): void {
    this.entries.delete(token);
  }

  get size(): number {
    return this.entries.size;
  }
}
