/** -log10 P(X >= x) for X ~ Poisson(lambda). */
export function poissonSurprise(x: number, lambda: number): number {
  if (x <= 0) return 0;
  const lam = Math.max(lambda, 1e-3);
  // log of the first term, then sum terms upward until they vanish (x is a small count here).
  let logTerm = -lam + x * Math.log(lam) - logFactorial(x);
  let sum = 0;
  for (let k = x; k < x + 1000; k++) {
    const term = Math.exp(logTerm);
    sum += term;
    if (term < sum * 1e-12) break;
    logTerm += Math.log(lam) - Math.log(k + 1);
  }
  return Math.max(0, -Math.log10(Math.min(1, sum)));
}

function logFactorial(k: number): number {
  if (k < 20) {
    let s = 0;
    for (let i = 2; i <= k; i++) s += Math.log(i);
    return s;
  }
  // Stirling's series: exact to ~1e-10 from k = 20 on.
  return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + 1 / (12 * k) - 1 / (360 * k ** 3);
}

/** Fisher: -log10 P(chi2 with 2k dof >= 2 ln10 * sum of surprises). */
export function fisher(surprises: number[]): number {
  const x = surprises.reduce((a, b) => a + b, 0) * Math.LN10;
  let term = 1;
  let sum = 1;
  for (let j = 1; j < surprises.length; j++) {
    term *= x / j;
    sum += term;
  }
  return Math.max(0, x / Math.LN10 - Math.log10(sum));
}
