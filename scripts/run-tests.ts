/**
 * `npm test`: every suite — vitest (unit + integration) and Playwright (e2e in Debian Chromium) — then one
 * closing line `N passed, N failed` that adds them all up. Integration and e2e run on embedded PGlite by
 * default and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const artifacts = path.resolve("tests/.artifacts");
fs.mkdirSync(artifacts, { recursive: true });

interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  exitCode: number;
}

function run(command: string, args: string[]): number {
  const result = spawnSync("npx", ["--no-install", command, ...args], { stdio: "inherit", env: process.env });
  return result.status ?? 1;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

function vitestSuite(): SuiteResult {
  const output = path.join(artifacts, "vitest-results.json");
  fs.rmSync(output, { force: true });
  const exitCode = run("vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile=${output}`]);
  const report = readJson<{ numPassedTests: number; numFailedTests: number }>(output);
  return { name: "unit + integration (vitest)", passed: report?.numPassedTests ?? 0, failed: report?.numFailedTests ?? 0, exitCode };
}

function playwrightSuite(): SuiteResult {
  const output = path.join(artifacts, "e2e-results.json");
  fs.rmSync(output, { force: true });
  const exitCode = run("playwright", ["test"]);
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(output);
  return { name: "e2e (playwright)", passed: report?.stats.expected ?? 0, failed: (report?.stats.unexpected ?? 0) + (report?.stats.flaky ?? 0), exitCode };
}

const suites = [vitestSuite(), playwrightSuite()];
console.log("\nTest summary");
for (const suite of suites) {
  // A runner that crashed before reporting counts as one failure, so the total can never look green.
  if (suite.exitCode !== 0 && suite.failed === 0) suite.failed = 1;
  console.log(`  ${suite.name}: ${suite.passed} passed, ${suite.failed} failed`);
}
const passed = suites.reduce((sum, suite) => sum + suite.passed, 0);
const failed = suites.reduce((sum, suite) => sum + suite.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
