/**
 * Calendar dates and review intervals. Dates are plain `YYYY-MM-DD` days with
 * no time zone: a review done "on 2026-03-01" is due on the same calendar day
 * wherever the CI runner happens to be.
 */

/** Days since 1970-01-01. */
export type Day = number;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function parseDay(text: string): Day | undefined {
  const match = DATE_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Checked by arithmetic, not by a Date read back: every document's dates are read on every
  // check, and the Date round trip was a measurable part of it. Years below 100 stay
  // refused, as Date.UTC takes them for 1900 + year.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function formatDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Today in the local calendar of the machine, for when no `--today` is given. */
export function localToday(now = new Date()): Day {
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / MS_PER_DAY;
}

/**
 * Reads a common non-ISO spelling of a date (`2026/3/1`, `2026.03.01`,
 * `2026-3-1`) so a quick fix can offer the ISO form. Undefined when the
 * text is not obviously a date.
 */
export function guessDay(text: string): Day | undefined {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  if (!match) return undefined;
  return parseDay(`${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`);
}

export interface Duration {
  readonly amount: number;
  readonly unit: 'd' | 'w' | 'm' | 'y';
}

const DURATION_PATTERN = /^(\d+)\s*([dwmy])$/;

/** Parses `90d`, `2w`, `6m`, `1y`. Zero and negative durations are rejected. */
export function parseDuration(text: string): Duration | undefined {
  const match = DURATION_PATTERN.exec(text.trim().toLowerCase());
  if (!match) return undefined;
  const amount = Number(match[1]);
  if (!Number.isSafeInteger(amount) || amount <= 0) return undefined;
  return { amount, unit: match[2] as Duration['unit'] };
}

export function formatDuration(duration: Duration): string {
  return `${duration.amount}${duration.unit}`;
}

/** Adds a duration; months and years are calendar months, clamped to the month's last day. */
export function addDuration(day: Day, duration: Duration): Day {
  switch (duration.unit) {
    case 'd':
      return day + duration.amount;
    case 'w':
      return day + duration.amount * 7;
    case 'm':
    case 'y': {
      const months = duration.unit === 'y' ? duration.amount * 12 : duration.amount;
      const date = new Date(day * MS_PER_DAY);
      const targetMonth = date.getUTCMonth() + months;
      const year = date.getUTCFullYear() + Math.floor(targetMonth / 12);
      const month = ((targetMonth % 12) + 12) % 12;
      const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
      return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) / MS_PER_DAY;
    }
  }
}
