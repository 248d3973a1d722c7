/**
 * parseDay checks the calendar by arithmetic (it runs for every date of
 * every document on each check); a Date read back is the oracle it must agree with.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatDay, parseDay } from '../../server/src/engine/dates';

/** The date as Date.UTC reads it, when reading it back gives the same year, month and day. */
function byDateRoundTrip(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date.getTime() / 86_400_000 : undefined;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

describe('parseDay', () => {
  it('accepts exactly the calendar dates a Date read back accepts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (year, month, day) => {
        const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
        assert.equal(parseDay(text), byDateRoundTrip(text), text);
      }),
      { numRuns: 20_000 },
    );
  });

  it('knows the leap years of the Gregorian calendar, and refuses years below 100', () => {
    assert.equal(formatDay(parseDay('2024-02-29')!), '2024-02-29');
    assert.equal(formatDay(parseDay('2000-02-29')!), '2000-02-29');
    assert.equal(parseDay('2100-02-29'), undefined);
    assert.equal(parseDay('2025-02-29'), undefined);
    assert.equal(parseDay('2026-04-31'), undefined);
    assert.equal(parseDay('0050-01-01'), undefined);
  });
});
