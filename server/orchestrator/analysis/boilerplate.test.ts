import { describe, expect, it } from "vitest";
import { isBoilerplateLine, stripBoilerplate } from "./boilerplate";

describe("stripBoilerplate", () => {
  it("drops harness markers and answer-format instructions, keeps the question", () => {
    const prompt = [
      "## question: ",
      "",
      "a farmer has 12 cows and buys 5 more. how many cows?",
      "",
      "## instruction ",
      "please answer this question by first reasoning and then providing your answer.",
      "present your reasoning and solution in the following json format. ",
      'please show your final answer in the `answer` field, e.g.,`"answer": "42"`.',
    ].join("\n");
    expect(stripBoilerplate(prompt).trim()).toBe("a farmer has 12 cows and buys 5 more. how many cows?");
  });

  it("removes Alpaca and chat-template scaffolding", () => {
    const alpaca =
      "below is an instruction that describes a task. write a response that appropriately completes the request.\n\n### instruction:\ntranslate to french: good night\n\n### response:";
    expect(stripBoilerplate(alpaca).trim()).toBe("translate to french: good night");
    expect(stripBoilerplate("[inst] write a haiku about rain [/inst]").trim()).toBe("write a haiku about rain");
  });

  it("keeps real requests that merely mention JSON or answers", () => {
    for (const line of ["give me the rows as json", "answer the customer politely", "write a json schema for a user"]) {
      expect(isBoilerplateLine(line)).toBe(false);
    }
  });

  it("never strips a prompt down to nothing", () => {
    expect(stripBoilerplate("answer:")).toBe("answer:");
  });
});
