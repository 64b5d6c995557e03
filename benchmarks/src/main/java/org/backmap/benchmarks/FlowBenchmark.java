package org.backmap.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.backmap.flows.ConditionalFlow;
import org.backmap.flows.FlowConfig;
import org.backmap.nn.Rng;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A typical sidechain model: 30 BAT dimensions (9 bonds, 10 angles, 11 torsions), context 64, default flow
 * (MADE hidden 100, 20 bins, 3 blocks), batch 64, float32. Reports batches per second for a training step's
 * {@code logProb} + backward, and for sampling (the sequential inverse, D network passes per block).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FlowBenchmark {

  private static final int BATCH = 64;
  private static final int CONTEXT = 64;

  private ConditionalFlow flow;
  private Tensor x;
  private Tensor context;
  private Rng rng;

  @Setup
  public void setUp() {
    List<Boolean> circular = new ArrayList<>();
    for (int d = 0; d < 30; d++) {
      circular.add(d >= 19);
    }
    flow = new ConditionalFlow(FlowConfig.defaults(circular, CONTEXT));
    SplittableRandom r = new SplittableRandom(1);
    float[] values = new float[BATCH * 30];
    for (int i = 0; i < BATCH; i++) {
      for (int d = 0; d < 30; d++) {
        values[i * 30 + d] = (float) (d < 9 ? 1.5 + 0.03 * r.nextGaussian()
            : d < 19 ? 1.9 + 0.05 * r.nextGaussian() : r.nextDouble(-Math.PI, Math.PI));
      }
    }
    x = Tensor.wrap(values, BATCH, 30);
    context = Tensor.randn(r, DType.F32, BATCH, CONTEXT);
    rng = Rng.seeded(2);
  }

  /** One training step's work: log-density of a batch and its gradient for every parameter. */
  @Benchmark
  public Tensor logProbAndGradient() {
    flow.zeroGrad();
    Tensor loss = flow.logProb(x, context).mean().neg();
    loss.backward();
    return loss;
  }

  /** One sample per context row, with its exact log-density. */
  @Benchmark
  public Tensor sample() {
    return flow.sample(context, BATCH, rng).logProb();
  }
}
