import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Import direction (ARCHITECTURE.md): app → components → (types, schemas); app → server/api/rsc;
 * server/api → server/services → server/orchestrator | server/providers | db.
 * server/orchestrator imports nothing outside itself (plus zod and cockatiel); db never imports server.
 */
const restrict = (patterns, message) => ({
  "no-restricted-imports": ["error", { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

const config = [
  { ignores: [".next/**", "node_modules/**", "data/**", "db/migrations/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@next/next/no-html-link-for-pages": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["server/orchestrator/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!(\\.|zod$|zod/|cockatiel$)).*",
              message: "server/orchestrator is framework-free: it imports zod, cockatiel and itself only.",
            },
          ],
        },
      ],
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./server/orchestrator",
              from: "./",
              except: ["./server/orchestrator", "./node_modules"],
              message: "server/orchestrator must not import from outside itself.",
            },
          ],
        },
      ],
    },
  },
  {
    // tests may use the test runner and node's fs to load their fixtures; the code under test may not
    files: ["server/orchestrator/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!(\\.|zod$|zod/|cockatiel$|vitest$|node:)).*",
              message: "orchestrator tests import the code under test, vitest and node built-ins only.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["db/**/*.ts"],
    rules: restrict(["@/server/*", "**/server/**"], "db/ never imports server/."),
  },
  {
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: restrict(
      ["@/server/services/*", "@/server/providers/*", "@/db/*", "@/server/api/rsc", "better-sqlite3", "drizzle-orm", "drizzle-orm/*"],
      "components render: they may import types and schemas, never services, providers or the database.",
    ),
  },
  {
    files: ["components/ui/**/*.tsx", "components/ui/**/*.ts"],
    rules: restrict(["@/server/*", "@/components/!(ui)*", "@/app/*"], "components/ui imports nothing of the app."),
  },
  {
    files: ["app/**/*.ts", "app/**/*.tsx"],
    rules: restrict(
      ["@/server/services/*", "@/server/providers/*", "@/server/orchestrator/!(spec)*", "@/db/*", "better-sqlite3", "drizzle-orm"],
      "app/ is routes only: go through server/api (rsc, trpc) or server/auth, not services or the database.",
    ),
  },
  {
    files: ["server/services/**/*.ts"],
    rules: restrict(["@/server/api/*", "@/app/*", "@/components/*"], "services never import the API layer or UI."),
  },
  {
    files: ["server/providers/**/*.ts"],
    rules: restrict(
      ["@/server/services/*", "@/server/api/*", "@/db/*", "@/app/*", "@/components/*"],
      "providers implement the ModelClient port; they do not reach into services, the API, the database or UI.",
    ),
  },
];

export default config;
