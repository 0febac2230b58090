import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    // Command-line entry points talk to the terminal.
    files: ["server/cli/**", "scripts/**", "tests/**", "bot/run-long-polling.ts"],
    rules: { "no-console": "off" },
  },
  globalIgnores([".next/**", "node_modules/**", ".data/**", "server/db/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "tests/.artifacts/**"]),
]);
