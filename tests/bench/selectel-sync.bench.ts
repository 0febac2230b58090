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
import { createProviderContext } from "@/server/providers/registry";
import { selectelPlugin } from "@/server/providers/selectel";
import { SELECTEL_LARGE_BENCH_NOW } from "@/server/sandbox/scenarios/selectel-large";
import { runPhasesWithoutDatabase } from "@/server/sync/run-phases-without-database";
import { criticalPathBound, durationOf, ProcessSampler, type Chain, type Span } from "./selectel-sync/critical-path";
import { epochNow, LATENCY_MS, SandboxProcess } from "./selectel-sync/sandbox-process";

const TARGETS = { boundRatio: 1.5, speedup: 10, peakRssMb: 400 };

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


await main();
