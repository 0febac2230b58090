/** The critical-path model described at the top of selectel-sync.bench.ts, and the process sampler it reads. */
import { performance } from "node:perf_hooks";
import { epochNow, type AnnotatedCall, type CallKind } from "./sandbox-process";

/** RSS every 20 ms and the event loop's cumulative busy time every 5 ms, from start() to stop(). */
export class ProcessSampler {
  peakRss = 0;
  private readonly busy: { at: number; activeMs: number }[] = [];
  private timers: NodeJS.Timeout[] = [];

  start(): void {
    const sampleRss = () => (this.peakRss = Math.max(this.peakRss, process.memoryUsage.rss()));
    const sampleBusy = () => this.busy.push({ at: epochNow(), activeMs: performance.eventLoopUtilization().active });
    sampleRss();
    sampleBusy();
    this.timers = [setInterval(sampleRss, 20), setInterval(sampleBusy, 5)];
  }

  stop(): void {
    this.timers.forEach(clearInterval);
    this.busy.push({ at: epochNow(), activeMs: performance.eventLoopUtilization().active });
    this.peakRss = Math.max(this.peakRss, process.memoryUsage.rss());
  }

  /** Main-thread busy milliseconds within [from, to], each sample interval's busy time spread evenly over it. */
  busyWithin(from: number, to: number): number {
    let total = 0;
    for (let index = 1; index < this.busy.length; index++) {
      const previous = this.busy[index - 1]!;
      const sample = this.busy[index]!;
      const overlap = Math.min(to, sample.at) - Math.max(from, previous.at);
      if (overlap > 0) total += ((sample.activeMs - previous.activeMs) * overlap) / (sample.at - previous.at);
    }
    return total;
  }
}


export interface Span {
  label: string;
  wallMs: number;
  busyMs: number;
}

export interface Chain {
  lengthMs: number;
  calls: AnnotatedCall[];
}

export interface Bound {
  boundMs: number;
  pathBoundMs: number;
  chain: AnnotatedCall[];
  /** LP1 and LP3: the longest chains of the billing and inventory phases. */
  chains: { billing: Chain; inventory: Chain };
  spans: { start: Span; billingCalls: Span; barrier: Span; inventoryCalls: Span; end: Span };
  /** Modelled dependencies the run did not respect (a dependent started before its dependency ended): 0 when the model holds. */
  violations: number;
}

const INVENTORY_KINDS = new Set<CallKind>(["project-token", "inventory", "flavor"]);
export const durationOf = (call: AnnotatedCall) => call.finishedAt - call.startedAt;

/** The data dependencies between calls described at the top of the file (the billing → inventory edge aside). */
function dependencies(calls: AnnotatedCall[]): Map<number, AnnotatedCall[]> {
  const byIndex = new Map(calls.map((call) => [call.index, call]));
  const upstream = new Map<number, AnnotatedCall[]>(calls.map((call) => [call.index, []]));
  const edge = (from: AnnotatedCall, to: AnnotatedCall) => upstream.get(to.index)!.push(from);
  for (const call of calls) {
    const minter = call.tokenFrom === null ? undefined : byIndex.get(call.tokenFrom);
    if (minter) edge(minter, call);
  }
  // Pagination chains: the calls of one list (path and token) in start order; a page with a marker follows the one before.
  const lists = new Map<string, AnnotatedCall[]>();
  for (const call of calls) {
    if (call.kind !== "inventory" || call.method !== "GET") continue;
    const key = `${call.path}|${call.tokenFrom}`;
    lists.set(key, [...(lists.get(key) ?? []), call]);
  }
  for (const pages of lists.values()) {
    pages.sort((a, b) => a.startedAt - b.startedAt);
    pages.forEach((page, index) => index > 0 && page.marker && edge(pages[index - 1]!, page));
  }
  for (const flavor of calls.filter((call) => call.kind === "flavor")) {
    const serverPages = lists.get(`${flavor.path.replace(/\/flavors\/[^/]+$/, "")}/servers/detail|${flavor.tokenFrom}`) ?? [];
    const lastPage = serverPages.filter((page) => page.finishedAt <= flavor.startedAt).at(-1);
    if (lastPage) edge(lastPage, flavor);
  }
  return upstream;
}

