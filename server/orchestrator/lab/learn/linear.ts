/**
 * Small deterministic linear models for the learned gate: ridge-regularised logistic regression fitted by Newton's
 * method, and ridge least squares. Feature vectors are short (tens of entries), so a dense solve per step is cheap
 * and exact: the same data always gives the same weights, with no learning rate or random start to tune.
 */

export type Vector = readonly number[];

export function dot(w: Vector, x: Vector): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += (w[i] as number) * (x[i] ?? 0);
  return s;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Solves A·x = b by Gaussian elimination with partial pivoting (A is d×d, row-major, copied). */
export function solve(a: readonly number[][], b: Vector): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs((m[r] as number[])[c] as number) > Math.abs((m[pivot] as number[])[c] as number)) pivot = r;
    [m[c], m[pivot]] = [m[pivot] as number[], m[c] as number[]];
    const row = m[c] as number[];
    const p = row[c] as number;
    if (Math.abs(p) < 1e-12) continue; // a constant-zero feature: its weight stays 0 (ridge keeps the system regular anyway)
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const other = m[r] as number[];
      const f = (other[c] as number) / p;
      if (f !== 0) for (let k = c; k <= n; k++) other[k] = (other[k] as number) - f * (row[k] as number);
    }
  }
  return m.map((row, i) => {
    const p = row[i] as number;
    return Math.abs(p) < 1e-12 ? 0 : (row[n] as number) / p;
  });
}

/** Normal equations with a ridge term: (XᵀWX + λI) and XᵀW·r, for Newton and least squares alike. */
function normal(xs: readonly Vector[], weight: (i: number) => number, target: (i: number) => number, l2: number): { a: number[][]; b: number[] } {
  const d = xs[0]?.length ?? 0;
  const a = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? l2 : 0)));
  const b = new Array<number>(d).fill(0);
  xs.forEach((x, n) => {
    const w = weight(n);
    const t = target(n);
    for (let i = 0; i < d; i++) {
      const xi = x[i] as number;
      if (xi === 0) continue;
      b[i] = (b[i] as number) + xi * t;
      const row = a[i] as number[];
      for (let j = 0; j < d; j++) row[j] = (row[j] as number) + w * xi * (x[j] as number);
    }
  });
  return { a, b };
}

/**
 * P(y = 1 | x) = sigmoid(w·x), minimising log-loss + l2/2·|w|² (the bias is the caller's constant-1 feature).
 * Newton steps until the step is negligible; 25 is far more than these small problems need.
 */
export function fitLogistic(xs: readonly Vector[], ys: readonly boolean[], l2 = 1, maxSteps = 25): number[] {
  const d = xs[0]?.length ?? 0;
  let w = new Array<number>(d).fill(0);
  for (let step = 0; step < maxSteps; step++) {
    const p = xs.map((x) => sigmoid(dot(w, x)));
    // gradient = Xᵀ(p − y) + l2·w; Hessian = XᵀSX + l2·I with S = p(1 − p)
    const { a, b } = normal(xs, (n) => (p[n] as number) * (1 - (p[n] as number)), (n) => (p[n] as number) - (ys[n] ? 1 : 0), l2);
    const grad = b.map((g, i) => g + l2 * (w[i] as number));
    const delta = solve(a, grad);
    w = w.map((wi, i) => wi - (delta[i] as number));
    if (Math.max(0, ...delta.map(Math.abs)) < 1e-9) break;
  }
  return w;
}

/** Ridge least squares: argmin |Xw − y|² + l2·|w|². */
export function fitRidge(xs: readonly Vector[], ys: readonly number[], l2 = 0.01): number[] {
  const { a, b } = normal(xs, () => 1, (n) => ys[n] as number, l2);
  return solve(a, b);
}
