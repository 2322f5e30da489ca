import { z } from "zod";
import { blockedAddressReason } from "@/server/providers/blocked-address";

/**
 * Why a base URL's host is an address Ensemble refuses to call (link-local, cloud metadata), when it is one
 * written as an IP literal; a host name is checked on what it resolves to, at each call (http-fetch.ts).
 */
function blockedHost(baseUrl: string): { host: string; reason: string } | undefined {
  let host: string;
  try {
    host = new URL(baseUrl).hostname.replace(/^\[(.*)\]$/, "$1");
  } catch {
    return undefined; // not a URL: the url check says so
  }
  const reason = blockedAddressReason(host);
  return reason ? { host, reason } : undefined;
}

export const createProviderSchema = z
  .object({
    name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
    kind: z.enum(["openai-compatible", "openai", "anthropic"], { error: "choose openai-compatible, openai or anthropic" }),
    baseUrl: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL, e.g. http://localhost:11434/v1" })
      .max(500, "must be at most 500 characters")
      .superRefine((value, ctx) => {
        const blocked = blockedHost(value);
        if (blocked) ctx.addIssue({ code: "custom", message: `must not point at ${blocked.host}, which is ${blocked.reason}: Ensemble does not call it` });
      })
      .optional(),
    apiKey: z.string().max(500, "must be at most 500 characters").optional(),
  })
  .refine((p) => p.kind !== "openai-compatible" || Boolean(p.baseUrl), {
    path: ["baseUrl"],
    message: "an OpenAI-compatible provider needs a base URL",
  });

export const testProviderSchema = z.object({
  id: z.string().min(1).max(200, "must be at most 200 characters"),
  remoteModel: z.string().trim().min(1, "name a model to call").max(200, "must be at most 200 characters"),
});

export type CreateProviderInput = z.infer<typeof createProviderSchema>;
