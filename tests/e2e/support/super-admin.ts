/** The platform super admin that scripts/e2e-server.ts bootstraps (SUPER_ADMIN_*) into every fresh e2e database. */
export const E2E_SUPER_ADMIN = { email: "root@e2e.test", password: "Ops-e2e-pass-2026" } as const;
