import fc from "fast-check";
import { malformedValue, nearlyValid } from "./fuzz-arbitraries";

/** What a fuzzed HTTP request is made of; built into a Request only when it is sent (a body stream is single-use). */
export interface RequestSpec {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array | { chunkedBytes: number };
}

export function toRequest(spec: RequestSpec): Request {
  const init: RequestInit & { duplex?: "half" } = { method: spec.method, headers: spec.headers };
  if (spec.body !== undefined && spec.method !== "GET" && spec.method !== "HEAD") {
    if (typeof spec.body === "object" && "chunkedBytes" in spec.body) {
      init.body = chunkedStream(spec.body.chunkedBytes);
      init.duplex = "half";
    } else {
      init.body = spec.body as BodyInit;
    }
  }
  return new Request(spec.url, init);
}

/** A body with no Content-Length, sent in 64 KB chunks: the cap must count the bytes, not trust a header. */
function chunkedStream(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

const jsonOf = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? "null";
  } catch {
    // BigInt and cycles cannot be sent as JSON: send what a broken client might
    return "[object Object]";
  }
};

const HUGE_JSON = JSON.stringify({ model: "auto", messages: [{ role: "user", content: "x".repeat(3 * 1024 * 1024) }] });

/** Bodies that are not what any handler wants: broken JSON, the wrong encoding, too big, or nothing at all. */
export const hostileBody: fc.Arbitrary<RequestSpec["body"]> = fc.oneof(
  fc.constantFrom<RequestSpec["body"]>(undefined, "", "{", "}", "[", "nul", '{"a":', '{"__proto__":{"polluted":"yes"}}', "\u0000", "\uFEFF{}", HUGE_JSON),
  fc.constant<RequestSpec["body"]>({ chunkedBytes: 3 * 1024 * 1024 }),
  fc.uint8Array({ maxLength: 64 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.json({ maxDepth: 3 }),
  malformedValue.map(jsonOf),
);

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "text/plain",
  "text/event-stream",
  "multipart/form-data; boundary=xyz",
  "application/x-www-form-urlencoded",
  "application/octet-stream",
  "",
  "garbage/;;;",
];

/** Header maps with odd content types, lying lengths, odd accept values and random extra headers. */
export function hostileHeaders(authorizations: fc.Arbitrary<string | undefined>, sessions: fc.Arbitrary<[string, string] | undefined>) {
  return fc
    .record({
      contentType: fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined }),
      authorization: authorizations,
      session: sessions,
      length: fc.option(fc.constantFrom("0", "1", "-1", "abc", "99999999999", "1e3"), { nil: undefined }),
      accept: fc.option(fc.constantFrom("text/event-stream", "application/jsonl", "*/*", "application/json"), { nil: undefined }),
      extra: fc.dictionary(fc.stringMatching(/^x-[a-z0-9-]{1,12}$/), fc.string({ unit: "grapheme-ascii", maxLength: 40 }), { maxKeys: 3 }),
    })
    .map(({ contentType, authorization, session, length, accept, extra }) => {
      const headers: Record<string, string> = { ...extra };
      if (contentType !== undefined) headers["content-type"] = contentType;
      if (authorization !== undefined) headers.authorization = authorization;
      if (session) headers[session[0]] = session[1];
      if (length !== undefined) headers["content-length"] = length;
      if (accept !== undefined) headers.accept = accept;
      return headers;
    });
}

/** Query strings: none, random text, or tRPC-style `input` / `batch` parameters carrying garbage. */
export const hostileQuery: fc.Arbitrary<string> = fc.oneof(
  fc.constant(""),
  fc.string({ maxLength: 30 }).map((s) => `?${encodeURIComponent(s)}`),
  fc.constantFrom("?input=", "?input={", "?input=%7B%22json%22%3A", "?batch=1", "?batch=1&input={}", "?batch=1&input=[]", "?range=30d", "?a=1&a=2", "?%zz", "?input=null"),
  malformedValue.map((v) => `?input=${encodeURIComponent(jsonOf(v))}`),
  malformedValue.map((v) => `?batch=1&input=${encodeURIComponent(jsonOf({ 0: { json: v } }))}`),
);

/** A valid chat-completions body with one part broken, or the valid body itself. */
export function chatBodies(models: string[], plausible: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const example = { model: models[0] ?? "auto", messages: [{ role: "system", content: "be brief" }, { role: "user", content: "What is 2 + 2?" }], stream: false, temperature: 0.5, max_tokens: 50 };
  return fc.oneof(
    fc.constantFrom(...models, "auto", "ensemble/vote", "ensemble/nope").chain((model) =>
      fc.boolean().map((stream) => JSON.stringify({ ...example, model, stream, stream_options: stream ? { include_usage: true } : undefined })),
    ),
    nearlyValid(example, plausible).map(jsonOf),
    fc.constant(JSON.stringify({ ...example, messages: [{ role: "user", content: "y".repeat(200_000) }] })),
  );
}

/**
 * superjson envelopes that abuse its metadata: unknown or mismatched types, prototype paths, a value made to
 * refer to itself (a cycle once deserialised), for tRPC request bodies and `input` parameters.
 */
export const superjsonTricks: fc.Arbitrary<string> = fc.constantFrom(
  '{"json":{"a":1},"meta":{"values":{"a":["Date"]}}}',
  '{"json":{"a":"x"},"meta":{"values":{"a":[["custom","nope"]]}}}',
  '{"json":{"a":"x"},"meta":{"values":{"a":[["class","Object"]]}}}',
  '{"json":{"a":{}},"meta":{"values":{"__proto__.polluted":["undefined"]}}}',
  '{"json":{"a":{}},"meta":{"values":{"a.__proto__":["set"]}}}',
  '{"json":{"a":{"b":null}},"meta":{"referentialEqualities":{"a":["a.b"]}}}',
  '{"json":"abc","meta":{"values":["bigint"]}}',
  '{"json":[1,2],"meta":{"values":["map"]}}',
  '{"json":{"id":"x"},"meta":{"values":"not-an-object"}}',
  '{"json":{"id":"x"},"meta":null}',
  '{"json":{"suiteId":"s","item":{"prompt":"p","grader":{"kind":"code","functionName":"f","cases":[{"args":[{"x":null}],"expected":1}]}}},"meta":{"referentialEqualities":{"item.grader.cases.0.args.0":["item.grader.cases.0.args.0.x"]}}}',
  '{"json":{"suiteId":"s","item":{"prompt":"p","grader":{"kind":"json","schema":{"properties":{"__proto__":{"type":"string"}},"required":[]},"expected":{"constructor":{"prototype":{"polluted":"yes"}}}}}}}',
);
