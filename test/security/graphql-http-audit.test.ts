/**
 * The GraphQL-over-HTTP conformance audit of `graphql-http` (serverAudits, 1.23.1) run against the
 * gateway over real HTTP. Every MUST audit has to pass. The audits that do not pass are all SHOULD
 * (status `warn`) or MAY (status `notice`) and are deliberate; each is listed here with its reason,
 * and the second test fails when the set changes, so a new deviation gets explained (or fixed):
 *
 * WARN (SHOULD):
 * - 572B "SHOULD use 200 status code on document parsing failure when accepting application/json"
 * - FDE2 "SHOULD use 200 status code on document validation failure when accepting application/json"
 *   (its document, `{`-less garbage, actually fails at parsing: GRAPHQL_PARSE_FAILED)
 * - 7B9B "SHOULD use a status code of 200 on variable coercion failure when accepting application/json"
 *   (its document declares a variable it never uses, a validation failure: GRAPHQL_VALIDATION_FAILED)
 *   All three are Apollo Server's choice: a request that cannot execute at all is answered HTTP 400
 *   whatever the Accept header says. The spec's 200 for `application/json` is the legacy
 *   ("watershed") behaviour kept for old clients; for `application/graphql-response+json` the same
 *   audits (865D/556A/51FE/74FF/86EE) want 4xx and pass. A 400 is the more useful answer for load
 *   balancers, logs and `outcome=client_error`, and clients read `errors[].extensions.code` anyway.
 *
 * NOTICE (MAY):
 * - 5A70 "MAY accept application/x-www-form-urlencoded formatted GET requests"
 * - D6D5 / 6A70 "MAY allow URL-encoded JSON string {variables} parameter in GETs …"
 *   GET is served, but Apollo's CSRF prevention (`csrfPrevention: true`) refuses a GET (or a
 *   "simple" POST: text/plain, form data, no content type) that carries neither a non-simple
 *   Content-Type nor an `apollo-require-preflight` / `x-apollo-operation-name` header, so a
 *   browser on another origin cannot make a logged-in user's browser run an operation. The
 *   audit's GETs send no such header and get 400. With the header, GET queries work and GET
 *   mutations are refused with 405 (checked in hostile-corpus.test.ts).
 *
 * Other deliberate choices the audit touches and passes: batching is off (a JSON array is 400),
 * automatic persisted queries are off (PERSISTED_QUERY_NOT_SUPPORTED), bodies over 100 kB are 413.
 */
import { serverAudits, type AuditResult } from 'graphql-http';
import { startStack, type Stack } from '../support/stack';

/** Audits that are expected not to pass, by id, with the status they get. */
const EXPLAINED: Record<string, 'warn' | 'notice'> = {
  '572B': 'warn',
  FDE2: 'warn',
  '7B9B': 'warn',
  '5A70': 'notice',
  D6D5: 'notice',
  '6A70': 'notice',
};

let stack: Stack;
const results: AuditResult[] = [];

beforeAll(async () => {
  stack = await startStack();
  // One audit at a time: each is a single small request, and the order keeps the printout stable.
  for (const audit of serverAudits({ url: () => stack.gatewayUrl })) results.push(await audit.fn());
  const lines: string[] = [];
  for (const result of results) {
    if (result.status === 'ok') continue;
    const body = await result.response
      .clone()
      .text()
      .catch(() => '');
    lines.push(
      `${result.status.toUpperCase().padEnd(6)} ${result.id} ${result.name}\n       ${result.reason}; got HTTP ${result.response.status}: ${body.slice(0, 160)}`,
    );
  }
  console.log(
    `graphql-http audit: ${results.length} audits, ${results.filter((r) => r.status === 'ok').length} ok\n${lines.join('\n')}`,
  );
});
afterAll(() => stack?.stop());

it('passes every MUST audit of the GraphQL-over-HTTP spec', () => {
  expect(results.length).toBeGreaterThan(50);
  const failedMusts = results.filter(
    (result) => result.status === 'error' || (result.name.startsWith('MUST') && result.status !== 'ok'),
  );
  expect(failedMusts.map((result) => `${result.id} ${result.name}: ${(result as { reason?: string }).reason}`)).toEqual(
    [],
  );
});

it('deviates from SHOULD and MAY audits only where the header comment explains why', () => {
  const deviations = Object.fromEntries(
    results.filter((result) => result.status !== 'ok').map((result) => [result.id, result.status]),
  );
  expect(deviations).toEqual(EXPLAINED);
});
