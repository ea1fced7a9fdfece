/**
 * npm run import -- FILE.xlsx [--commit] [--gateway URL] [--role ROLE --org CODE]
 *
 * A data migration from officers' spreadsheets of past awards, through the running platform: the file
 * goes to the gateway's POST /files/import/grants (the same checks, parser and verdicts as the dashboard's
 * upload), every row's verdict is printed, and with --commit the file is imported by the GraphQL mutation
 * commitGrantImport (all rows or none; a file already imported changes nothing). The caller is a
 * development token signed with the local keys (CENTRAL_BOARD unless --role/--org say otherwise), or
 * TDKT_TOKEN when set. Exit code: 0 imported (or ready, without --commit), 1 refused, 2 usage.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GATEWAY_DEFAULT_PORT } from '@tdkt/platform';
import { isRole, issueCallerToken, loadOrCreateDevKeys } from '@tdkt/identity';
import { printCommit, printPreview, type Preview } from './report.js';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return undefined;
  const value = process.argv[index + 1];
  return value && !value.startsWith('--') ? value : '';
}

const USAGE = 'Cách dùng: npm run import -- TỆP.xlsx [--commit] [--gateway URL] [--role VAI_TRÒ --org MÃ_ĐƠN_VỊ]\n';

async function tokenFor(): Promise<string> {
  if (process.env['TDKT_TOKEN']) return process.env['TDKT_TOKEN'];
  const role = argument('role') || 'CENTRAL_BOARD';
  if (!isRole(role)) throw new Error(`Vai trò không hợp lệ: ${role}.`);
  const dataDir = process.env['TDKT_DATA_DIR'] ?? path.resolve(__dirname, '..', '..', '..', '.data');
  const keys = await loadOrCreateDevKeys(process.env['DEV_KEYS_DIR'] ?? path.join(dataDir, 'dev-keys'));
  const org = argument('org');
  return issueCallerToken(keys.privateJwk, {
    role,
    org: org ? org.toUpperCase() : null,
    subject: 'import-cli',
    expiresIn: '1h',
  });
}

async function main(): Promise<number> {
  const file = process.argv
    .slice(2)
    .find((arg, i, all) => !arg.startsWith('--') && !all[i - 1]?.match(/^--(gateway|role|org)$/));
  if (!file) {
    process.stderr.write(USAGE);
    return 2;
  }
  const gateway =
    argument('gateway') ||
    process.env['TDKT_GATEWAY_URL'] ||
    `http://localhost:${process.env['GATEWAY_PORT'] ?? GATEWAY_DEFAULT_PORT}`;
  const token = await tokenFor();
  const upload = await fetch(new URL(`/files/import/grants?name=${encodeURIComponent(path.basename(file))}`, gateway), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
    body: new Uint8Array(readFileSync(file)),
  });
  const body = (await upload.json()) as Preview & { errors?: { message: string }[] };
  if (!upload.ok) {
    process.stderr.write(`${body.errors?.[0]?.message ?? `HTTP ${upload.status}`}\n`);
    return 1;
  }
  printPreview(body, process.stdout);
  if (body.status === 'REFUSED') return 1;
  if (!process.argv.includes('--commit') || body.status === 'COMMITTED') return 0;
  const commit = await fetch(new URL('/graphql', gateway), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation($sha: String!) { commitGrantImport(fileSha256: $sha) {
        alreadyCommitted committedAt result { imported skipped errors { row message } skippedRows { row message } flagged { row message } } } }`,
      variables: { sha: body.fileSha256 },
    }),
  });
  const answer = (await commit.json()) as {
    data?: { commitGrantImport: Parameters<typeof printCommit>[0] };
    errors?: { message: string }[];
  };
  if (!answer.data) {
    process.stderr.write(`${answer.errors?.[0]?.message ?? `HTTP ${commit.status}`}\n`);
    return 1;
  }
  printCommit(answer.data.commitGrantImport, process.stdout);
  return answer.data.commitGrantImport.result.errors.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
