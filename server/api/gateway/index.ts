import type { Services } from "@/server/services/app";
import { chatCompletions } from "./chat-completions";
import { errorResponse } from "./errors";
import { listModels } from "./list-models";

export { MAX_BODY_BYTES } from "./body";

/**
 * The gateway's fetch handlers, over whichever services they are given: the Next route files pass the
 * process-wide ones, tests pass in-memory ones. Anything unexpected becomes an OpenAI-style 500, never an
 * HTML page or a stack trace.
 */
export function createGatewayHandlers(services: () => Promise<Services> | Services) {
  const guard = (handler: (s: Services, r: Request) => Promise<Response> | Response) => async (request: Request) => {
    try {
      return await handler(await services(), request);
    } catch (error) {
      return errorResponse(500, `Internal gateway error: ${error instanceof Error ? error.message : String(error)}`, { type: "api_error", code: "internal_error" });
    }
  };
  return { chatCompletions: guard(chatCompletions), models: guard(listModels) };
}
