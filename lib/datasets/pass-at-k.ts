/**
 * The unbiased pass@k estimator of Chen et al. (2021): for one problem with n samples of which c pass,
 * pass@k = 1 − C(n−c, k) / C(n, k). The binomials overflow quickly (C(200, 100) ≈ 9e58), so the ratio is
 * computed as the product ∏_{i=n−c+1}^{n} (1 − k / i), which stays in [0, 1] and loses no precision.
 */
export function passAtK(n: number, c: number, k: number): number {
  assertCounts(n, c, k);
  if (n - c < k) return 1;
  let allFail = 1;
  for (let i = n - c + 1; i <= n; i += 1) allFail *= 1 - k / i;
  return 1 - allFail;
}

/**
 * pass@k when samples of a problem were drawn in order and stopped at the first success (AlphaCodium's
 * iterations): the first k samples are an unbiased draw of k samples, so pass@k is 1 if the first success is
 * among them. Samples never run after the stop do not matter; a crashed sample is a failure.
 */
export function passAtKFirstSolve(firstSolvedIndex: number | null, k: number): number {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer (got ${k})`);
  return firstSolvedIndex !== null && firstSolvedIndex < k ? 1 : 0;
}

function assertCounts(n: number, c: number, k: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer (got ${n})`);
  if (!Number.isInteger(c) || c < 0 || c > n) throw new RangeError(`c must be an integer in 0..n (got ${c}, n=${n})`);
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`k must be an integer in 1..n (got ${k}, n=${n})`);
}
