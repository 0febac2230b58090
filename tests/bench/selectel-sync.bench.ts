/**
 * Benchmark (not a test: `npm run bench`; vitest only collects *.test.ts, and `npm test` never runs this) of the
 * Selectel billing-first sync, phases 1–7 without the database, against the large sandbox scenario (9 regions ×
 * 3 projects, 3,000 VMs, 4,000 volumes, ≈51k daily billing rows) with 50 ms of injected latency on every call.
 *
 * Setup. The sandbox (the "cloud") runs in a child process, as a real cloud runs on other machines: its CPU
 * (building 51k consumption rows, rendering thousands of servers) and its memory (the scenario) are not the
 * client's, so the client's wall time, CPU and RSS are measured alone (2 cores: one each). The child logs every
 * call in a SandboxState({ latencyMs: 50 }) and sends the log back over IPC; its times are converted to the epoch
 * (performance.timeOrigin + performance.now()) so both processes share one clock. The benchmark process loads only
 * the client side (runPhasesWithoutDatabase, the plugin, the HTTP client) — no sandbox, no Prisma.
 *
 * Runs, in this order, so that maxRSS right after the first one is the parallel run's peak:
 *   1. parallel — runPhasesWithoutDatabase(selectelPlugin, ctx), the context's default concurrency settings;
 *   2. sequential — the same with concurrency 1 and per-host concurrency 1.
 * Peak RSS: process.memoryUsage.rss() (the same figure as memoryUsage().rss, without the heap statistics) every
 * 20 ms during run 1, and process.resourceUsage().maxRSS (the lifetime peak) right after it; the larger counts.
 *
 * Critical-path lower bound (model). Every sandbox call of the parallel run is a node weighted with its measured
 * sandbox-side duration (finishedAt − startedAt: the 50 ms latency plus the sandbox's own work). Edges are the
 * sync's data dependencies, recovered from the call log by annotating each request in the child:
 *   - token → use: a call presenting a Keystone token (X-Auth-Token) depends on the call that minted it (account
 *     token → balance, projects, prediction and both consumption queries; project token → that project's Nova,
 *     Cinder and Neutron lists in every region);
 *   - pagination: page k+1 of a list (same path and token, with a `marker`) depends on page k;
 *   - flavor lookups (GET …/flavors/{id}, only below Nova 2.47) depend on the last server page of their scope;
 *   - billing → inventory: the projects to inventory come out of the billing rows, so every project-token call
 *     depends on both consumption queries, through the client CPU node A below.
 * The account checks and the consumption queries are siblings (both need only the account token) although the
 * sync runs the check first: the bound is what the data allows, not what the code does.
 *
 * Client CPU (main-thread busy time from performance.eventLoopUtilization(), sampled every 5 ms and apportioned to
 * a span; waiting — the sandbox serialising an answer, the socket — is not busy time, so it never inflates this):
 *   - at the barriers, where no call is in flight, the CPU is serial with everything:
 *       0 from the sync's start to its first call;
 *       A from the last phase-1 call's end to the first inventory call's start (reading and parsing the 51k-row
 *         answer, billing lines, grouping by type);
 *       B from the last inventory call's end to the sync's end (combining VMs, volumes, services, unification);
 *   - while calls are in flight, the client's one thread still has to read, parse and map every answer, and its
 *     work cannot overlap itself: a phase can end no sooner than its longest chain of calls, nor sooner than the
 *     client's busy time W during it. Within each call phase the bound takes the larger of the two.
 *   bound      = CPU 0 + max(LP1, W1) + A + max(LP3, W3) + B   (LP1: longest chain ending at a consumption query;
 *                                                                LP3: longest chain of the inventory calls)
 *   path bound = CPU 0 + LP1 + A + LP3 + B                      (calls and barrier CPU only, printed alongside)
 * The depth printed is the number of calls on the longest chain LP1 → LP3.
 */
import { fork, type ChildProcess } from "node:child_process";
import { AsyncLocalStorage } from "node:async_hooks";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createProviderContext } from "@/server/providers/registry";
import { selectelPlugin } from "@/server/providers/selectel";
import type { SandboxCall } from "@/server/sandbox/http/sandbox-faults";
import type { SandboxConnectionConfig } from "@/server/sandbox/registry";
import { SELECTEL_LARGE_BENCH_NOW } from "@/server/sandbox/scenarios/selectel-large";
import { runPhasesWithoutDatabase } from "@/server/sync/run-phases-without-database";

