import { defineConfig } from "prisma/config";

// DATABASE_URL may be unset (embedded PGlite); the Prisma CLI only needs it for commands we run through
// our own wasm-based migrator (`npm run cli -- db …`), so a placeholder keeps `prisma generate` working.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : "postgresql://localhost/infrazen" },
});
