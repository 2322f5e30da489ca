import { beforeAll, describe, expect, it } from "vitest";
import { TRPC_MAX_BATCH } from "../batch-limit";
import { createHarness, type Harness } from "../testing/harness";
import { routeHandlers, TEST_SESSION_HEADER, type RouteHandler } from "../testing/http-routes";

let h: Harness;
let get: RouteHandler;

beforeAll(async () => {
  h = await createHarness();
  get = routeHandlers(h)["app/api/trpc/[trpc]/route.ts"]!.GET!;
});

/** A batched GET of `count` calls to models.list, as the viewer. */
function batchOf(count: number): Promise<Response> {
  const paths = Array.from({ length: count }, () => "models.list").join(",");
  const input = encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [i, {}]))));
  return get(new Request(`http://localhost/api/trpc/${paths}?batch=1&input=${input}`, { headers: { [TEST_SESSION_HEADER]: h.users.viewer.id } }));
}

describe("tRPC batches", () => {
  it(`answers a batch of ${TRPC_MAX_BATCH} calls and refuses a longer one with a 400 that says why`, async () => {
    const full = await batchOf(TRPC_MAX_BATCH);
    expect(full.status).toBe(200);
    expect(await full.json()).toHaveLength(TRPC_MAX_BATCH);

    const over = await batchOf(TRPC_MAX_BATCH + 1);
    expect(over.status).toBe(400);
    expect(JSON.stringify(await over.json())).toContain("Batch call exceeds maximum size");
  });
});
