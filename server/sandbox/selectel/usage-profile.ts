import type { ScenarioUsageProfile } from "../scenario";
import { HOUR_MS, moscowWallClock } from "./moscow-time";

const DAY_MS = 24 * HOUR_MS;

/** An hour's usage factor in thousandths (1000 = as declared): integers keep every sum exact. */
export type HourFactor = (hourStartMs: number) => number;

/**
 * Compiles a profile once per sandbox into a function of the hour's start. Factors are rounded to 0.001 so
 * the charge is integer maths from there on (see hourCharge).
 */
export function compileUsageProfile(profile: ScenarioUsageProfile): HourFactor {
  const weekdays = profile.weekdays;
  if (weekdays && weekdays.length !== 7) throw new Error(`A usage profile needs 7 weekday factors, got ${weekdays.length}`);
  const trend = profile.trend ? { anchor: Date.parse(profile.trend.anchor), perDay: profile.trend.perDay } : null;
  const schedule = profile.schedule ? { weekdays: new Set(profile.schedule.weekdays), from: profile.schedule.fromHour, to: profile.schedule.toHour } : null;
  const spikes = (profile.spikes ?? []).map((spike) => ({ from: Date.parse(spike.from), until: Date.parse(spike.until), factor: spike.factor }));
  for (const value of [trend?.anchor, ...spikes.flatMap((spike) => [spike.from, spike.until])]) {
    if (Number.isNaN(value)) throw new Error("A usage profile has an invalid ISO instant");
  }

  return (hourStartMs) => {
    const wall = moscowWallClock(hourStartMs);
    // getUTCDay: 0 = Sunday; the profile counts from Monday.
    const weekday = (wall.getUTCDay() + 6) % 7;
    if (schedule) {
      const hour = wall.getUTCHours();
      if (!schedule.weekdays.has(weekday + 1) || hour < schedule.from || hour >= schedule.to) return 0;
    }
    let factor = weekdays ? weekdays[weekday]! : 1;
    if (trend) factor *= Math.max(0, 1 + (trend.perDay * (hourStartMs - trend.anchor)) / DAY_MS);
    for (const spike of spikes) if (hourStartMs >= spike.from && hourStartMs < spike.until) factor *= spike.factor;
    return Math.max(0, Math.round(factor * 1000));
  };
}

/** round-half-up(kopecksPerHour × permille / 1000), exactly, for non-negative integers. */
export function hourCharge(kopecksPerHour: number, permille: number): number {
  return Math.floor((kopecksPerHour * permille + 500) / 1000);
}

/** The quantity consumed in an hour at this factor (scaled decimal, see decimal-quantity.ts). */
export function hourQuantity(quantityPerHour: bigint, permille: number): bigint {
  return (quantityPerHour * BigInt(permille)) / 1000n;
}
