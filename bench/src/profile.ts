/**
 * `--cpu-prof`: each platform process writes a V8 CPU profile when it stops; this sums the self time
 * by package (graphql, @apollo/…, typeorm, pg, express, our own code, node internals, GC) and by
 * function, so the report says where each process spent its CPU.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProcessProfile {
  process: string;
  file: string;
  totalMs: number;
  byPackage: { name: string; ms: number; share: number }[];
  topFunctions: { name: string; ms: number; share: number }[];
}

function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const ours = /\/(gateway|subgraphs\/[a-z-]+|packages\/[a-z-]+)\/dist\//.exec(url);
  return ours ? `@tdkt ${ours[1]}` : url;
}

function summarize(file: string, processName: string): ProcessProfile {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  for (let index = 0; index < profile.samples.length; index += 1) {
    const id = profile.samples[index]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  }
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') continue;
    total += us;
    const name = packageOf(frame.url, frame.functionName);
    packages.set(name, (packages.get(name) ?? 0) + us);
    const where = frame.url ? `${path.basename(frame.url)}:${frame.lineNumber + 1}` : '';
    const fn = `${frame.functionName || '(anonymous)'} ${where} [${name}]`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const top = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: Math.round((us / total) * 1000) / 10 }));
  return {
    process: processName,
    file,
    totalMs: Math.round(total / 1000),
    byPackage: top(packages, 12),
    topFunctions: top(functions, 15),
  };
}

/** Profiles in `dir`, named after the process whose pid wrote them. */
export function summarizeProfiles(dir: string, pids: Record<string, number>): ProcessProfile[] {
  const names = new Map(Object.entries(pids).map(([name, pid]) => [pid, name]));
  const found: ProcessProfile[] = [];
  for (const entry of readdirSync(dir)) {
    if (!entry.endsWith('.cpuprofile')) continue;
    const pid = Number(entry.split('.')[3]);
    const name = names.get(pid);
    if (name) found.push(summarize(path.join(dir, entry), name));
  }
  return found;
}

export function renderProfiles(profiles: ProcessProfile[]): string {
  const lines = ['## CPU profiles (self time over the whole run)', ''];
  for (const profile of profiles) {
    lines.push(`### ${profile.process}: ${profile.totalMs} ms on CPU`, '');
    lines.push(`By package: ${profile.byPackage.map((entry) => `${entry.name} ${entry.share} %`).join(', ')}`, '');
    lines.push('| function | ms | share |', '| --- | ---: | ---: |');
    for (const entry of profile.topFunctions)
      lines.push(`| \`${entry.name.replace(/\|/g, '\\|')}\` | ${entry.ms} | ${entry.share} % |`);
    lines.push('');
  }
  return lines.join('\n');
}
