import { APICallError, JSONParseError, TypeValidationError } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProviderError } from "@/server/orchestrator/errors";
import type { ModelSpec } from "@/server/orchestrator/spec";
import { createAiSdkClient } from "./ai-sdk";
import { BlockedAddressError } from "./blocked-address";
import { toProviderError } from "./provider-errors";
import { openAiError, startFakeServer, type FakeServer } from "./testing/openai-fake-server";

// what a cloud metadata endpoint (or any internal page) might serve: none of it may reach an error message
const SECRET_BODY = "AccessKeyId=ASIAEXAMPLE\nSecretAccessKey=wJalrXUtnFEMI/K7MDENG\nToken=IQoJb3JpZ2luX2VjEXAMPLE";

function invalidJsonReply(cause: Error, contentType = "text/plain; charset=utf-8"): APICallError {
  return new APICallError({
    message: "Invalid JSON response",
    url: "http://internal.test/v1/chat/completions",
    requestBodyValues: {},
    statusCode: 200,
    responseHeaders: { "Content-Type": contentType },
    responseBody: SECRET_BODY,
    cause,
  });
}

function expectNoBodyText(message: string): void {
  for (const piece of ["ASIAEXAMPLE", "wJalrXUtnFEMI", "IQoJb3JpZ2lu", "AccessKeyId", "Token="]) expect(message).not.toContain(piece);
}

describe("toProviderError: a 2xx reply that is not the expected JSON", () => {
  it("reports the status, content type and size, not the body text", () => {
    const error = toProviderError(invalidJsonReply(new JSONParseError({ text: SECRET_BODY, cause: new SyntaxError(`Unexpected token 'A', "AccessKeyI"... is not valid JSON`) })));
    expect(error).toMatchObject({ kind: "bad-response", status: 200 });
    expect(error.message).toBe(`Invalid JSON response (HTTP 200, content-type text/plain, ${SECRET_BODY.length} characters, not shown): the body is not JSON`);
    expectNoBodyText(error.message);
  });

  it("says JSON of the wrong shape is that, without quoting the value", () => {
    const value = JSON.parse(`{"Code":"Success","AccessKeyId":"ASIAEXAMPLE"}`) as unknown;
    const error = toProviderError(invalidJsonReply(new TypeValidationError({ value, cause: new Error("choices: expected array") }), "application/json"));
    expect(error.kind).toBe("bad-response");
    expect(error.message).toMatch(/^Invalid JSON response \(HTTP 200, content-type application\/json, \d+ characters, not shown\): the JSON is not the expected response$/);
    expectNoBodyText(error.message);
  });

  it("does not quote the text of a streamed event that fails to parse either", () => {
    const parse = toProviderError(new JSONParseError({ text: SECRET_BODY, cause: new SyntaxError("bad") }));
    expect(parse.kind).toBe("bad-response");
    expect(parse.message).toBe(`JSON parsing failed: the provider sent ${SECRET_BODY.length} characters that are not JSON (not shown)`);
    const shape = toProviderError(new TypeValidationError({ value: { AccessKeyId: "ASIAEXAMPLE" }, cause: new Error("expected choices") }));
    expect(shape.message).toBe("Type validation failed: the provider's JSON is not the expected response (not shown)");
    expectNoBodyText(parse.message + shape.message);
  });

  it("keeps the provider's message of an HTTP error body, which is meant to be read", () => {
    const error = toProviderError(
      new APICallError({
        message: "Not Found",
        url: "http://localhost:11434/v1/chat/completions",
        requestBodyValues: {},
        statusCode: 404,
        responseBody: JSON.stringify({ error: "model 'llama9' not found, try pulling it first" }),
      }),
    );
    expect(error).toMatchObject({ kind: "bad-request", status: 404, message: "HTTP 404: model 'llama9' not found, try pulling it first" });
  });
});

describe("toProviderError: a refused address", () => {
  it("is a non-retryable bad-request carrying the refusal, wherever it sits in the cause chain", () => {
    const refusal = new BlockedAddressError("169.254.169.254", "link-local (cloud metadata)");
    const message = "provider address 169.254.169.254 is link-local (cloud metadata); Ensemble does not call it";
    // as httpFetch fails, and as the AI SDK wraps that failure ("Cannot connect to API", marked retryable)
    const fetchFailure = new TypeError("fetch failed", { cause: refusal });
    const sdkFailure = new APICallError({ message: `Cannot connect to API: ${refusal.message}`, url: "http://metadata.test/v1", requestBodyValues: {}, cause: refusal, isRetryable: true });
    for (const error of [refusal, fetchFailure, sdkFailure]) {
      const failure = toProviderError(error);
      expect(failure).toMatchObject({ kind: "bad-request", message });
      expect(failure.retryable).toBe(false);
    }
  });
});

describe("a non-JSON 2xx reply through the AI SDK", () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startFakeServer();
  });
  afterAll(() => fake.close());

  const model: ModelSpec = {
    id: "internal",
    name: "Internal",
    providerId: "p",
    providerKind: "openai-compatible",
    remoteModel: "m",
    contextWindow: 8000,
    pricing: { inputUsdPerMTok: 1, outputUsdPerMTok: 1 },
    enabled: true,
  };

  it("fails as bad-response without the body text in the message", async () => {
    fake.enqueue({ kind: "raw", body: SECRET_BODY, contentType: "text/plain" });
    const error = await createAiSdkClient(model, { baseUrl: fake.baseUrl }).generate({ messages: [{ role: "user", content: "hi" }] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: "bad-response", status: 200 });
    expect((error as ProviderError).message).toContain("HTTP 200, content-type text/plain");
    expectNoBodyText((error as ProviderError).message);
  });

  it("still shows a 4xx/5xx provider error message", async () => {
    fake.enqueue(openAiError(500, "The server had an error"));
    const error = await createAiSdkClient(model, { baseUrl: fake.baseUrl }).generate({ messages: [{ role: "user", content: "hi" }] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: "server", message: "HTTP 500: The server had an error" });
  });
});
