import { createRequire } from "node:module";

// Spawning Next's own bin with this Node (not through npx) makes the server our direct child,
// so signals reach it and stopping us never leaves an orphaned next-server behind.
export const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");
