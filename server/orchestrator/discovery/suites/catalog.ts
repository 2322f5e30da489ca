import type { Capability } from "../../spec";
import type { Suite } from "../suite-types";
import { brainstormingEntries } from "./brainstorming";
import type { BuiltinEntry } from "./build";
import { chatEntries } from "./chat";
import { classificationEntries } from "./classification";
import { codeEntries } from "./code";
import { extractionEntries } from "./extraction";
import { knowledgeEntries } from "./knowledge";
import { mathEntries } from "./math";
import { reasoningEntries } from "./reasoning";
import { roleplayEntries } from "./roleplay";
import { summarizationEntries } from "./summarization";
import { translationEntries } from "./translation";
import { writingEntries } from "./writing";

/**
 * The built-in suites, one per capability. This module imports no runtime value from answer-keys.ts,
 * because answer-keys.ts imports the suites' keys at load time (see suites/answer-keys.ts).
 */

const BUILDERS: Record<Capability, { name: string; entries: () => BuiltinEntry[] }> = {
  math: { name: "Arithmetic word problems", entries: mathEntries },
  code: { name: "JavaScript functions", entries: codeEntries },
  reasoning: { name: "Logic puzzles", entries: reasoningEntries },
  knowledge: { name: "General knowledge", entries: knowledgeEntries },
  writing: { name: "Creative and practical writing", entries: writingEntries },
  roleplay: { name: "In-character replies", entries: roleplayEntries },
  extraction: { name: "Fields to JSON", entries: extractionEntries },
  summarization: { name: "One-sentence summaries", entries: summarizationEntries },
  translation: { name: "English to French and Spanish", entries: translationEntries },
  classification: { name: "Label the text", entries: classificationEntries },
  brainstorming: { name: "Five ideas", entries: brainstormingEntries },
  chat: { name: "Everyday conversation", entries: chatEntries },
};

export function builtinEntries(capability: Capability): BuiltinEntry[] {
  return BUILDERS[capability].entries();
}

export function builtinSuite(capability: Capability): Suite {
  return {
    id: `builtin.${capability}`,
    name: BUILDERS[capability].name,
    capability,
    items: builtinEntries(capability).map((e) => e.item),
    builtin: true,
  };
}

export function allBuiltinEntries(): BuiltinEntry[] {
  return (Object.keys(BUILDERS) as Capability[]).flatMap(builtinEntries);
}
