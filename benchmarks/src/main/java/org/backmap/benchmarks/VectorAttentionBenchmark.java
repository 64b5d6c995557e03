package org.backmap.benchmarks;

import java.util.concurrent.TimeUnit;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.GradMode;
import org.backmap.autodiff.Tensor;
import org.backmap.gaattention.VectorAttentionConfig;
import org.backmap.gaattention.VectorAttentionEncoder;
import org.backmap.nn.Rng;
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
 * The vector-attention encoder (two blocks and a pooling layer) on a batch of 64 environments of N = 150 real
 * particles with 112 classes, float32, at width E = {@code width}: {@link #forward} (no tape) and
 * {@link #forwardBackward} (a training step's work without the optimiser update).
 *
 * <p>Matrix-product work is counted analytically by {@link #forwardFlops} (backward: twice the forward products)
 * and the setup prints it. The {@code gflops} counter is reported in the benchmark's mode, average time: its row
 * reads as milliseconds per GFLOP, so {@code 1000 / score} is GFLOP/s. forwardBackward runs the batch in chunks of
 * {@code chunk} environments, adding their gradients: environments do not interact, so the gradient is that of
 * the whole batch, while the tape holds a chunk's pair tensors instead of the batch's (64 x 150^2 x 100 floats
 * are 576 MB per pair tensor).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx12g"})
public class VectorAttentionBenchmark {

  private static final int BATCH = 64;
  private static final int PARTICLES = 150;
  private static final int CLASSES = 112;

  @Param({"40", "100"})
  public int width;

  @Param({"8"})
  public int chunk;

  private VectorAttentionEncoder encoder;
  private Tensor r;
  private Tensor classes;
  private Tensor mask;

  /** Counts matrix-product work; its rate is the GFLOP/s score. */
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
    Rng rng = Rng.seeded(5);
    encoder = new VectorAttentionEncoder(VectorAttentionConfig.of(width, CLASSES), rng.fork("init"));
    Rng data = rng.fork("data");
    r = Tensor.randn(data.generator(), DType.F32, BATCH, PARTICLES, 3);
    classes = Tensor.zeros(DType.F32, BATCH, PARTICLES, CLASSES);
    for (int p = 0; p < BATCH * PARTICLES; p++) {
      classes.setFlat(p * CLASSES + data.generator().nextInt(CLASSES), 1.0);
    }
    mask = Tensor.ones(DType.F32, BATCH, PARTICLES);
    System.out.println();
    System.out.printf("width %d: %.1f GFLOP of matrix products per forward; peak %.0f GFLOP/s (see PeakFlops)%n",
        width, forwardFlops(BATCH, PARTICLES, width, CLASSES, 2) / 1e9, PeakFlops.peakGflops());
  }

  /**
   * FLOPs of the matrix products of one forward pass (2 per multiply-add), with P = B N^2 pair rows and M = B N
   * particle rows, for each of the blocks + 1 attention layers: {@code V}'s first layer {@code 2 P 2 E}, the
   * folded {@code h (W2 J0)} {@code 2 P E^2}, the score network {@code 2 P E^2 + 2 P E}, the attention sum
   * {@code 2 P E}, the tuple part {@code 2 x 2 M E^2} and the folded {@code E x E} products {@code 3 x 2 E^3};
   * plus per block the update network {@code 2 x 2 M E^2}, and the embedding {@code 2 M C E}. The dot products of
   * the invariants ({@code 6 P}) and all elementwise work are left out.
   */
  public static double forwardFlops(int b, int n, int e, int c, int blocks) {
    double pairs = (double) b * n * n;
    double particles = (double) b * n;
    double layer = pairs * (4.0 * e + 2.0 * e * e + 2.0 * e * e + 2.0 * e + 2.0 * e)
        + 4.0 * particles * e * e + 6.0 * e * e * e;
    return (blocks + 1) * layer + blocks * 4.0 * particles * e * e + 2.0 * particles * c * e;
  }

  /** The descriptions of the batch, without a tape. */
  @Benchmark
  public Tensor forward(Flops flops) {
    Tensor y;
    try (var _ = GradMode.noGrad()) {
      y = encoder.describe(r, classes, mask);
    }
    flops.gflops += forwardFlops(BATCH, PARTICLES, width, CLASSES, 2) / 1e9;
    return y;
  }

  /** Forward and backward of the sum of the descriptions into every parameter, chunk by chunk. */
  @Benchmark
  public double forwardBackward(Flops flops) {
    encoder.zeroGrad();
    double total = 0;
    for (int start = 0; start < BATCH; start += chunk) {
      int end = Math.min(BATCH, start + chunk);
      Tensor loss = encoder.describe(r.slice(0, start, end), classes.slice(0, start, end), mask.slice(0, start, end))
          .sum();
      loss.backward();
      total += loss.item();
    }
    flops.gflops += 3 * forwardFlops(BATCH, PARTICLES, width, CLASSES, 2) / 1e9;
    return total;
  }
}
