import { gateway } from "@/server/api/gateway/next";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// Every method on every /api/v1 path: the gateway's route table (server/api/gateway/routes.ts) decides, as on the
// gateway's port and in server.ts, so an unknown path or a wrong method is an OpenAI-style error, not Next's page.
export const GET = gateway.handle;
export const HEAD = gateway.handle;
export const POST = gateway.handle;
export const PUT = gateway.handle;
export const PATCH = gateway.handle;
export const DELETE = gateway.handle;
export const OPTIONS = gateway.handle;
