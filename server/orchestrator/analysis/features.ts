import type { PromptSignals } from "./signals";
import type { PromptView } from "./prompt-view";

/**
 * Sparse features for the learned model. The same function runs in `train.ts` and at analysis
 * time, so training and serving can never drift apart.
 *
 * Feature families (prefix → meaning):
 *   w:  word stem (instruction at weight 1, pasted material at a reduced weight)
 *   b:  bigram of stems in the instruction (phrasing: "write_a", "how_do")
 *   p:  first 6 letters of a long instruction word (survives typos at the end: "summerise", "translte")
 *   f:  the first word of the instruction (imperative or question word)
 *   s:  structural signal (pasted code, arithmetic, foreign script...)
 *   r:  a hand-written rule fired (its id)
 * Values are max-pooled, not summed: a word repeated ten times in a paste is still one cue.
 */
export type FeatureVector = Map<string, number>;

const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;
/** Pasted material contributes at most about this much in total, however long it is. */
const BODY_BUDGET = 12;
const BODY_MAX_WEIGHT = 0.3;
/** Tokens read from the material; beyond this the budget is spread too thin to matter. */
const BODY_MAX_TOKENS = 600;

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
/** Character pairs read from one unspaced CJK run. */
const CJK_PAIRS = 40;

/** Stems of recently seen words: prompts reuse a small vocabulary, and stemming is the hot loop. */
const STEM_CACHE = new Map<string, string>();
const STEM_CACHE_MAX = 50_000;

/** A light suffix stripper: enough to merge "summarize/summarizing/summarized", cheap enough for 1 ms. */
export function stem(word: string): string {
  const cached = STEM_CACHE.get(word);
  if (cached !== undefined) return cached;
  const stemmed = stemUncached(word);
  if (STEM_CACHE.size >= STEM_CACHE_MAX) STEM_CACHE.clear();
  STEM_CACHE.set(word, stemmed);
  return stemmed;
}

function stemUncached(word: string): string {
  if (/^\d/.test(word)) return "0";
  let w = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (w.length <= 4) return w;
  if (w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ing") && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith("ed") && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  return w;
}

export function tokenize(text: string, limit = Number.POSITIVE_INFINITY): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (out.length < limit && (m = TOKEN.exec(text)) !== null) out.push(m[0]);
  TOKEN.lastIndex = 0;
  return out;
}

function put(features: FeatureVector, key: string, value: number): void {
  const old = features.get(key);
  if (old === undefined || old < value) features.set(key, value);
}

export function signalFeatureNames(signals: PromptSignals): string[] {
  const names = [`s:len-${signals.length}`];
  if (signals.pastedCode) names.push("s:code");
  if (signals.errorTrace) names.push("s:error");
  if (signals.arithmetic) names.push("s:arith");
  if (signals.instructionNumbers >= 2) names.push("s:nums2");
  if (signals.instructionNumbers >= 4) names.push("s:nums4");
  if (signals.nonLatinShare > 0.2) names.push("s:nonlatin");
  if (signals.romanceOrGermanic) names.push("s:foreign");
  if (signals.pastedList) names.push("s:list");
  if (signals.question) names.push("s:question");
  if (signals.emoji) names.push("s:emoji");
  if (signals.multipleChoice) names.push("s:mc");
  names.push(`s:material-${signals.material}`);
  // A question over pasted material is usually answered from it (extraction); a bare question is not.
  if ((signals.question || signals.headQuestion) && signals.material !== "none") names.push("s:question+material");
  return names;
}

export function extractFeatures(view: PromptView, signals: PromptSignals, ruleIds: readonly string[]): FeatureVector {
  const features: FeatureVector = new Map();
  const instruction = tokenize(view.instruction, 200);
  let previous = "";
  for (let i = 0; i < instruction.length; i++) {
    const raw = instruction[i] ?? "";
    const s = stem(raw);
    put(features, `w:${s}`, 1);
    if (i === 0) put(features, `f:${s}`, 1);
    if (previous !== "") put(features, `b:${previous}_${s}`, 1);
    if (raw.length >= 8) put(features, `p:${raw.slice(0, 6)}`, 1);
    // Chinese and Japanese are written without spaces, so a whole clause is one "word"; its character
    // pairs (翻译, 英语, 什么) carry the meaning instead.
    if (raw.length >= 2 && CJK.test(raw)) for (let j = 0; j + 2 <= raw.length && j < CJK_PAIRS; j++) put(features, `w:${raw.slice(j, j + 2)}`, 1);
    previous = s;
  }
  if (view.body !== "") {
    const body = tokenize(view.body, BODY_MAX_TOKENS);
    const weight = Math.min(BODY_MAX_WEIGHT, BODY_BUDGET / Math.max(1, body.length));
    for (const raw of body) put(features, `w:${stem(raw)}`, weight);
  }
  for (const name of signalFeatureNames(signals)) put(features, name, 1);
  for (const id of ruleIds) put(features, `r:${id}`, 1);
  put(features, "bias", 1);
  return features;
}
