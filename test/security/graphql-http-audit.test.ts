/**
 * The GraphQL-over-HTTP audit of `graphql-http` (serverAudits) run against the gateway.
 * Explanations filled in after the first run.
 */
import { serverAudits, type AuditResult } from 'graphql-http';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

it('passes every MUST audit', async () => {
  const results: AuditResult[] = [];
  for (const audit of serverAudits({ url: () => stack.gatewayUrl })) results.push(await audit.fn());
  const lines: string[] = [];
  for (const result of results) {
    if (result.status === 'ok') { lines.push(`ok     ${result.id} ${result.name}`); continue; }
    const body = await result.response.clone().text().catch(() => '');
    lines.push(`${result.status.padEnd(6)} ${result.id} ${result.name}\n         reason: ${result.reason}\n         HTTP ${result.response.status} ${result.response.headers.get('content-type')} ${body.slice(0, 300)}`);
  }
  console.log(lines.join('\n'));
});
