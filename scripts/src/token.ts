/**
 * npm run --silent token -- --role ROLE [--org CODE] [--sub SUBJECT] [--expires 12h]
 * Prints a development bearer token (and nothing else) that the locally running gateway accepts.
 */
import path from 'node:path';
import { ROLES, isRole, issueCallerToken, loadOrCreateDevKeys } from '@tdkt/identity';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return undefined;
  const value = process.argv[index + 1];
  return value && !value.startsWith('--') ? value : '';
}

async function main(): Promise<void> {
  const role = argument('role');
  const org = argument('org');
  if (!isRole(role)) {
    process.stderr.write(
      `Usage: npm run --silent token -- --role ${ROLES.join('|')} [--org CODE] [--sub SUBJECT] [--expires 12h]\n`,
    );
    process.exit(2);
  }
  if (role !== 'CENTRAL_BOARD' && !org) {
    process.stderr.write(`The role ${role} needs --org CODE (the caller's organization, e.g. --org BTP).\n`);
    process.exit(2);
  }
  const dataDir = process.env['TDKT_DATA_DIR'] ?? path.resolve(__dirname, '..', '..', '.data');
  const keys = await loadOrCreateDevKeys(process.env['DEV_KEYS_DIR'] ?? path.join(dataDir, 'dev-keys'));
  const token = await issueCallerToken(keys.privateJwk, {
    role,
    org: org ? org.toUpperCase() : null,
    subject: argument('sub') || undefined,
    expiresIn: argument('expires') || '12h',
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
