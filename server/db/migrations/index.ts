/**
 * Offline Prisma migrations on Prisma's wasm schema engine, for PostgreSQL and embedded PGlite alike.
 * Every shadow database is an in-memory PGlite. Files and `_prisma_migrations` stay compatible with the
 * native `prisma migrate deploy`.
 */
export { deployMigrations, type DeployMigrationsOptions } from "./deploy-migrations";
export { getMigrationStatus, type MigrationStatus, type MigrationStatusOptions } from "./migration-status";
export { checkSchemaDrift, type SchemaDrift, type SchemaDriftOptions } from "./check-schema-drift";
export { createMigration, type CreateMigrationOptions } from "./create-migration";
