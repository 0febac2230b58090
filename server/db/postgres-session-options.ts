/**
 * Session settings for every PostgreSQL connection of the app. `work_mem` (default 32MB, DATABASE_WORK_MEM to
 * change it, empty to leave the server's): ranking a year of per-resource costs hashes ~45k groups, which spills
 * to disk at PostgreSQL's 4MB default and takes twice as long. Behind a pooler that refuses startup options
 * (PgBouncer without ignore_startup_parameters), set it empty and configure work_mem on the server instead.
 */
export function postgresSessionOptions(source: Record<string, string | undefined> = process.env): string | undefined {
  const workMem = (source.DATABASE_WORK_MEM ?? "32MB").trim();
  if (!workMem) return undefined;
  if (!/^\d+(kB|MB|GB)$/.test(workMem)) throw new Error(`DATABASE_WORK_MEM must look like 32MB (a number with kB, MB or GB), not "${workMem}"`);
  return `-c work_mem=${workMem}`;
}
