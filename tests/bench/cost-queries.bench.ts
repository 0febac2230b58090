/**
 * Benchmark (`npm run bench:costs`; not a test) of the dashboard and cost-explorer procedures on a large tenant,
 * next to a naive full-scan version of the same questions in the same run.
 *
 * Load. Drops and recreates the PostgreSQL database infrazen_bench (BENCH_DATABASE_URL to point elsewhere; the name
 * must start with infrazen_bench), deploys the migrations, and generates in SQL a tenant of 100k resources and
 * exactly 1M daily CostRecords over the 1,096 days ending today (Europe/Moscow) on five Selectel and OpenStack
 * connections, plus a small second tenant in the same tables (load-synthetic-tenant.ts tells the distributions).
 * Then the backend's rebuildCostRollups fills the daily rollup (timed), its sums are checked against CostRecord,
 * and VACUUM ANALYZE leaves the tables as autovacuum would. `--reuse` skips the load when today's data is there
 * under this checkout's migrations.
 *
 * Measure. For each scenario (scenarios.ts):
 *   1. the backend procedure's answer and the naive answer must agree to the kopeck (answers.ts); a mismatch is
 *      printed with its paths, the run goes on and exits 1 at the end;
 *   2. fast: 5 warm-ups, then 50 sequential calls of the procedure through the application's Prisma client;
 *   3. naive: the same question as plain GROUP BY over CostRecord with index scans disabled (a full scan), in SQL
 *      for the dashboard's figures and SQL + JavaScript aggregation for the explorer; 1 warm-up then 50 calls,
 *      or 5 when one call takes over 400 ms. Fast and naive calls take turns (5 turns of 10 fast calls and a fifth
 *      of the naive ones), so both sides meet the same drifts of the machine's speed;
 *   4. idx (informational): the naive queries with the backend's indexes allowed, 1 warm-up + 5 calls.
 * Targets per scenario: fast p95 ≤ 150 ms and naive p50 / fast p50 ≥ 20×. A missed target is printed (FAIL)
 * with EXPLAIN (ANALYZE, BUFFERS) of the scenario's slowest statements, but only a wrong answer fails the run.
 */
import os from "node:os";
import { getMigrationStatus } from "@/server/db/migrations";
import { rebuildCostRollups } from "@/server/services/costs/refresh-cost-rollups";
import { BENCH_DATABASE_URL, findLoadedTenants, loadBenchData, recreateDatabase, tableSizes, vacuumAnalyze } from "./cost-queries/bench-database";
import { BENCH_TIMEZONE, todayIn } from "./cost-queries/bench-calendar";
import { openBenchClients, type BenchClients } from "./cost-queries/bench-clients";
import { differences } from "./cost-queries/answers";
import { explainSlowStatements } from "./cost-queries/explain-slow-statements";
import type { LoadedTenant } from "./cost-queries/load-synthetic-tenant";
import { measureInTurns, measureLatency } from "./cost-queries/measure-latency";
import { meetsLatency, meetsSpeedup, printResults, type ScenarioResult } from "./cost-queries/print-results";
import { buildScenarios } from "./cost-queries/scenarios";
import { HISTORY_DAYS } from "./cost-queries/tenant-shape";

const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;

/** The loaded tenants when the database holds today's data under the schema of this checkout (else a new load). */
async function loadedToday(today: string): Promise<LoadedTenant[] | null> {
  const tenants = await findLoadedTenants();
  if (!tenants) return null;
  const status = await getMigrationStatus({ kind: "postgres", url: BENCH_DATABASE_URL });
  if (status.pending.length || status.failed.length || status.missingLocally.length) return null;
  const clients = openBenchClients(BENCH_DATABASE_URL);
  try {
    const [row] = await clients.fast.$queryRaw<{ last: string | null }[]>`SELECT to_char(MAX("day"), 'YYYY-MM-DD') AS last FROM "CostDailyRollup"`;
    return row?.last === today ? tenants : null;
  } finally {
    await clients.close();
  }
}

