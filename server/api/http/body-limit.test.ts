import { describe, expect, it } from "vitest";
import { toRequest } from "../testing/http-arbitraries";
import { withBodyLimit } from "./body-limit";

/** a handler that reads the whole body, as Auth.js's callback does */
const echo = withBodyLimit(async (request: Request) => new Response(await request.text()), 1024);

describe("withBodyLimit", () => {
  it("passes a body within the limit through untouched", async () => {
    const res = await echo(new Request("http://localhost/api/auth/callback/credentials", { method: "POST", body: "email=a%40b.co&password=x" }));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("email=a%40b.co&password=x");
  });

  it("refuses a declared length over the limit, and a chunked body that grows past it, with a JSON 413", async () => {
    const declared = await echo(new Request("http://localhost/x", { method: "POST", headers: { "content-length": "5000" }, body: "small" }));
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ error: { message: "Request body is larger than 1,024 bytes", code: "request_too_large" } });
    const chunked = await echo(toRequest({ method: "POST", url: "http://localhost/x", headers: {}, body: { chunkedBytes: 200_000 } }));
    expect(chunked.status).toBe(413);
  });

  it("lets requests without a body through", async () => {
    expect((await echo(new Request("http://localhost/x"))).status).toBe(200);
  });
});
