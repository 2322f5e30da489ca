/**
 * The production entry (`npm run serve`): one node:http server in front of Next. The OpenAI-compatible
 * gateway (every path under /api/v1) is answered here directly — Next's route wrapper and
 * the web Request/Response objects it builds cost more than the gateway's own work at a few thousand
 * requests a second — and every other request goes to Next's request handler.
 *
 * One services instance serves both: it is created here first, on globalThis (server/services/app.ts), and
 * the Next bundle's own copy of that module finds it there instead of opening a second database connection.
 *
 * An I/O thread (server/api/io-thread) makes every provider call and serves the gateway's own port
 * (ENSEMBLE_GATEWAY_PORT, default PORT + 1), parsing requests and writing replies there; the engine, the
 * database and all shared state stay on this thread.
 */
import { createServer } from "node:http";
import next from "next";
import { DatabaseInUseError } from "@/db/instance-lock";
import { createNodeGateway } from "@/server/api/gateway";
import { setGatewayPortInUse } from "@/server/api/gateway/endpoint";
import { startIoThread } from "@/server/api/io-thread/start";
import { gatewayPort } from "@/server/env";
import { getServices } from "@/server/services/app";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || undefined;
const gatewayOnlyPort = gatewayPort(port);

function decodablePath(url: string): boolean {
  try {
    decodeURIComponent(url.split("?", 1)[0] ?? "");
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const io = startIoThread();
  const services = await getServices({ remoteModels: io.remoteModels });
  const app = next({ dev: false, dir: process.cwd(), port, ...(host ? { hostname: host } : {}) });
  await app.prepare();
  const handleNext = app.getRequestHandler();
  const gateway = createNodeGateway(() => services);

  const server = createServer((req, res) => {
    // every /api/v1 path is the gateway's (its route table answers unknown paths and wrong methods in OpenAI's shape)
    if (gateway(req, res)) return;
    if (!decodablePath(req.url ?? "/")) {
      // Next answers a path it cannot percent-decode with a 500; it is the request that is wrong
      res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: "path: malformed percent-encoding" }));
      return;
    }
    void handleNext(req, res);
  });
  server.listen(port, host, () => console.log(`Ensemble ready on http://${host ?? "localhost"}:${port}`));
  if (gatewayOnlyPort !== undefined) {
    io.openGateway(() => services, gatewayOnlyPort, host).then(
      (bound) => {
        setGatewayPortInUse(bound);
        console.log(`Ensemble gateway (OpenAI-compatible, fastest path) on http://${host ?? "localhost"}:${bound}/api/v1`);
      },
      (error: unknown) => console.error(`Ensemble: ${error instanceof Error ? error.message : String(error)}; /api/v1 stays served on port ${port}.`),
    );
  }

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
  console.error(error instanceof DatabaseInUseError ? `Ensemble cannot start: ${error.message}` : error);
  process.exit(1);
});
