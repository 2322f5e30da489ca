import { DomainError } from "../errors";
import type { FormattedResult, ModelResult, OutputFormat, Result, ResultSynthesizer } from "../spec";
import { formatOutput, type FormatOptions } from "./format";
import { validateFormat } from "./validators";

/**
 * The ResultSynthesizer for one output format.
 *
 * `combine(results)` takes the steps that contributed to the answer with the answer-bearing step LAST (the
 * strategy decides which that is: the aggregator, the revision, the accepted cascade answer, the winning voter);
 * the Result's text is that step's text and `contributors` lists every given step index. Tokens and cost are the
 * sum over the given results; the engine overwrites them with the whole task's totals.
 */
export function createResultSynthesizer(format: OutputFormat, options: FormatOptions = {}): ResultSynthesizer {
  return {
    async combine(results: ModelResult[]): Promise<Result> {
      const answer = results[results.length - 1];
      if (!answer) throw new DomainError("UNSATISFIABLE", "no step produced a result to synthesise");
      return {
        text: answer.text,
        format,
        contributors: [...new Set(results.map((r) => r.stepIndex))].sort((a, b) => a - b),
        inputTokens: results.reduce((sum, r) => sum + r.inputTokens, 0),
        outputTokens: results.reduce((sum, r) => sum + r.outputTokens, 0),
        costUsd: results.reduce((sum, r) => sum + r.costUsd, 0),
      };
    },
    validate(result: Result): boolean {
      return validateFormat(result.format, result.text).ok;
    },
    format(result: Result): FormattedResult {
      return formatOutput(result.text, result.format, options);
    },
  };
}
