import { beforeAll } from "vitest";
import { ensureWorkerDatabase, truncateAllTables } from "./worker-database";

process.env.DATA_DIR ??= `${process.env.TMPDIR ?? "/tmp"}/infrazen-test-data`;

beforeAll(async () => {
  await ensureWorkerDatabase();
  await truncateAllTables();
});
