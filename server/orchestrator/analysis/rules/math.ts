import type { Rule } from "./types";

const NUMBER_WORD = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|twice|thrice|half|third|quarter|dozen)\b/g;
const LATEX =
  /\$[^$\s](?:[^$\n]{0,78}[^$\s])?\$(?!\d)|\\(?:frac|dfrac|sqrt|binom|ell|ldots|cdots|cdot|times|div|pi|theta|alpha|beta|angle|triangle|overline|mathbf|mathrm|text|le|ge|leq|geq|neq|pm|infty|sum|prod|int|lfloor|rfloor|lceil|rceil|begin\{align)\b/;

function countMatches(re: RegExp, text: string, cap: number): number {
  re.lastIndex = 0;
  let n = 0;
  while (n < cap && re.exec(text) !== null) n++;
  re.lastIndex = 0;
  return n;
}

/** Math cues: arithmetic, mathematical vocabulary, LaTeX and numeric word problems. */
export const MATH_RULES: Rule[] = [
  { id: "arithmetic", capability: "math", boost: 1.5, test: ({ signals }) => (signals.arithmetic ? "arithmetic expression" : null) },
  { id: "math-term", capability: "math", boost: 2, pattern: /\b(?:solve (?:for|the (?:equation|system|inequality))|equations?|derivative|differentiate|integra(?:l|te)|antiderivative|limit of|eigen\w*|determinant|matri(?:x|ces)|factorial|logarithm|log base|quadratic|polynomial|theorem|lemma|prove that|proof|by induction|expected value|variance|standard deviation|median|the mean|gcd|lcm|least common multiple|greatest common divisor|prime (?:number|factor\w*)|fractions?|percent(?:age)?|square root|sqrt|cube root|hypotenuse|perimeter|area of|volume of|circumference|parabola|slope|series|converge\w*|taylor|maclaurin|differential equation|confidence interval|z-test|t-test|p-value|binomial|permutations?|combinations?|how many ways|trailing zeros|compound(?:ed)? interest|probability|odds of|chance (?:that|of)|amortization|irrational|divisible|congruent|diagonals?|hexagon|pentagon|octagon|polygon|triangle|rectangle|circle|sphere|cylinder|cone|cube root|angles?|degrees celsius|celsius|fahrenheit|interest rate|discount(?:ed)?|marks? up|markup|% off|mph|km\/h|per hour)\b/ },
  { id: "math-percent", capability: "math", boost: 1.5, pattern: /\d\s*%\s*of\s+\$?\d|\bwhat(?:'s| is|s) \$?\d/ },
  { id: "math-verbal-op", capability: "math", boost: 2.5, pattern: /\b\d+(?:\.\d+)?\s+(?:plus|minus|times|divided by|multiplied by|to the power of|squared|cubed)\b/ },
  { id: "math-calc", capability: "math", boost: 1.5, pattern: /\b(?:calculate|compute|simplify|evaluate the (?:integral|expression|limit|sum)|factori[sz]e|round(?:ed)? to the nearest)\b/ },
  {
    id: "word-problem",
    capability: "math",
    boost: 1.5,
    // Quantities may be spelled out ("four times as old", "half as many"), so number words count too.
    test: ({ text, signals }) =>
      signals.instructionNumbers + countMatches(NUMBER_WORD, text, 4) >= 2 &&
      (/\b(?:how (?:many|much|long|far|high|fast|old|often)|what(?:'s| is| was| will be) the (?:total|average|probability|chance|cost|price|original|number|amount|sum|difference|profit|area|distance|percentage|speed|value|final)|what (?:percentage|fraction|percent)|what time|find the)\b/.test(text) ||
        (signals.question && /[%$€£]|\b(?:percent|cost|price|rate|total|hours?|minutes?|miles|km|kg|pounds|dollars)\b/.test(text)))
        ? "numeric word problem"
        : null,
  },
  // MATH-competition problems are written in LaTeX: "$x^2 + y^2 = 1$", "$A(a,b)$", "\frac{1}{x}". Inline math hugs its
  // dollar signs; prices do not ("$5 and $10" has a space before the second "$").
  { id: "latex-math", capability: "math", boost: 2.5, test: ({ view }) => LATEX.exec(view.scanned)?.[0] ?? null },
  // "is 221 prime", "is 1001 divisible by 7": a property of a specific number.
  { id: "number-property", capability: "math", boost: 2.5, pattern: /\bis \d+ (?:a )?(?:prime|composite|even|odd|divisible|a perfect (?:square|cube)|rational|irrational)\b|\b(?:prime factori[sz]ation|factors?) of \d+\b/ },
];
