package org.backmap.md.minimize;

import java.util.function.IntConsumer;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, 2nd ed., algorithms 7.4 and 7.5) with a line
 * search satisfying the strong Wolfe conditions (algorithms 3.5 and 3.6, cubic interpolation in the zoom phase).
 * Stops when {@code |g| <= tolerance * max(1, |x|)} (Euclidean norms), the convergence test of liblbfgs that
 * OpenMM 7.7's {@code LocalEnergyMinimizer} runs with {@code epsilon = tolerance} (default 10 kJ/mol/nm; its
 * documentation speaks of the RMS force, but this is the test its code applies), or at the iteration limit.
 * A trial point of value {@code +Infinity} counts as a step too far; any other non-finite value or gradient
 * throws {@link MinimizationDivergedException}, so a result never holds NaN coordinates.
 */
public final class LbfgsMinimizer {
  /** Number of correction pairs kept. */
  public static final int DEFAULT_MEMORY = 10;
  private static final double C1 = 1e-4;
  private static final double C2 = 0.9;
  private static final int MAX_LINE_SEARCH = 30;

  private final int memory;
  private final double firstStepSize;

  /**
   * @param memory correction pairs kept
   * @param firstStepSize length of the first trial step (along the normalised steepest-descent direction) and
   *     after every restart, in units of x
   */
  public LbfgsMinimizer(int memory, double firstStepSize) {
    if (memory < 1 || !(firstStepSize > 0)) {
      throw new IllegalArgumentException("memory must be >= 1 and firstStepSize > 0");
    }
    this.memory = memory;
    this.firstStepSize = firstStepSize;
  }

