package org.backmap.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.backmap.autodiff.backend.Backends;
import org.backmap.nn.Activation;
import org.backmap.nn.Losses;
import org.backmap.nn.Mlp;
import org.backmap.nn.MlpConfig;
import org.backmap.nn.Rng;
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
 * One training step of a float32 {@link Mlp} {@code 64 -> 256 -> 256 -> 64} with tanh hidden activations at batch
 * 64: zero the gradients, forward, mean squared error against a fixed target, backward. The optimiser update is
 * left out, so the time is the autodiff cost: 38 MFLOP of matmuls (forward {@code 2 x 64 x 98304}, backward
 * twice that) plus the elementwise ops and the tape.
 * {@code backend} picks the kernels: {@code cpu} (Vector API, both cores) or {@code scalar} (plain loops).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MlpStepBenchmark {

  /** Kernel backend, by {@link org.backmap.autodiff.backend.Backend#name()}. */
  @Param({"cpu", "scalar"})
  public String backend;

  @Param({"64"})
  public int batch;

  private Mlp mlp;
  private Tensor x;
  private Tensor target;

  @Setup(Level.Trial)
  public void setUp() {
    Backends.use(backend);
    Rng rng = Rng.seeded(7);
    mlp = new Mlp(MlpConfig.of(64, List.of(256, 256), 64, Activation.TANH), rng.fork("init"));
    Rng data = rng.fork("data");
    x = Tensor.uniform(data.generator(), DType.F32, -1, 1, batch, 64);
    target = Tensor.uniform(data.generator(), DType.F32, -1, 1, batch, 64);
  }

  /** Forward and backward; returns the loss so the work is not dead code. */
  @Benchmark
  public Tensor step() {
    mlp.zeroGrad();
    Tensor loss = Losses.meanSquaredError(mlp.forward(x), target);
    loss.backward();
    return loss;
  }
}
