/**
 * Writing and reading the backup file: a minimal ustar writer and reader (no dependency; names are
 * short and flat), and the checks a backup file passes before anything is restored from it.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BackupError, checkSchemaName, type Manifest } from './format.js';

const BLOCK = 512;

function tarHeader(name: string, size: number, mtime: number): Buffer {
  const header = Buffer.alloc(BLOCK);
  const put = (value: string, offset: number, length: number) => header.write(value, offset, length, 'utf8');
  const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, '0') + '\0';
  if (Buffer.byteLength(name) > 100) throw new BackupError(`Name too long for the tar file: ${name}`);
  if (size >= 8 ** 11) throw new BackupError(`${name} is larger than 8 GiB, which this tar writer does not support`);
  put(name, 0, 100);
  put(octal(0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(Math.floor(mtime / 1000), 12), 136, 12);
  put('        ', 148, 8);
  put('0', 156, 1);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  put('tdkt', 265, 32);
  put('tdkt', 297, 32);
  let sum = 0;
  for (const byte of header) sum += byte;
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return header;
}

export function writeTar(file: string, members: { name: string; path: string }[]): void {
  const out = openSync(file, 'w', 0o600);
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    for (const member of members) {
      const { size } = statSync(member.path);
      writeSync(out, tarHeader(member.name, size, Date.now()));
      const input = openSync(member.path, 'r');
      try {
        let copied = 0;
        for (let read; (read = readSync(input, buffer, 0, buffer.length, null)) > 0; copied += read)
          writeSync(out, buffer, 0, read);
        if (copied !== size) throw new BackupError(`${member.path} changed while it was being archived`);
      } finally {
        closeSync(input);
      }
      const padding = (BLOCK - (size % BLOCK)) % BLOCK;
      if (padding) writeSync(out, Buffer.alloc(padding));
    }
    writeSync(out, Buffer.alloc(BLOCK * 2));
  } finally {
    closeSync(out);
  }
}

/** Extracts the tar file's members into `dir`; throws on anything that is not a well-formed tar of flat names. */
function readTar(file: string, dir: string): string[] {
  const input = openSync(file, 'r');
  const names: string[] = [];
  try {
    const header = Buffer.alloc(BLOCK);
    const buffer = Buffer.alloc(1024 * 1024);
    let offset = 0;
    for (;;) {
      const read = readSync(input, header, 0, BLOCK, offset);
      if (read === 0 && names.length) break; // no end-of-archive blocks: tolerated if members were read
      if (read !== BLOCK)
        throw new BackupError(`${file} is truncated or not a backup file (no complete tar header at byte ${offset})`);
      if (header.every((byte) => byte === 0)) break;
      const stored = parseInt(header.toString('latin1', 148, 156).replace(/\0.*$/, '').trim(), 8);
      let sum = 0;
      for (let index = 0; index < BLOCK; index += 1) sum += index >= 148 && index < 156 ? 32 : header[index]!;
      if (header.toString('latin1', 257, 262) !== 'ustar' || stored !== sum) {
        throw new BackupError(`${file} is corrupted or not a backup file (bad tar header at byte ${offset})`);
      }
      const name = header.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const size = parseInt(header.toString('latin1', 124, 136).replace(/\0.*$/, '').trim(), 8);
      if (!/^[\w.+-]+$/.test(name) || name.startsWith('.') || !Number.isFinite(size))
        throw new BackupError(`${file} holds an unexpected member "${name}"`);
      offset += BLOCK;
      const out = openSync(path.join(dir, name), 'w', 0o600);
      try {
        let remaining = size;
        while (remaining > 0) {
          const chunk = readSync(input, buffer, 0, Math.min(buffer.length, remaining), offset);
          if (chunk === 0) throw new BackupError(`${file} is truncated (${name} ends early)`);
          writeSync(out, buffer, 0, chunk);
          remaining -= chunk;
          offset += chunk;
        }
      } finally {
        closeSync(out);
      }
      offset += (BLOCK - (size % BLOCK)) % BLOCK;
      names.push(name);
    }
  } finally {
    closeSync(input);
  }
  return names;
}

export function sha256Of(file: string): string {
  const hash = createHash('sha256');
  const input = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    for (let read; (read = readSync(input, buffer, 0, buffer.length, null)) > 0;) hash.update(buffer.subarray(0, read));
  } finally {
    closeSync(input);
  }
  return hash.digest('hex');
}

/** Extracts and checks a backup file: the tar structure, the manifest, and each dump's size and SHA-256. */
export function openBackup(file: string): { manifest: Manifest; dir: string; dispose(): void } {
  const resolved = path.resolve(file);
  if (!existsSync(resolved)) throw new BackupError(`Backup file not found: ${resolved}`);
  if (!statSync(resolved).isFile()) throw new BackupError(`Not a file: ${resolved}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'tdkt-restore-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    const names = readTar(resolved, dir);
    if (!names.includes('manifest.json')) throw new BackupError(`${resolved} has no manifest.json: not a tdkt backup`);
    let manifest: Manifest;
    try {
      manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    } catch (error) {
      throw new BackupError(`${resolved}: manifest.json is not valid JSON (${(error as Error).message})`);
    }
    if (manifest.format !== 'tdkt-backup' || manifest.formatVersion !== 1 || !Array.isArray(manifest.entries)) {
      throw new BackupError(
        `${resolved}: not a tdkt backup manifest (format ${String(manifest.format)} version ${String(manifest.formatVersion)})`,
      );
    }
    for (const entry of manifest.entries) {
      checkSchemaName(entry.schema);
      const dump = path.join(dir, entry.file);
      if (!names.includes(entry.file) || !existsSync(dump))
        throw new BackupError(`${resolved} is incomplete: ${entry.file} is missing`);
      if (statSync(dump).size !== entry.bytes || sha256Of(dump) !== entry.sha256) {
        throw new BackupError(
          `${resolved} is corrupted: ${entry.file} does not match the SHA-256 recorded in its manifest`,
        );
      }
    }
    return { manifest, dir, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
