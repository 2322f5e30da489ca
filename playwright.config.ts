import { defineConfig } from "@playwright/test";
import { tmpdir } from "node:os";
import path from "node:path";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const dbFile = path.join(tmpdir(), "ensemble-e2e", "ensemble.db");

import { E2E_ADMIN } from "./e2e/fixtures";

export default defineConfig({
  testDir: "./e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    // a fresh database every run, so the seeded roster and admin are known
    // the production entry (server.ts, as `npm run serve` starts it): Next plus the gateway's direct node:http path
    command: `rm -rf ${path.dirname(dbFile)} && npm run serve`,
    url: `http://127.0.0.1:${PORT}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      DATABASE_URL: dbFile,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      ENSEMBLE_ADMIN_EMAIL: E2E_ADMIN.email,
      ENSEMBLE_ADMIN_PASSWORD: E2E_ADMIN.password,
      ENSEMBLE_SECRET: "e2e-secret-for-tests-only-0123456789",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
