import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// Browsers cannot be downloaded here: Debian's Chromium is used (apt-get install chromium).
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/.artifacts/e2e",
  fullyParallel: false,
  // One server on an embedded database behind all tests; each test makes its own users and organizations.
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "tests/.artifacts/e2e-results.json" }]],
  use: {
    baseURL,
    locale: "ru-RU",
    timezoneId: "Europe/Moscow",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: "npx --no-install tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    timeout: 400_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // The Telegram bot is on with a Bot API root on a closed loopback port: Settings can issue codes and t.me links
    // (the username is given, so no getMe), and nothing ever reaches Telegram.
    env: { E2E_PORT: String(port), TELEGRAM_BOT_TOKEN: "123456:E2E-offline-token", TELEGRAM_BOT_USERNAME: "infrazen_e2e_bot", TELEGRAM_API_ROOT: "http://127.0.0.1:9" },
  },
});
