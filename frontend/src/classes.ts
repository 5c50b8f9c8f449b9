// What a classifier's confusion matrix and feature importance say, as pure
// functions over the decoded tensors (no DOM): per-class precision and
// recall, the most confused class pairs, rows normalised to rates, features
// ranked by importance. The panels draw what these return.
//
//   const stats = classStats(counts, 3);            // counts: [3 × 3] row-major
//   stats[1].precision                              // correct / predicted as 1
//   confusedPairs(counts, 3, 5)[0]                  // the largest off-diagonal cell

/** One class of a confusion matrix (rows true, columns predicted). */
export interface ClassStat {
  index: number;
  /** Samples whose true class this is (row sum). */
  support: number;
  /** Samples predicted as this class (column sum). */
  predicted: number;
  /** Samples of this class predicted as it (diagonal). */
  correct: number;
  /** correct / predicted; NaN when the class is never predicted. */
  precision: number;
  /** correct / support; NaN when the class has no samples. */
  recall: number;
}

/** An off-diagonal cell: samples of class `actual` predicted as `predicted`. */
export interface ConfusedPair {
  actual: number;
  predicted: number;
  count: number;
  /** count / samples of `actual`: the share of that class lost to `predicted`. */
  rate: number;
}

function checkSquare(counts: ArrayLike<number>, n: number): void {
  if (counts.length !== n * n) throw new Error(`a ${n} × ${n} confusion matrix needs ${n * n} values, got ${counts.length}`);
}

/** Precision, recall and the counts behind them for each class. NaN/Inf counts propagate. */
export function classStats(counts: ArrayLike<number>, n: number): ClassStat[] {
  checkSquare(counts, n);
  const out: ClassStat[] = [];
  for (let k = 0; k < n; k++) {
    let support = 0;
    let predicted = 0;
    for (let j = 0; j < n; j++) {
      support += counts[k * n + j];
      predicted += counts[j * n + k];
    }
    const correct = counts[k * n + k];
    out.push({
      index: k,
      support,
      predicted,
      correct,
      precision: predicted > 0 ? correct / predicted : NaN,
      recall: support > 0 ? correct / support : NaN,
    });
  }
  return out;
}

/** The diagonal's share of all samples; NaN for an empty matrix. */
export function accuracy(counts: ArrayLike<number>, n: number): number {
  checkSquare(counts, n);
  let total = 0;
  let correct = 0;
  for (let i = 0; i < n * n; i++) total += counts[i];
  for (let k = 0; k < n; k++) correct += counts[k * n + k];
  return total > 0 ? correct / total : NaN;
}

/**
 * The off-diagonal cells holding samples, largest count first (ties: the
 * larger share of the true class, then row and column order), at most `limit`.
 */
export function confusedPairs(counts: ArrayLike<number>, n: number, limit = 10): ConfusedPair[] {
  const stats = classStats(counts, n);
  const pairs: ConfusedPair[] = [];
  for (let a = 0; a < n; a++) {
    for (let p = 0; p < n; p++) {
      const count = counts[a * n + p];
      if (a === p || !(count > 0)) continue; // NaN and 0 are no confusion
      pairs.push({ actual: a, predicted: p, count, rate: stats[a].support > 0 ? count / stats[a].support : NaN });
    }
  }
  pairs.sort((x, y) => y.count - x.count || y.rate - x.rate || x.actual - y.actual || x.predicted - y.predicted);
  return pairs.slice(0, Math.max(0, limit));
}

/**
 * Each row divided by its sum: the share of each true class predicted as each
 * class (recall on the diagonal). A row without samples stays 0; a row
 * holding NaN or Inf becomes NaN.
 */
export function normaliseRows(counts: ArrayLike<number>, n: number): Float32Array {
  checkSquare(counts, n);
  const out = new Float32Array(n * n);
  for (let r = 0; r < n; r++) {
    let sum = 0;
    for (let c = 0; c < n; c++) sum += counts[r * n + c];
    for (let c = 0; c < n; c++) {
      const v = counts[r * n + c];
      // A row holding NaN or Inf has no meaningful shares: all of it NaN, shown as such.
      out[r * n + c] = !Number.isFinite(sum) ? NaN : sum > 0 ? v / sum : 0;
    }
  }
  return out;
}

/** `names` when it names every one of `n` items, else "0", "1", … (a wrong list is not half-used). */
export function namesFor(names: unknown, n: number): string[] {
  if (Array.isArray(names) && names.length === n) return names.map((s) => String(s));
  return Array.from({ length: n }, (_, i) => String(i));
}

/** Indices of the values from largest to smallest; NaN last, in index order. */
export function rankDescending(values: ArrayLike<number>): number[] {
  const order = Array.from({ length: values.length }, (_, i) => i);
  const key = (i: number) => (Number.isNaN(values[i]) ? -Infinity : values[i]);
  return order.sort((a, b) => {
    const nanA = Number.isNaN(values[a]);
    const nanB = Number.isNaN(values[b]);
    if (nanA !== nanB) return nanA ? 1 : -1;
    return key(b) - key(a) || a - b;
  });
}

/** A share as a person reads it: 0.8333 -> "83.3%"; NaN (undefined) -> "—". */
export function percent(v: number): string {
  return Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : "—";
}
