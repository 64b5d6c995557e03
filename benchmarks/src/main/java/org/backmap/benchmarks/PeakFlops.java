package org.backmap.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The theoretical float32 FMA peak of this machine, {@code cores x clock x FMA pipes x lanes x 2} (an FMA is two
 * floating-point operations), with each factor's source stated:
 * <ul>
 *   <li>cores: {@link Runtime#availableProcessors()};</li>
 *   <li>lanes: {@link FloatVector#SPECIES_PREFERRED} (16 with AVX-512);</li>
 *   <li>FMA pipes per core: an assumption, 2 by default (AMD Zen 4/5 and Intel server cores have two 512-bit
 *       FMA pipes), override with {@code -Dbackmap.fmaPipes=N};</li>
 *   <li>clock: measured, because a virtual machine's {@code /proc/cpuinfo} shows the nominal (TSC) frequency
 *       and hides turbo. A chain of dependent {@code (x + y) ^ i} steps costs two cycles per step on any core
 *       with single-cycle integer add and xor, so steps per second times two is the clock of the core running
 *       it. The nominal {@code cpu MHz} is printed next to it.</li>
 * </ul>
 * As a cross-check it also measures what the Vector API reaches on register-resident FMAs (12 independent
 * accumulator chains per thread, one thread per core): the practical ceiling for any kernel.
 *
 * <p>Run it with {@code java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar
 * org.backmap.benchmarks.PeakFlops}.
 */
public final class PeakFlops {

  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  /** Assumed FMA pipes per core (see the class comment). */
  static final int FMA_PIPES = Integer.getInteger("backmap.fmaPipes", 2);

  /** Keeps the JIT from discarding the timed loops. */
  private static volatile double sink;

  private PeakFlops() {}

  /** Prints the derivation and the measured FMA ceiling. */
  public static void main(String[] args) throws InterruptedException {
    for (String line : report(true)) {
      System.out.println(line);
    }
  }

  /**
   * The peak in GFLOP/s: cores x measured clock x {@link #FMA_PIPES} x float lanes x 2. Takes about 0.2 s.
   */
  public static double peakGflops() {
    return Runtime.getRuntime().availableProcessors() * measureClockGhz() * FMA_PIPES * SPECIES.length() * 2;
  }

  /** The lines {@link #main} prints; {@code withFmaRoof} adds the measured FMA ceiling (about two seconds). */
  static List<String> report(boolean withFmaRoof) throws InterruptedException {
    int cores = Runtime.getRuntime().availableProcessors();
    int lanes = SPECIES.length();
    double ghz = measureClockGhz();
    double nominalGhz = cpuinfoMhz() / 1000;
    List<String> lines = new ArrayList<>();
    lines.add(String.format("cores %d, float32 lanes %d (%d-bit vectors), FMA pipes per core %d (assumed)",
        cores, lanes, SPECIES.vectorBitSize(), FMA_PIPES));
    lines.add(String.format("clock: %.2f GHz measured (dependent add/xor chain, 2 cycles per step); "
        + "/proc/cpuinfo cpu MHz: %s", ghz, Double.isNaN(nominalGhz) ? "n/a" : String.format("%.2f GHz", nominalGhz)));
    lines.add(String.format("theoretical float32 FMA peak: %d x %.2f GHz x %d x %d x 2 = %.0f GFLOP/s",
        cores, ghz, FMA_PIPES, lanes, cores * ghz * FMA_PIPES * lanes * 2));
    if (!Double.isNaN(nominalGhz)) {
      lines.add(String.format("  (at the nominal clock: %.0f GFLOP/s)", cores * nominalGhz * FMA_PIPES * lanes * 2));
    }
    if (withFmaRoof) {
      lines.add(String.format("measured register-resident FMA throughput: 1 thread %.0f GFLOP/s, %d threads %.0f GFLOP/s",
          measureFmaGflops(1), cores, measureFmaGflops(cores)));
    }
    return lines;
  }

  /**
   * Clock in GHz of the core running this thread, from a chain of dependent single-cycle integer ops. Many short
   * runs (about 5 ms each), keeping the fastest: a run that the scheduler interrupts only ever reads low.
   */
  static double measureClockGhz() {
    long steps = 10_000_000L;
    double best = 0;
    for (int rep = 0; rep < 40; rep++) {
      long t0 = System.nanoTime();
      sink = dependentChain(steps);
      long t1 = System.nanoTime();
      best = Math.max(best, 2.0 * steps / (t1 - t0));
    }
    return best;
  }

  /** {@code steps} dependent add-then-xor pairs: the xor needs the add's result and the next add the xor's. */
  private static long dependentChain(long steps) {
    long x = 0x243F6A8885A308D3L;
    long y = steps | 1;
    for (long i = 0; i < steps; i += 4) {
      x = (x + y) ^ i;
      x = (x + y) ^ i;
      x = (x + y) ^ i;
      x = (x + y) ^ i;
    }
    return x;
  }

  /** GFLOP/s of independent vector FMAs on {@code threads} threads, best of a few runs. */
  static double measureFmaGflops(int threads) throws InterruptedException {
    long iterations = 20_000_000L;
    double flopsPerThread = 12.0 * SPECIES.length() * 2 * iterations;
    for (int warm = 0; warm < 5; warm++) {
      sink = fmaChains(iterations / 10); // compile before timing
    }
    double best = 0;
    for (int rep = 0; rep < 5; rep++) {
      Thread[] workers = new Thread[threads];
      for (int t = 0; t < threads; t++) {
        workers[t] = new Thread(() -> sink = fmaChains(iterations));
      }
      long t0 = System.nanoTime();
      for (Thread w : workers) {
        w.start();
      }
      for (Thread w : workers) {
        w.join();
      }
      long t1 = System.nanoTime();
      best = Math.max(best, threads * flopsPerThread / (t1 - t0));
    }
    return best;
  }

  /** Twelve independent FMA chains: enough to cover 4-cycle FMA latency on two pipes. */
  private static float fmaChains(long iterations) {
    FloatVector x = FloatVector.broadcast(SPECIES, 0.999999f);
    FloatVector y = FloatVector.broadcast(SPECIES, 1e-7f);
    FloatVector a0 = FloatVector.broadcast(SPECIES, 1f);
    FloatVector a1 = a0.add(1e-6f), a2 = a0.add(2e-6f), a3 = a0.add(3e-6f), a4 = a0.add(4e-6f);
    FloatVector a5 = a0.add(5e-6f), a6 = a0.add(6e-6f), a7 = a0.add(7e-6f), a8 = a0.add(8e-6f);
    FloatVector a9 = a0.add(9e-6f), a10 = a0.add(10e-6f), a11 = a0.add(11e-6f);
    for (long i = 0; i < iterations; i++) {
      a0 = a0.fma(x, y);
      a1 = a1.fma(x, y);
      a2 = a2.fma(x, y);
      a3 = a3.fma(x, y);
      a4 = a4.fma(x, y);
      a5 = a5.fma(x, y);
      a6 = a6.fma(x, y);
      a7 = a7.fma(x, y);
      a8 = a8.fma(x, y);
      a9 = a9.fma(x, y);
      a10 = a10.fma(x, y);
      a11 = a11.fma(x, y);
    }
    return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
        .reduceLanes(VectorOperators.ADD);
  }

  /** The largest {@code cpu MHz} in /proc/cpuinfo, or NaN where there is none. */
  static double cpuinfoMhz() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("cpu MHz"))
          .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(':') + 1).trim()))
          .max().orElse(Double.NaN);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