  /**
   * Minimizes {@code f} from {@code x0}.
   *
   * @param f the objective
   * @param x0 the start (not modified)
   * @param tolerance stop when {@code |g| <= tolerance * max(1, |x|)}
   * @param maxIterations iteration limit, 0 for none
   * @param progress called with the iteration number after each iteration (may be {@code null})
   * @throws MinimizationDivergedException when the value or gradient is not finite
   */
  public MinimizationResult minimize(Objective objective, double[] x0, double tolerance, int maxIterations, IntConsumer progress) {
    int n = x0.length;
    int[] underWay = {0};
    Objective f = (point, gradient) -> {
      double v = objective.evaluate(point, gradient);
      requireUsable(v, gradient, underWay[0], true);
      return v;
    };
    double[] x = x0.clone();
    double[] g = new double[n];
    double value = objective.evaluate(x, g);
    requireUsable(value, g, 0, false);
    int evaluations = 1;
    double[][] s = new double[memory][n];
    double[][] y = new double[memory][n];
    double[] rho = new double[memory];
    double[] a = new double[memory];
    int stored = 0, newest = -1;
    double[] d = new double[n];
    double[] xNew = new double[n];
    double[] gNew = new double[n];
    int iteration = 0;
    while (true) {
      double rms = Math.sqrt(dot(g, g) / n);
      if (Math.sqrt(dot(g, g)) <= tolerance * Math.max(1, Math.sqrt(dot(x, x)))) {
        return new MinimizationResult(x, value, rms, iteration, evaluations, true);
      }
      if (maxIterations > 0 && iteration >= maxIterations) {
        return new MinimizationResult(x, value, rms, iteration, evaluations, false);
      }
      underWay[0] = iteration + 1;
      // Two-loop recursion: d = -H g.
      for (int k = 0; k < n; k++) {
        d[k] = -g[k];
      }
      for (int m = 0; m < stored; m++) {
        int i = Math.floorMod(newest - m, memory);
        a[i] = rho[i] * dot(s[i], d);
        axpy(-a[i], y[i], d);
      }
      double initialStep;
      if (stored > 0) {
        double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
        for (int k = 0; k < n; k++) {
          d[k] *= gamma;
        }
        initialStep = 1;
      } else {
        initialStep = firstStepSize / Math.sqrt(dot(d, d));
      }
      for (int m = stored - 1; m >= 0; m--) {
        int i = Math.floorMod(newest - m, memory);
        double b = rho[i] * dot(y[i], d);
        axpy(a[i] - b, s[i], d);
      }
      double slope = dot(g, d);
      if (slope >= 0) {
        // Not a descent direction (should not happen with positive curvature pairs): restart from steepest descent.
        stored = 0;
        for (int k = 0; k < n; k++) {
          d[k] = -g[k];
        }
        slope = dot(g, d);
        initialStep = firstStepSize / Math.sqrt(-slope);
      }
      LineSearch ls = lineSearch(f, x, value, g, d, slope, initialStep, xNew, gNew);
      evaluations += ls.evaluations;
      if (!ls.success) {
        if (stored == 0) {
          // Even steepest descent cannot reduce the value: we are at the floating-point resolution of a minimum.
          return new MinimizationResult(x, value, rms, iteration, evaluations, false);
        }
        stored = 0;
        continue;
      }
      newest = (newest + 1) % memory;
      double sy = 0;
      for (int k = 0; k < n; k++) {
        s[newest][k] = xNew[k] - x[k];
        y[newest][k] = gNew[k] - g[k];
      }
      sy = dot(s[newest], y[newest]);
      if (sy > 0) {
        rho[newest] = 1 / sy;
        stored = Math.min(stored + 1, memory);
      } else {
        newest = Math.floorMod(newest - 1, memory);
      }
      System.arraycopy(xNew, 0, x, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      value = ls.value;
      iteration++;
      if (progress != null) {
        progress.accept(iteration);
      }
    }
  }

  /** Throws unless value and gradient are finite; a trial may overshoot to {@code +Infinity} (a clash). */
  private static void requireUsable(double value, double[] gradient, int iteration, boolean trial) {
    if (trial && value == Double.POSITIVE_INFINITY) {
      return;
    }
    double probe = 0;
    for (double component : gradient) {
      probe += component;
    }
    String reason = !Double.isFinite(value) ? "non-finite energy" : !Double.isFinite(probe) ? "non-finite gradient" : null;
    if (reason != null) {
      throw new MinimizationDivergedException("minimization became unstable at iteration " + iteration + " (" + reason + ")", iteration, reason);
    }
  }

  private record LineSearch(boolean success, double value, int evaluations) {}

  /** Strong-Wolfe line search along d from x; on success xNew/gNew hold the accepted point. */
  private static LineSearch lineSearch(Objective f, double[] x, double f0, double[] g0, double[] d, double slope0,
      double step, double[] xNew, double[] gNew) {
    int evaluations = 0;
    double prevStep = 0, prevValue = f0, prevSlope = slope0;
    double alpha = step;
    for (int i = 0; i < MAX_LINE_SEARCH; i++) {
      double value = trial(f, x, d, alpha, xNew, gNew);
      evaluations++;
      double slope = dot(gNew, d);
      if (value > f0 + C1 * alpha * slope0 || (i > 0 && value >= prevValue)) {
        return zoom(f, x, f0, d, slope0, prevStep, prevValue, prevSlope, alpha, value, slope, xNew, gNew, evaluations);
      }
      if (Math.abs(slope) <= -C2 * slope0) {
        return new LineSearch(true, value, evaluations);
      }
      if (slope >= 0) {
        return zoom(f, x, f0, d, slope0, alpha, value, slope, prevStep, prevValue, prevSlope, xNew, gNew, evaluations);
      }
      prevStep = alpha;
      prevValue = value;
      prevSlope = slope;
      alpha *= 2;
    }
    return new LineSearch(false, f0, evaluations);
  }

  private static LineSearch zoom(Objective f, double[] x, double f0, double[] d, double slope0,
      double lo, double fLo, double gLo, double hi, double fHi, double gHi, double[] xNew, double[] gNew, int evaluations) {
    for (int i = 0; i < MAX_LINE_SEARCH; i++) {
      double alpha = cubicMinimum(lo, fLo, gLo, hi, fHi, gHi);
      double value = trial(f, x, d, alpha, xNew, gNew);
      evaluations++;
      double slope = dot(gNew, d);
      if (value > f0 + C1 * alpha * slope0 || value >= fLo) {
        hi = alpha;
        fHi = value;
        gHi = slope;
      } else {
        if (Math.abs(slope) <= -C2 * slope0) {
          return new LineSearch(true, value, evaluations);
        }
        if (slope * (hi - lo) >= 0) {
          hi = lo;
          fHi = fLo;
          gHi = gLo;
        }
        lo = alpha;
        fLo = value;
        gLo = slope;
      }
      if (Math.abs(hi - lo) <= 1e-14 * Math.max(1, Math.abs(lo))) {
        break;
      }
    }
    // Accept the best sufficient-decrease point found, if any.
    if (lo > 0 && fLo < f0) {
      double value = trial(f, x, d, lo, xNew, gNew);
      return new LineSearch(true, value, evaluations + 1);
    }
    return new LineSearch(false, f0, evaluations);
  }

  /** Minimiser of the cubic through (a, fa, ga) and (b, fb, gb), kept inside the middle 80 % of the interval. */
  private static double cubicMinimum(double a, double fa, double ga, double b, double fb, double gb) {
    double lo = Math.min(a, b), hi = Math.max(a, b), width = hi - lo;
    double d1 = ga + gb - 3 * (fa - fb) / (a - b);
    double disc = d1 * d1 - ga * gb;
    double t = Double.NaN;
    if (disc >= 0) {
      double d2 = Math.copySign(Math.sqrt(disc), b - a);
      t = b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2);
    }
    if (!(t >= lo + 0.1 * width && t <= hi - 0.1 * width)) {
      t = 0.5 * (lo + hi);
    }
    return t;
  }

  private static double trial(Objective f, double[] x, double[] d, double alpha, double[] xNew, double[] gNew) {
    for (int k = 0; k < x.length; k++) {
      xNew[k] = x[k] + alpha * d[k];
    }
    return f.evaluate(xNew, gNew);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  private static void axpy(double alpha, double[] x, double[] y) {
    for (int k = 0; k < x.length; k++) {
      y[k] += alpha * x[k];
    }
  }
}
