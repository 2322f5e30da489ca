/**
 * Exact Beta distribution functions, written out because the orchestrator imports nothing but zod and
 * cockatiel. Accuracy is ~1e-12 or better over the shapes we meet (0.01 ≤ alpha, beta ≤ 1e6), far below
 * what any chart or routing decision can see; the point is that a "90% interval" really holds 90%.
 *
 * References: Lanczos log-gamma (g = 7, 9 terms, as in Numerical Recipes 3rd ed. §6.1); the incomplete beta
 * as a continued fraction evaluated by the modified Lentz method (NR §6.4); its inverse by safeguarded Halley
 * iteration from the NR `invbetai` starting guess (Abramowitz & Stegun 26.5.22 for shapes ≥ 1).
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (reflection handles 0 < x < 0.5 without losing precision). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** Throws on shapes the formulas below are not defined for: a NaN would otherwise reach a chart or a router. */
export function checkShapes(a: number, b: number): void {
  if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b))) {
    throw new RangeError(`Beta shapes must be finite and > 0, got alpha=${a}, beta=${b}`);
  }
}

const TINY = 1e-300;
const CF_EPS = 1e-15;
/** the fraction needs O(sqrt(max(a, b))) terms; this covers shapes up to ~1e8 */
const CF_MAX_TERMS = 20_000;

/** Continued fraction for I_x(a, b) (NR betacf), by the modified Lentz method. Converges fast for x < (a+1)/(a+b+2). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= CF_MAX_TERMS; m++) {
    const m2 = 2 * m;
    // even step
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // odd step
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < CF_EPS) break;
  }
  return h;
}

/**
 * The regularized incomplete beta I_x(a, b) = P(X ≤ x) for X ~ Beta(a, b): the Beta CDF.
 * `lnB` (= logBeta(a, b)) may be passed in by callers that evaluate many x for the same shapes.
 */
export function betaCdf(x: number, a: number, b: number, lnB: number = logBeta(a, b)): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - lnB);
  // use the fraction on the side where it converges quickly, and the symmetry I_x(a,b) = 1 − I_{1−x}(b,a)
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** Starting point for the inverse: NR invbetai. Within a few percent, so Halley needs 2–4 steps. */
function initialGuess(p: number, a: number, b: number): number {
  if (a >= 1 && b >= 1) {
    // A&S 26.2.22 normal quantile, then A&S 26.5.22
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (z * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    return a / (a + b * Math.exp(2 * w));
  }
  // small shapes: invert the leading power-law term of whichever tail p falls in
  const lna = Math.log(a / (a + b));
  const lnb = Math.log(b / (a + b));
  const t = Math.exp(a * lna) / a;
  const u = Math.exp(b * lnb) / b;
  const w = t + u;
  return p < t / w ? Math.pow(a * w * p, 1 / a) : 1 - Math.pow(b * w * (1 - p), 1 / b);
}

const X_REL_TOL = 1e-13;
const MAX_STEPS = 200;

/**
 * The p-quantile of Beta(a, b): the x with I_x(a, b) = p.
 *
 * Closed forms where they exist (a = 1 or b = 1, which also makes Beta(1, 1) free). Otherwise the root is
 * found on whichever side of 1/2 the mass sits, through q(p; a, b) = 1 − q(1 − p; b, a): solving for the
 * small quantity keeps full relative precision when the answer is 0.999 99…
 */
export function betaQuantile(p: number, a: number, b: number): number {
  checkShapes(a, b);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be within [0, 1], got ${p}`);
  if (p === 0) return 0;
  if (p === 1) return 1;
  if (a === 1 && b === 1) return p;
  if (a === 1) return -Math.expm1(Math.log1p(-p) / b); // 1 − (1 − p)^(1/b)
  if (b === 1) return Math.exp(Math.log(p) / a); // p^(1/a)
  return a > b ? 1 - solveQuantile(1 - p, b, a) : solveQuantile(p, a, b);
}

/**
 * Halley's method on f(x) = I_x(a, b) − p, whose derivatives are known in closed form (f' is the Beta
 * density, f''/f' = (a−1)/x − (b−1)/(1−x)), converges cubically from a good start. Far from the root the
 * Halley factor is unreliable, so it is used only while it is a modest correction to Newton. Every
 * evaluation also narrows a bracket [lo, hi] around the root, and a step that would leave the bracket
 * (steep or underflowing densities of very skewed shapes) is replaced by bisection: the iteration can neither
 * diverge nor stall.
 */
function solveQuantile(p: number, a: number, b: number): number {
  const lnB = logBeta(a, b);
  let lo = 0;
  let hi = 1;
  let x = initialGuess(p, a, b);
  if (!(x > 0 && x < 1)) x = 0.5;
  for (let step = 0; step < MAX_STEPS; step++) {
    const f = betaCdf(x, a, b, lnB) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lnB);
    let next = Number.NaN;
    if (density > 0 && Number.isFinite(density)) {
      const newton = f / density;
      const halley = newton * ((a - 1) / x - (b - 1) / (1 - x));
      next = x - (Math.abs(halley) < 1 ? newton / (1 - 0.5 * halley) : newton);
    }
    const bisected = !(next > lo && next < hi);
    if (bisected) next = 0.5 * (lo + hi);
    // a Newton/Halley step this small means x is at the root; a bisection step only says so once the bracket is tight
    if ((!bisected && Math.abs(next - x) <= X_REL_TOL * next) || hi - lo <= X_REL_TOL * hi) return next;
    x = next;
  }
  return x;
}
