/** Connections to the target databases, and the settings the client tools get for them. */
import pg from 'pg';
import { BackupError } from './format.js';

/** host:port/database of a URL, without user or password (for messages and the manifest). */
export function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

/** Which database a URL points at: targets with the same key share one snapshot and one restore transaction. */
function databaseKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${decodeURIComponent(parsed.pathname)}`;
}

export function groupByDatabase<T extends { url: string }>(items: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = databaseKey(item.url);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()];
}

/** The URL without its password, and the password for PGPASSWORD (never on a command line). */
export function libpq(url: string, application: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env, PGAPPNAME: application, PGCONNECT_TIMEOUT: '10' };
  if (password) env['PGPASSWORD'] = password;
  else delete env['PGPASSWORD'];
  return { dbname: parsed.toString(), env };
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 10_000,
    application_name: 'tdkt-backup',
  });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new BackupError(`Cannot connect to ${describeUrl(url)}: ${(error as Error).message}`);
  }
  return client;
}

export async function serverVersion(client: pg.Client): Promise<{ version: string; num: number; major: number }> {
  const num = Number(
    (await client.query<{ server_version_num: string }>('SHOW server_version_num')).rows[0]!.server_version_num,
  );
  const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version.split(
    ' ',
  )[0]!;
  return { version, num, major: Math.floor(num / 10_000) };
}
