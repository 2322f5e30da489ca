import { createContext } from "@/server/api/context";
import { createTrpcHandler } from "@/server/api/http/trpc-handler";

export const dynamic = "force-dynamic";

const handler = createTrpcHandler({
  createContext: (req) => createContext(req.headers),
  onInternalError: (path, error) => console.error(`tRPC ${path ?? "?"} failed:`, error),
});

export { handler as GET, handler as POST };
