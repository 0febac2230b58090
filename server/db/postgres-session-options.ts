/**
 * Session settings for every PostgreSQL connection of the app, sent as startup options:
 * - `work_mem` (default 32MB, DATABASE_WORK_MEM to change it): ranking a year of per-resource costs hashes ~45k
 *   groups, which spills to disk at PostgreSQL's 4MB default and takes twice as long;
 * - `parallel_setup_cost=20000` (PostgreSQL's default 1000): the app's questions read rollups in a few
 *   milliseconds, and starting workers costs more than that (measured on 2 cores: a 3 ms aggregate took 15 ms with
 *   two workers). At 20000 only statements estimated well beyond a dashboard question still go parallel.
 * DATABASE_WORK_MEM empty sends no options at all: behind a pooler that refuses startup options (PgBouncer without
 * ignore_startup_parameters), configure both on the server instead.
 */
export const PARALLEL_SETUP_COST = 20_000;

export function postgresSessionOptions(source: Record<string, string | undefined> = process.env): string | undefined {
  const workMem = (source.DATABASE_WORK_MEM ?? "32MB").trim();
  if (!workMem) return undefined;
  if (!/^\d+(kB|MB|GB)$/.test(workMem)) throw new Error(`DATABASE_WORK_MEM must look like 32MB (a number with kB, MB or GB), not "${workMem}"`);
  return `-c work_mem=${workMem} -c parallel_setup_cost=${PARALLEL_SETUP_COST}`;
}
