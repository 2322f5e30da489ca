import type { LanguageModel } from "ai";

/**
 * The AI SDK's provider-level model interface (LanguageModelV3), derived from what `ai` exports: its types
 * live in `@ai-sdk/provider`, which `ai` does not re-export and which is not a direct dependency of ours.
 */
export type LanguageModelV3 = Extract<LanguageModel, { specificationVersion: "v3" }>;
export type LanguageModelV3CallOptions = Parameters<LanguageModelV3["doGenerate"]>[0];
export type LanguageModelV3Prompt = LanguageModelV3CallOptions["prompt"];
export type LanguageModelV3Message = LanguageModelV3Prompt[number];
export type LanguageModelV3GenerateResult = Awaited<ReturnType<LanguageModelV3["doGenerate"]>>;
export type LanguageModelV3Content = LanguageModelV3GenerateResult["content"][number];
export type LanguageModelV3Usage = LanguageModelV3GenerateResult["usage"];
type LanguageModelV3StreamResult = Awaited<ReturnType<LanguageModelV3["doStream"]>>;
export type LanguageModelV3StreamPart = LanguageModelV3StreamResult["stream"] extends ReadableStream<infer Part> ? Part : never;
