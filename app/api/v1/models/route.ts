import { gateway } from "@/server/api/gateway/next";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = gateway.models;
