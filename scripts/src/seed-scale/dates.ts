/** Day arithmetic for generated dates: days since 2010-01-01, with the ISO strings cached. */

const EPOCH = Date.UTC(2010, 0, 1);
const DAY = 86_400_000;
const CACHE: string[] = [];

export function day(year: number, month: number, date: number): number {
  return Math.round((Date.UTC(year, month - 1, date) - EPOCH) / DAY);
}

export function dayOfIso(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - EPOCH) / DAY);
}

export function iso(dayNumber: number): string {
  let value = CACHE[dayNumber];
  if (value === undefined) {
    value = new Date(EPOCH + dayNumber * DAY).toISOString().slice(0, 10);
    CACHE[dayNumber] = value;
  }
  return value;
}

/** A timestamp in Vietnam's time zone, as COPY reads it. */
export function stamp(dayNumber: number, minutesOfDay: number): string {
  const hours = Math.floor(minutesOfDay / 60) % 24;
  const minutes = minutesOfDay % 60;
  return `${iso(dayNumber)} ${hours < 10 ? '0' : ''}${hours}:${minutes < 10 ? '0' : ''}${minutes}:00+07`;
}