/** Longest weighted chain through `calls` (edges from outside them ignored), ending at a call accepted by `endsAt`. */
function longestChain(calls: AnnotatedCall[], upstream: Map<number, AnnotatedCall[]>, endsAt: (call: AnnotatedCall) => boolean = () => true): Chain & { violations: number } {
  const best = new Map<number, { lengthMs: number; previous: AnnotatedCall | null }>();
  let violations = 0;
  // Start order is a topological order: a dependency ends before its dependent starts (violations are counted).
  for (const call of [...calls].sort((a, b) => a.startedAt - b.startedAt)) {
    let chosen = { lengthMs: durationOf(call), previous: null as AnnotatedCall | null };
    for (const from of upstream.get(call.index) ?? []) {
      const before = best.get(from.index);
      if (!before) continue;
      if (from.finishedAt > call.startedAt + 1) violations += 1;
      if (before.lengthMs + durationOf(call) > chosen.lengthMs) chosen = { lengthMs: before.lengthMs + durationOf(call), previous: from };
    }
    best.set(call.index, chosen);
  }
  let end: AnnotatedCall | null = null;
  for (const call of calls) if (endsAt(call) && (!end || best.get(call.index)!.lengthMs > best.get(end.index)!.lengthMs)) end = call;
  const chain: AnnotatedCall[] = [];
  for (let call = end; call; call = best.get(call.index)!.previous) chain.unshift(call);
  return { lengthMs: end ? best.get(end.index)!.lengthMs : 0, calls: chain, violations };
}

/** The model described at the top of the file. */
export function criticalPathBound(calls: AnnotatedCall[], run: { startedAt: number; finishedAt: number }, sampler: ProcessSampler): Bound {
  const inventory = calls.filter((call) => INVENTORY_KINDS.has(call.kind));
  const billingPhase = calls.filter((call) => !INVENTORY_KINDS.has(call.kind));
  const firstCall = Math.min(...calls.map((call) => call.startedAt));
  const barrierFrom = Math.max(...billingPhase.map((call) => call.finishedAt));
  const barrierTo = inventory.length ? Math.min(...inventory.map((call) => call.startedAt)) : barrierFrom;
  const lastCall = Math.max(...calls.map((call) => call.finishedAt));
  const span = (label: string, from: number, to: number): Span => ({ label, wallMs: Math.max(0, to - from), busyMs: to > from ? sampler.busyWithin(from, to) : 0 });
  const spans = {
    start: span("0   start → first call", run.startedAt, firstCall),
    billingCalls: span("W1  billing calls", firstCall, barrierFrom),
    barrier: span("A   billing → inventory", barrierFrom, barrierTo),
    inventoryCalls: span("W3  inventory calls", barrierTo, lastCall),
    end: span("B   last call → end", lastCall, run.finishedAt),
  };

  const upstream = dependencies(calls);
  const billing = longestChain(billingPhase, upstream, (call) => call.kind === "billing");
  const inventoryChain = longestChain(inventory, upstream);
  // Every project token depends on both consumption queries: count the edges the run did not respect too.
  const billingEnds = Math.max(...billingPhase.filter((call) => call.kind === "billing").map((call) => call.finishedAt));
  const earlyTokens = inventory.filter((call) => call.kind === "project-token" && call.startedAt + 1 < billingEnds).length;

  const barrierCpu = spans.start.busyMs + spans.barrier.busyMs + spans.end.busyMs;
  return {
    boundMs: barrierCpu + Math.max(billing.lengthMs, spans.billingCalls.busyMs) + Math.max(inventoryChain.lengthMs, spans.inventoryCalls.busyMs),
    pathBoundMs: barrierCpu + billing.lengthMs + inventoryChain.lengthMs,
    chain: [...billing.calls, ...inventoryChain.calls],
    chains: { billing, inventory: inventoryChain },
    spans,
    violations: billing.violations + inventoryChain.violations + earlyTokens,
  };
}

