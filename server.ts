/**
 * The production entry (`npm run serve`): one node:http server in front of Next. The OpenAI-compatible
 * gateway (/api/v1/chat/completions, /api/v1/models) is answered here directly — Next's route wrapper and
 * the web Request/Response objects it builds cost more than the gateway's own work at a few thousand
 * requests a second — and every other request goes to Next's request handler.
 *
 * One services instance serves both: it is created here first, on globalThis (server/services/app.ts), and
 * the Next bundle's own copy of that module finds it there instead of opening a second database connection.
 *
 * Provider calls run on a thread of their own (server/services/provider-thread.ts); the engine, the database
 * and all shared state stay on this one.
 */
import { createServer } from "node:http";
import next from "next";
import { createNodeGateway } from "@/server/api/gateway";
import { getServices } from "@/server/services/app";
import { startProviderThread } from "@/server/services/provider-thread";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || undefined;

function decodablePath(url: string): boolean {
  try {
    decodeURIComponent(url.split("?", 1)[0] ?? "");
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const services = await getServices({ remoteModels: startProviderThread().remoteModels });
  const app = next({ dev: false, dir: process.cwd(), port, ...(host ? { hostname: host } : {}) });
  await app.prepare();
  const handleNext = app.getRequestHandler();
  const gateway = createNodeGateway(() => services);

  const server = createServer((req, res) => {
    if (req.url?.startsWith("/api/v1/") && gateway(req, res)) return;
    if (!decodablePath(req.url ?? "/")) {
      // Next answers a path it cannot percent-decode with a 500; it is the request that is wrong
      res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: "path: malformed percent-encoding" }));
      return;
    }
    void handleNext(req, res);
  });
  server.listen(port, host, () => console.log(`Ensemble ready on http://${host ?? "localhost"}:${port}`));

  const stop = () => {
    services.apiKeys.flush();
    server.close();
    server.closeAllConnections();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