async function loadTenants(today: string): Promise<LoadedTenant[]> {
  const started = performance.now();
  await recreateDatabase();
  const migratedMs = performance.now() - started;
  const { tenants, timings } = await loadBenchData(today);
  const clients = openBenchClients(BENCH_DATABASE_URL);
  try {
    const rollupStarted = performance.now();
    const rollupRows = await rebuildCostRollups(clients.bulk, {});
    const rollupMs = performance.now() - rollupStarted;
    const vacuumMs = await vacuumAnalyze();
    const totalMs = performance.now() - started;
    console.log(`database        ${BENCH_DATABASE_URL.replace(/\/\/[^@]*@/, "//")} (recreated, migrations ${seconds(migratedMs)})`);
    for (const tenant of tenants) console.log(`tenant          ${tenant.slug}: ${tenant.resources.toLocaleString("en-US")} resources, ${tenant.costRows.toLocaleString("en-US")} cost rows, ${tenant.connectionIds.length} connections, ${HISTORY_DAYS} days to ${today}`);
    console.log(`load            ${seconds(timings.tenantsMs)} generate + insert, ${seconds(timings.indexesMs)} rebuild CostRecord/Resource indexes`);
    console.log(`rollup rebuild  ${seconds(rollupMs)} rebuildCostRollups → ${rollupRows.toLocaleString("en-US")} CostDailyRollup rows`);
    console.log(`vacuum analyze  ${seconds(vacuumMs)}`);
    console.log(`total load      ${seconds(totalMs)}`);
    await checkRollup(clients);
    return tenants;
  } finally {
    await clients.close();
  }
}

/** The rollup must hold exactly CostRecord's money per organization, or every fast figure is wrong. */
async function checkRollup(clients: BenchClients): Promise<void> {
  const rows = await clients.fast.$queryRaw<{ organizationId: string; records: string; rollup: string; equal: boolean }[]>`
    SELECT r."organizationId", r.total::text AS records, COALESCE(u.total, 0)::text AS rollup, r.total = COALESCE(u.total, 0) AS equal
    FROM (SELECT "organizationId", SUM("billedCost") AS total FROM "CostRecord" GROUP BY 1) r
    LEFT JOIN (SELECT "organizationId", SUM("billedCost") AS total FROM "CostDailyRollup" GROUP BY 1) u USING ("organizationId")`;
  for (const row of rows) {
    console.log(`rollup check    ${row.organizationId}: CostRecord ${row.records} ${row.equal ? "=" : "≠"} rollup ${row.rollup}`);
    if (!row.equal) throw new Error("CostDailyRollup does not match CostRecord after rebuildCostRollups");
  }
}

async function main(): Promise<void> {
  const now = new Date();
  const today = todayIn(BENCH_TIMEZONE, now);
  const reused = process.argv.includes("--reuse") ? await loadedToday(today) : null;
  if (reused) console.log(`database        ${BENCH_DATABASE_URL.replace(/\/\/[^@]*@/, "//")} (reused: --reuse and data up to ${today})`);
  const tenants = reused ?? (await loadTenants(today));
  for (const size of await tableSizes()) console.log(`table           ${size.table.padEnd(16)} ${size.rows.toLocaleString("en-US").padStart(10)} rows  ${size.size}`);
  console.log("");

  // Every engineer's processes share this machine's 2 cores: say how busy it was, since it moves every figure.
  const loadBefore = os.loadavg()[0]!;
  const clients = openBenchClients(BENCH_DATABASE_URL);
  const results: ScenarioResult[] = [];
  const explanations: string[] = [];
  try {
    for (const scenario of buildScenarios(tenants, { timezone: BENCH_TIMEZONE, now }, today)) {
      const problems = differences(scenario.answerOf(await scenario.fast(clients.fast)), await scenario.naive(clients.naive));
      if (problems.length) {
        console.error(`ANSWER MISMATCH in "${scenario.name}":`);
        for (const problem of problems) console.error(`  ${problem}`);
      }
      const { fast, naive } = await measureInTurns(() => scenario.fast(clients.fast), () => scenario.naive(clients.naive), { warmups: 5 });
      const indexed = await measureLatency(() => scenario.naive(clients.fast), { warmups: 1, calls: 5 });
      const result = { name: scenario.name, correct: problems.length === 0, fast, naive, indexed };
      results.push(result);
      console.log(`measured        ${scenario.name}: fast p95 ${fast.p95.toFixed(1)} ms, naive p50 ${naive.p50.toFixed(1)} ms`);
      if (!meetsLatency(result) || !meetsSpeedup(result) || process.argv.includes("--explain")) {
        explanations.push(`${scenario.name} — slowest statements of one call:`, ...(await explainSlowStatements(BENCH_DATABASE_URL, clients, scenario)), "");
      }
    }
  } finally {
    await clients.close();
  }

  console.log("");
  console.log(`machine         ${os.cpus().length} cores; load average ${loadBefore.toFixed(1)} before the measurements, ${os.loadavg()[0]!.toFixed(1)} after`);
  printResults(results);
  if (explanations.length) {
    console.log("");
    console.log("Plans of the scenarios that missed a target (EXPLAIN ANALYZE, BUFFERS):");
    for (const line of explanations) console.log(line);
  }
  process.exitCode = results.every((result) => result.correct) ? 0 : 1;
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
// The wasm migration engine leaves a timer behind (STACK-NOTES): leave explicitly.
process.exit(process.exitCode ?? 0);
