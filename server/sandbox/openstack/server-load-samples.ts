import type { ScenarioFlavor, ScenarioLoadCurve, ScenarioServer, ScenarioServerLoad } from "../scenario";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** The daily rhythm and schedules follow Moscow wall-clock time (UTC+3, no DST), like the demo company's users. */
const MOSCOW_OFFSET_MS = 3 * HOUR_MS;
/** The finest samples the sandbox's Gnocchi keeps; coarser granularities average them. */
export const FINE_GRANULARITY_MS = 5 * MINUTE_MS;

/** The metrics Ceilometer files under each instance that the sandbox serves. */
export type SandboxMetric = "cpu_util" | "cpu_average" | "memory.usage";
export const SANDBOX_METRICS: readonly SandboxMetric[] = ["cpu_util", "cpu_average", "memory.usage"];

/** FNV-1a: a 32-bit seed from a server id. */
function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

/** A uniform number in [0, 1) from a seed and two integers (murmur3's finalizer): stateless, so any sample can be asked alone. */
function hash01(seed: number, a: number, b: number): number {
  let h = seed ^ Math.imul(a | 0, 0x9e3779b1) ^ Math.imul(b | 0, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4_294_967_296;
}

/** A modest, varied load for servers a scenario does not describe: 8–35 % CPU, 35–70 % memory. */
export function defaultLoad(serverId: string): ScenarioServerLoad {
  const seed = seedOf(serverId);
  return {
    cpu: { base: 8 + Math.round(hash01(seed, 1, 0) * 27), daily: 4 + Math.round(hash01(seed, 2, 0) * 8), weekend: 0.7, noise: 3 },
    ram: { base: 35 + Math.round(hash01(seed, 3, 0) * 35), daily: 2, noise: 1 },
  };
}

/** Whether the server runs at this instant: created, not shut off, and inside its schedule. */
function running(server: ScenarioServer, load: ScenarioServerLoad, atMs: number): boolean {
  if (atMs < Date.parse(server.createdAt)) return false;
  if (server.status !== "ACTIVE") return false;
  const schedule = load.schedule;
  if (!schedule) return true;
  const wall = new Date(atMs + MOSCOW_OFFSET_MS);
  const isoWeekday = ((wall.getUTCDay() + 6) % 7) + 1;
  const hour = wall.getUTCHours();
  return schedule.weekdays.includes(isoWeekday) && hour >= schedule.fromHour && hour < schedule.toHour;
}

/** The curve's percent for the 5-minute sample starting at `atMs`, rounded to 0.01 like Gnocchi's floats read. */
function curvePercent(curve: ScenarioLoadCurve, seed: number, channel: number, atMs: number): number {
  const wall = new Date(atMs + MOSCOW_OFFSET_MS);
  const hourOfDay = wall.getUTCHours() + wall.getUTCMinutes() / 60;
  const weekend = wall.getUTCDay() === 0 || wall.getUTCDay() === 6;
  const rhythm = (curve.daily ?? 0) * Math.cos((2 * Math.PI * (hourOfDay - 14)) / 24);
  let level = (curve.base + rhythm) * (weekend ? (curve.weekend ?? 1) : 1);
  // One draw per hour shared by CPU and memory: a CI job loads both at once.
  const hourIndex = Math.floor(atMs / HOUR_MS);
  if (curve.bursts && hash01(seed, 101, hourIndex) < curve.bursts.chance) level = curve.bursts.level;
  const sample = Math.floor(atMs / FINE_GRANULARITY_MS);
  level += (hash01(seed, channel * 7 + 2, sample) * 2 - 1) * (curve.noise ?? 1);
  return Math.round(Math.min(100, Math.max(0.05, level)) * 100) / 100;
}

export interface LoadSource {
  server: ScenarioServer;
  flavor: ScenarioFlavor | undefined;
}

/**
 * 5-minute samples of one metric over [fromMs, toMs) (aligned to 5 minutes), only where the server ran:
 * `cpu_util` in percent, `memory.usage` in MB of the flavor's RAM, and `cpu_average` as Ceilometer publishes it —
 * a cumulative CPU time in ns per vCPU, whose rate per second ÷ 10⁷ is the same percent. The counter starts at an
 * arbitrary point for every window (rates are what clients read).
 */
export function fineSamples(source: LoadSource, metric: SandboxMetric, fromMs: number, toMs: number): [number, number][] {
  const { server, flavor } = source;
  const load = server.load ?? defaultLoad(server.id);
  const seed = seedOf(server.id);
  const samples: [number, number][] = [];
  let counter = 1e15 + hash01(seed, 9, 0) * 1e14;
  const first = Math.ceil(fromMs / FINE_GRANULARITY_MS) * FINE_GRANULARITY_MS;
  for (let at = first; at < toMs; at += FINE_GRANULARITY_MS) {
    if (!running(server, load, at)) continue;
    if (metric === "memory.usage") {
      const ramMb = flavor?.ramMb ?? 1024;
      samples.push([at, Math.round((curvePercent(load.ram, seed, 2, at) / 100) * ramMb * 100) / 100]);
      continue;
    }
    const percent = curvePercent(load.cpu, seed, 1, at);
    if (metric === "cpu_util") samples.push([at, percent]);
    else {
      counter += percent * 1e7 * (FINE_GRANULARITY_MS / 1000);
      samples.push([at, counter]);
    }
  }
  return samples;
}

/** Samples at a coarser granularity: the mean of the 5-minute samples in each interval that has any. */
export function coarseSamples(fine: [number, number][], granularityMs: number, metric: SandboxMetric): [number, number][] {
  const buckets = new Map<number, { sum: number; count: number; last: number }>();
  for (const [at, value] of fine) {
    const bucket = Math.floor(at / granularityMs) * granularityMs;
    const entry = buckets.get(bucket) ?? { sum: 0, count: 0, last: value };
    entry.sum += value;
    entry.count += 1;
    entry.last = value;
    buckets.set(bucket, entry);
  }
  // A counter's coarse "mean" is still a counter reading: keep the interval's last one so rates stay meaningful.
  return [...buckets.entries()].sort(([a], [b]) => a - b).map(([at, entry]) => [at, metric === "cpu_average" ? entry.last : Math.round((entry.sum / entry.count) * 100) / 100]);
}