const LATENCY_MS = 50;
const TARGETS = { boundRatio: 1.5, speedup: 10, peakRssMb: 400 };
const SANDBOX_ROLE = "--sandbox-child";
const epochNow = () => performance.timeOrigin + performance.now();

type CallKind = "account-token" | "project-token" | "token" | "billing" | "account-api" | "inventory" | "flavor" | "other";

/** A sandbox call with what the model needs; times are epoch milliseconds. */
interface AnnotatedCall {
  index: number;
  method: string;
  path: string;
  status: number;
  startedAt: number;
  finishedAt: number;
  kind: CallKind;
  /** Index of the call that minted the token this call presented. */
  tokenFrom: number | null;
  /** The request's query had a pagination marker. */
  marker: boolean;
}

type ChildMessage = { type: "ready"; url: string; connection: SandboxConnectionConfig } | { type: "calls"; calls: AnnotatedCall[] } | { type: "reset" };
type ParentMessage = { type: "calls" } | { type: "reset" } | { type: "close" };

// ─────────────────────────────────────────────── the sandbox process ───────────────────────────────────────────────

interface CallNote {
  token: string | null;
  scope: "domain" | "project" | "unscoped" | null;
  minted: string | null;
  marker: boolean;
}

async function runSandboxChild(): Promise<void> {
  // Loaded here only, so the benchmark process holds the client and nothing of the sandbox.
  const { SandboxState, withFaults } = await import("@/server/sandbox/http/sandbox-faults");
  const { startSandboxServer } = await import("@/server/sandbox/http/start-sandbox-server");
  const { getSandbox } = await import("@/server/sandbox/registry");
  const { generateLargeSelectelScenario } = await import("@/server/sandbox/scenarios/selectel-large");
  const { createSelectelSandbox, regionOf } = await import("@/server/sandbox/selectel");

  const scenario = generateLargeSelectelScenario();
  const state = new SandboxState({ latencyMs: LATENCY_MS });
  const faulted = withFaults(createSelectelSandbox(scenario, { now: () => SELECTEL_LARGE_BENCH_NOW }), state, regionOf);

  // withFaults logs each call in state.calls; the note of the request being served is attached as it is logged.
  const current = new AsyncLocalStorage<CallNote>();
  const notes = new Map<SandboxCall, CallNote>();
  const push = state.calls.push.bind(state.calls);
  state.calls.push = (...calls: SandboxCall[]) => {
    const note = current.getStore();
    if (note) for (const call of calls) notes.set(call, note);
    return push(...calls);
  };

  const server = await startSandboxServer(async (request) => {
    const url = new URL(request.url);
    const note: CallNote = { token: request.headers.get("x-auth-token"), scope: null, minted: null, marker: url.searchParams.has("marker") };
    if (request.method === "POST" && url.pathname.endsWith("/auth/tokens")) {
      const body = (await request.clone().json().catch(() => null)) as { auth?: { scope?: { project?: unknown; domain?: unknown } } } | null;
      const scope = body?.auth?.scope;
      note.scope = scope?.project ? "project" : scope?.domain ? "domain" : "unscoped";
    }
    const response = await current.run(note, () => faulted(request));
    note.minted = response.status === 201 ? response.headers.get("x-subject-token") : null;
    return response;
  });

  const annotated = (): AnnotatedCall[] => {
    const mintedBy = new Map<string, number>();
    state.calls.forEach((call, index) => {
      const minted = notes.get(call)?.minted;
      if (minted) mintedBy.set(minted, index);
    });
    return state.calls.map((call, index) => {
      const note = notes.get(call);
      return {
        index,
        method: call.method,
        path: call.path,
        status: call.status,
        startedAt: performance.timeOrigin + call.startedAt,
        finishedAt: performance.timeOrigin + call.finishedAt,
        kind: kindOf(call, note),
        tokenFrom: note?.token ? (mintedBy.get(note.token) ?? null) : null,
        marker: note?.marker ?? false,
      };
    });
  };

  const send = (message: ChildMessage) => process.send!(message);
  process.on("message", (message: ParentMessage) => {
    if (message.type === "calls") send({ type: "calls", calls: annotated() });
    else if (message.type === "reset") {
      state.reset();
      notes.clear();
      send({ type: "reset" });
    } else if (message.type === "close") void server.close().then(() => process.exit(0));
  });
  process.on("disconnect", () => process.exit(0));
  send({ type: "ready", url: server.url, connection: getSandbox("selectel").connection(scenario, server.url) });
}

