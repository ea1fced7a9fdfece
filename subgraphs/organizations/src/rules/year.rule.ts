import { badInput } from '@tdkt/subgraph-kit';

/** Emulation and commendation records start with the Republic (1945); nothing is planned beyond next year. */
export function requireYear(year: number, field: string, now: Date = new Date()): number {
  const latest = now.getUTCFullYear() + 1;
  if (!Number.isInteger(year) || year < 1945 || year > latest) {
    throw badInput(`Năm ${year} không hợp lệ: phải từ 1945 đến ${latest}.`, { field });
  }
  return year;
}
