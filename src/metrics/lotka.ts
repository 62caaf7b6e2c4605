/**
 * Lotka's law (Lotka 1926): the share of authors with x papers falls as C / x^n. As bibliometrix does, n and C come
 * from a least-squares line through (log10 x, log10 share) over the x values observed.
 */

export interface LotkaPoint {
  /** x: papers per author. */
  papers: number;
  /** Authors with exactly x papers. */
  authors: number;
  /** authors / all authors. */
  share: number;
  /** C / x^n (null without a fit). */
  fitted: number | null;
}

export interface LotkaFit {
  /** The exponent n (bibliometrix's beta): minus the slope of the log–log line. */
  exponent: number;
  /** C: the fitted share of authors with one paper. */
  constant: number;
  /** R² of the log–log regression. null when every observed share is the same. */
  r2: number | null;
  /** Kolmogorov–Smirnov D: the largest gap between observed and fitted cumulative shares over x = 1 … max x. */
  ks: number;
  /** Pao's (1986) critical value of D at the 0.01 level, 1.63 / √(authors); D below it: the law is not rejected. */
  ksCritical: number;
}

export interface Lotka {
  points: LotkaPoint[];
  totalAuthors: number;
  /** null with fewer than two distinct x values (no line to fit). */
  fit: LotkaFit | null;
}

/** `papersPerAuthor`: one count per author (full counting); zeros are ignored. */
export function lotka(papersPerAuthor: Iterable<number>): Lotka {
  const byCount = new Map<number, number>();
  let total = 0;
  for (const x of papersPerAuthor) {
    if (!(x > 0)) continue;
    byCount.set(x, (byCount.get(x) ?? 0) + 1);
    total++;
  }
  const observed = [...byCount].sort((a, b) => a[0] - b[0]).map(([papers, authors]) => ({ papers, authors, share: authors / total }));
  const fit = observed.length > 1 ? fitLotka(observed, total) : null;
  const points = observed.map((p) => ({ ...p, fitted: fit ? fit.constant / p.papers ** fit.exponent : null }));
  return { points, totalAuthors: total, fit };
}

function fitLotka(observed: { papers: number; share: number }[], total: number): LotkaFit {
  const xs = observed.map((p) => Math.log10(p.papers));
  const ys = observed.map((p) => Math.log10(p.share));
  const m = xs.length;
  const mx = xs.reduce((s, v) => s + v, 0) / m;
  const my = ys.reduce((s, v) => s + v, 0) / m;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < m; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let ssRes = 0;
  for (let i = 0; i < m; i++) ssRes += (ys[i] - (intercept + slope * xs[i])) ** 2;
  const exponent = -slope;
  const constant = 10 ** intercept;
  return { exponent, constant, r2: syy > 0 ? 1 - ssRes / syy : null, ks: ksDistance(observed, exponent, constant), ksCritical: 1.63 / Math.sqrt(total) };
}

function ksDistance(observed: { papers: number; share: number }[], exponent: number, constant: number): number {
  const maxX = observed[observed.length - 1].papers;
  let at = 0,
    cumObserved = 0,
    cumFitted = 0,
    d = 0;
  for (let x = 1; x <= maxX; x++) {
    if (observed[at]?.papers === x) cumObserved += observed[at++].share;
    cumFitted += constant / x ** exponent;
    d = Math.max(d, Math.abs(cumObserved - cumFitted));
  }
  return d;
}
