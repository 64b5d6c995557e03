package org.backmap.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.backmap.autodiff.backend.Backend;
import org.backmap.autodiff.backend.ScalarBackend;
import org.backmap.autodiff.backend.cpu.CpuBackend;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Square float32 matrix products {@code C = A B} of side {@code size}: {@link #vectorApi} is the CPU backend's
 * kernel (packed, register-blocked, both cores), {@link #naive} the textbook single-threaded i-j-p triple loop of
 * the scalar reference backend. Both run in the same JMH invocation so their ratio is measured under the same
 * conditions.
 *
 * <p>The primary score is products per second. The {@code gflops} secondary score is GFLOP/s directly: the
 * {@link Flops} counter adds {@code 2 size^3 / 1e9} per product (one multiply and one add per inner step), and JMH
 * reports a counter of type {@code OPERATIONS} as a rate per second. Inputs are uniform in [-1, 1) from a fixed
 * seed. The trial setup prints the machine's theoretical FMA peak (see {@link PeakFlops}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MatmulBenchmark {

  @Param({"64", "256", "1024"})
  public int size;

  private final Backend vector = new CpuBackend();
  private final Backend scalar = new ScalarBackend();
  private float[] a;
  private float[] b;
  private float[] c;

  /** Counts floating-point work; its rate is the GFLOP/s score. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Flops {
    /** GFLOP done in this iteration. */
    public double gflops;

    @Setup(Level.Iteration)
    public void reset() {
      gflops = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(20240601L);
    a = new float[size * size];
    b = new float[size * size];
    c = new float[size * size];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) rng.nextDouble(-1, 1);
      b[i] = (float) rng.nextDouble(-1, 1);
    }
    System.out.println();
    System.out.printf("theoretical 2-core float32 FMA peak: %.0f GFLOP/s (see PeakFlops for the derivation)%n",
        PeakFlops.peakGflops());
  }

  /** The CPU backend's kernel. */
  @Benchmark
  public float[] vectorApi(Flops flops) {
    vector.matmul(a, 0, b, 0, c, 0, size, size, size);
    flops.gflops += 2.0 * size * size * size / 1e9;
    return c;
  }

  /** The naive triple loop: one dot product of a row of A and a column of B per element, one thread. */
  @Benchmark
  public float[] naive(Flops flops) {
    scalar.matmul(a, 0, b, 0, c, 0, size, size, size);
    flops.gflops += 2.0 * size * size * size / 1e9;
    return c;
  }
}