function kindOf(call: SandboxCall, note: CallNote | undefined): CallKind {
  if (call.method === "POST" && call.path.endsWith("/auth/tokens")) {
    return note?.scope === "project" ? "project-token" : note?.scope === "domain" ? "account-token" : "token";
  }
  if (call.path.endsWith("/statistic/consumption")) return "billing";
  if (/^\/(?:v1|v2|v3|vpc)\//.test(call.path)) return "account-api";
  if (/^\/[^/]+\/compute\/v2\.1\/flavors\/[^/]+$/.test(call.path)) return "flavor";
  if (/^\/[^/]+\/(?:compute|volume|network)\//.test(call.path)) return "inventory";
  return "other";
}

// ─────────────────────────────────────────────── the benchmark process ───────────────────────────────────────────────

class SandboxProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly connection: SandboxConnectionConfig,
  ) {}

  static async start(): Promise<SandboxProcess> {
    const child = fork(fileURLToPath(import.meta.url), [SANDBOX_ROLE], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const ready = await new Promise<Extract<ChildMessage, { type: "ready" }>>((resolve, reject) => {
      child.once("message", (message: ChildMessage) => (message.type === "ready" ? resolve(message) : reject(new Error(`unexpected ${message.type}`))));
      child.once("exit", (code) => reject(new Error(`the sandbox process exited with ${code}`)));
    });
    return new SandboxProcess(child, ready.connection);
  }

  private ask<T extends ChildMessage["type"]>(message: ParentMessage, answer: T): Promise<Extract<ChildMessage, { type: T }>> {
    return new Promise((resolve) => {
      const listen = (reply: ChildMessage) => {
        if (reply.type !== answer) return;
        this.child.off("message", listen);
        resolve(reply as Extract<ChildMessage, { type: T }>);
      };
      this.child.on("message", listen);
      this.child.send(message);
    });
  }

  async calls(): Promise<AnnotatedCall[]> {
    return (await this.ask({ type: "calls" }, "calls")).calls;
  }

  async reset(): Promise<void> {
    await this.ask({ type: "reset" }, "reset");
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.send({ type: "close" });
    await exited;
  }
}

/** RSS every 20 ms and the event loop's cumulative busy time every 5 ms, from start() to stop(). */
class ProcessSampler {
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

interface Span {
  label: string;
  wallMs: number;
  busyMs: number;
}

interface Chain {
  lengthMs: number;
  calls: AnnotatedCall[];
}

interface Bound {
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
const durationOf = (call: AnnotatedCall) => call.finishedAt - call.startedAt;

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
function criticalPathBound(calls: AnnotatedCall[], run: { startedAt: number; finishedAt: number }, sampler: ProcessSampler): Bound {
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

type Context = ReturnType<typeof createProviderContext>;

function contextFor(sandbox: SandboxProcess, overrides: { concurrency?: number; perHostConcurrency?: number } = {}): Context {
  return createProviderContext(selectelPlugin, {
    credentials: sandbox.connection.credentials,
    endpointOverrides: sandbox.connection.endpoints,
    settings: sandbox.connection.settings,
    now: () => SELECTEL_LARGE_BENCH_NOW,
    concurrency: overrides.concurrency,
    http: overrides.perHostConcurrency ? { perHostConcurrency: overrides.perHostConcurrency } : {},
  });
}

async function timedSync(ctx: Context) {
  const startedAt = epochNow();
  const report = await runPhasesWithoutDatabase(selectelPlugin, ctx);
  const finishedAt = epochNow();
  return { report, startedAt, finishedAt, wallMs: finishedAt - startedAt };
}

const ms = (value: number) => `${Math.round(value).toLocaleString("en-US")} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;

async function main(): Promise<void> {
  const sandbox = await SandboxProcess.start();
  try {
    console.log(`Selectel billing-first sync, large scenario, ${LATENCY_MS} ms latency per call; sandbox in a child process`);
    const baselineRss = process.memoryUsage.rss();

    // 1. Parallel, with the default concurrency settings.
    const ctx = contextFor(sandbox);
    const sampler = new ProcessSampler();
    sampler.start();
    const parallel = await timedSync(ctx);
    sampler.stop();
    const maxRss = process.resourceUsage().maxRSS * 1024;
    const calls = await sandbox.calls();
    const bound = criticalPathBound(calls, parallel, sampler);
    const durations = calls.map(durationOf);
    const metrics = ctx.http.metrics.summary();
    const cache = ctx.cache.stats();
    const { report } = parallel;

    // 2. Strictly sequential.
    await sandbox.reset();
    const sequentialCtx = contextFor(sandbox, { concurrency: 1, perHostConcurrency: 1 });
    const sequential = await timedSync(sequentialCtx);
    const sequentialCalls = (await sandbox.calls()).length;

    const boundRatio = parallel.wallMs / bound.boundMs;
    const pathRatio = parallel.wallMs / bound.pathBoundMs;
    const speedup = sequential.wallMs / parallel.wallMs;
    const peakRss = Math.max(maxRss, sampler.peakRss);
    const results = [
      { name: `parallel ≤ ${TARGETS.boundRatio}× critical-path bound`, value: `${boundRatio.toFixed(2)}×`, ok: boundRatio <= TARGETS.boundRatio },
      { name: `parallel ≥ ${TARGETS.speedup}× faster than sequential`, value: `${speedup.toFixed(1)}×`, ok: speedup >= TARGETS.speedup },
      { name: `peak RSS ≤ ${TARGETS.peakRssMb} MB`, value: mb(peakRss), ok: peakRss <= TARGETS.peakRssMb * 1024 * 1024 },
    ];
    const { spans, chains } = bound;
    const callWork = (chain: Chain, busy: Span) => `max(chain ${ms(chain.lengthMs)}, client busy ${ms(busy.busyMs)})`;

    console.log("");
    console.log(`parallel wall time         ${ms(parallel.wallMs)}   (default settings: concurrency ${ctx.concurrency}, default per-host limit)`);
    console.log(`critical-path bound        ${ms(bound.boundMs)}   = CPU 0 ${ms(spans.start.busyMs)} + ${callWork(chains.billing, spans.billingCalls)} + CPU A ${ms(spans.barrier.busyMs)}`);
    console.log(`                                     + ${callWork(chains.inventory, spans.inventoryCalls)} + CPU B ${ms(spans.end.busyMs)}`);
    console.log(`  path-only bound          ${ms(bound.pathBoundMs)}   (calls ${ms(chains.billing.lengthMs + chains.inventory.lengthMs)} + barrier CPU; no client CPU while calls are in flight)`);
    console.log(`critical-path depth        ${bound.chain.length} sequential calls`);
    for (const call of bound.chain) console.log(`  ${call.kind.padEnd(14)} ${call.method.padEnd(4)} ${call.path}  ${ms(durationOf(call))}`);
    for (const span of Object.values(spans)) console.log(`  ${span.label.padEnd(26)} client busy ${ms(span.busyMs).padStart(8)} of ${ms(span.wallMs)} wall`);
    if (bound.violations) console.log(`  warning: ${bound.violations} modelled dependencies were not respected by the run`);
    console.log(`sequential wall time       ${ms(sequential.wallMs)}   (concurrency 1, per-host 1, ${sequentialCalls} calls)`);
    console.log(`peak RSS (parallel run)    ${mb(peakRss)}   (sampled ${mb(sampler.peakRss)}, maxRSS ${mb(maxRss)}; ${mb(baselineRss)} before the run)`);
    console.log(`calls                      ${calls.length} at the sandbox; client ${metrics.calls} attempts, ${metrics.retries} retries, ${metrics.errors} errors`);
    console.log(`  sandbox-side duration    p50 ${ms(quantile(durations, 0.5))}, p95 ${ms(quantile(durations, 0.95))}, max ${ms(Math.max(...durations))}`);
    console.log(`cache                      ${cache.hits} hits, ${cache.misses} misses`);
    console.log(`produced                   ${report.resources.length} resources, ${report.costRows.length} cost rows, ${report.unrecognized.length} unrecognized, ${report.failures.length} failures`);
    console.log(`phases                     ${report.phases.map((phase) => `${phase.id} ${ms(phase.durationMs ?? 0)}`).join(", ")}`);
    console.log("");
    console.log(`ratio parallel / bound           ${boundRatio.toFixed(2)}×   (parallel / path-only bound ${pathRatio.toFixed(2)}×)`);
    console.log(`ratio sequential / parallel      ${speedup.toFixed(1)}×`);
    for (const result of results) console.log(`${result.ok ? "PASS" : "FAIL"}  ${result.name.padEnd(40)} ${result.value}`);
    const met = results.filter((result) => result.ok).length;
    console.log(`${met === results.length ? "PASS" : "FAIL"}: ${met}/${results.length} targets met`);
    process.exitCode = met === results.length ? 0 : 1;
  } finally {
    await sandbox.close();
  }
}

if (process.argv.includes(SANDBOX_ROLE)) await runSandboxChild();
else await main();
