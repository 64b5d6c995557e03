package org.backmap.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per op: its function and a generator of valid float64 inputs on random shapes (broadcast cases
 * included). Each row is checked against central finite differences for several seeds.
 */
class OpGradientTest {

  private static final double STEP = 1e-6;
  private static final double TOLERANCE = 1e-6;
  private static final int SEEDS = 4;

  private record Row(String name, Function<RandomGenerator, Tensor[]> inputs, Function<Tensor[], Tensor> f) {
    @Override
    public String toString() {
      return name;
    }
  }

  // ---------------------------------------------------------------- input generators

  static int[] randomShape(RandomGenerator rng, int minRank, int maxRank) {
    int rank = minRank + rng.nextInt(maxRank - minRank + 1);
    int[] s = new int[rank];
    for (int i = 0; i < rank; i++) {
      s[i] = 1 + rng.nextInt(4);
    }
    return s;
  }

  /** A shape that broadcasts to {@code full}: leading axes dropped and some axes set to 1. */
  static int[] broadcastableTo(RandomGenerator rng, int[] full) {
    int drop = rng.nextInt(full.length + 1);
    int[] s = new int[full.length - drop];
    for (int i = 0; i < s.length; i++) {
      s[i] = rng.nextInt(3) == 0 ? 1 : full[i + drop];
    }
    return s;
  }

  static Tensor uniform(RandomGenerator rng, double lo, double hi, int... shape) {
    return Tensor.uniform(rng, DType.F64, lo, hi, shape);
  }

  /** Values with |x| in [0.3, 2] and random sign: away from kinks at 0. */
  static Tensor awayFromZero(RandomGenerator rng, int... shape) {
    Tensor t = uniform(rng, 0.3, 2.0, shape);
    for (int i = 0; i < t.size(); i++) {
      if (rng.nextBoolean()) {
        t.setFlat(i, -t.getFlat(i));
      }
    }
    return t;
  }

  static Function<RandomGenerator, Tensor[]> one(double lo, double hi) {
    return rng -> new Tensor[] {uniform(rng, lo, hi, randomShape(rng, 0, 3))};
  }

  static Function<RandomGenerator, Tensor[]> oneAwayFromZero() {
    return rng -> new Tensor[] {awayFromZero(rng, randomShape(rng, 0, 3))};
  }

  /** Two operands of broadcast-compatible random shapes (either side may be the smaller). */
  static Function<RandomGenerator, Tensor[]> two(double lo, double hi) {
    return rng -> {
      int[] full = randomShape(rng, 1, 3);
      int[] small = broadcastableTo(rng, full);
      boolean swap = rng.nextBoolean();
      return new Tensor[] {uniform(rng, lo, hi, swap ? small : full), uniform(rng, lo, hi, swap ? full : small)};
    };
  }

  static Function<RandomGenerator, Tensor[]> shaped(int[]... shapes) {
    return rng -> {
      Tensor[] t = new Tensor[shapes.length];
      for (int i = 0; i < shapes.length; i++) {
        t[i] = uniform(rng, -2, 2, shapes[i]);
      }
      return t;
    };
  }

  static Row row(String name, Function<RandomGenerator, Tensor[]> inputs, Function<Tensor[], Tensor> f) {
    return new Row(name, inputs, f);
  }

  // ---------------------------------------------------------------- the table

  static List<Row> rows() {
    List<Row> r = new ArrayList<>();
    // elementwise, broadcasting
    r.add(row("add", two(-2, 2), x -> x[0].add(x[1])));
    r.add(row("sub", two(-2, 2), x -> x[0].sub(x[1])));
    r.add(row("mul", two(-2, 2), x -> x[0].mul(x[1])));
    r.add(row("div", two(0.5, 2), x -> x[0].div(x[1])));
    r.add(row("pow", two(0.5, 2), x -> x[0].pow(x[1])));
    r.add(row("maximum", two(-2, 2), x -> x[0].maximum(x[1])));
    r.add(row("minimum", two(-2, 2), x -> x[0].minimum(x[1])));
    r.add(row("atan2", two(-2, 2), x -> x[0].atan2(x[1])));
    r.add(row("addScalar", one(-2, 2), x -> x[0].add(0.7)));
    r.add(row("rsub", one(-2, 2), x -> x[0].rsub(0.7)));
    r.add(row("mulScalar", one(-2, 2), x -> x[0].mul(-1.3)));
    r.add(row("divScalar", one(-2, 2), x -> x[0].div(-1.3)));
    r.add(row("rdiv", one(0.5, 2), x -> x[0].rdiv(1.7)));
    r.add(row("powScalar", one(0.5, 2), x -> x[0].pow(2.5)));
    r.add(row("square", one(-2, 2), x -> x[0].pow(2.0)));
    // elementwise, unary
    r.add(row("neg", one(-2, 2), x -> x[0].neg()));
    r.add(row("exp", one(-2, 2), x -> x[0].exp()));
    r.add(row("log", one(0.2, 3), x -> x[0].log()));
    r.add(row("log1p", one(-0.5, 3), x -> x[0].log1p()));
    r.add(row("expm1", one(-2, 2), x -> x[0].expm1()));
    r.add(row("sqrt", one(0.2, 3), x -> x[0].sqrt()));
    r.add(row("abs", oneAwayFromZero(), x -> x[0].abs()));
    r.add(row("sin", one(-4, 4), x -> x[0].sin()));
    r.add(row("cos", one(-4, 4), x -> x[0].cos()));
    r.add(row("tanh", one(-3, 3), x -> x[0].tanh()));
    r.add(row("sigmoid", one(-5, 5), x -> x[0].sigmoid()));
    r.add(row("softplus", one(-5, 5), x -> x[0].softplus()));
    r.add(row("relu", oneAwayFromZero(), x -> x[0].relu()));
    r.add(row("gelu", one(-3, 3), x -> x[0].gelu()));
    r.add(row("map", one(-2, 2), x -> x[0].map("cube", v -> v * v * v, v -> 3 * v * v)));
    r.add(row("clamp", oneAwayFromZero(), x -> x[0].clamp(-1.0, 1.1)));
    r.add(row("where", rng -> {
      int[] s = randomShape(rng, 1, 3);
      Tensor mask = uniform(rng, -1, 1, broadcastableTo(rng, s)).gt(0.0);
      return new Tensor[] {uniform(rng, -2, 2, s), uniform(rng, -2, 2, broadcastableTo(rng, s)), mask};
    }, x -> Tensor.where(x[2], x[0], x[1])));
    // reductions
    r.add(row("sumAll", one(-2, 2), x -> x[0].sum()));
    r.add(row("sumAxis", shaped(new int[] {3, 4, 2}), x -> x[0].sum(1)));
    r.add(row("sumAxesKeep", shaped(new int[] {3, 4, 2}), x -> x[0].sum(new int[] {0, 2}, true)));
    r.add(row("meanAxes", shaped(new int[] {3, 4, 2}), x -> x[0].mean(new int[] {-1, 0}, false)));
    r.add(row("max", shaped(new int[] {3, 5, 2}), x -> x[0].max(1, false)));
    r.add(row("maxKeep", shaped(new int[] {4, 3}), x -> x[0].max(-1, true)));
    r.add(row("logSumExp", shaped(new int[] {3, 5}), x -> x[0].logSumExp(1, false)));
    r.add(row("softmax", shaped(new int[] {2, 3, 4}), x -> x[0].softmax(-1)));
    r.add(row("logSoftmax", shaped(new int[] {2, 5}), x -> x[0].logSoftmax(0)));
    r.add(row("cumsum", shaped(new int[] {3, 4, 2}), x -> x[0].cumsum(1)));
    r.add(row("norm", shaped(new int[] {3, 2, 3}), x -> x[0].norm()));
    r.add(row("layerNorm", shaped(new int[] {3, 2, 5}, new int[] {5}, new int[] {5}),
        x -> x[0].layerNorm(x[1], x[2], 1e-3)));
    r.add(row("layerNormOneFeature", shaped(new int[] {4, 1}, new int[] {1}, new int[] {1}),
        x -> x[0].layerNorm(x[1], x[2], 1e-3)));
    // linear algebra
    r.add(row("matmul", shaped(new int[] {3, 4}, new int[] {4, 5}), x -> x[0].matmul(x[1])));
    r.add(row("matmulBatched", shaped(new int[] {2, 3, 4}, new int[] {2, 4, 2}), x -> x[0].matmul(x[1])));
    r.add(row("matmulBroadcastBatch", shaped(new int[] {2, 1, 3, 4}, new int[] {3, 4, 2}), x -> x[0].matmul(x[1])));
    r.add(row("matmulVector", shaped(new int[] {3, 4}, new int[] {4}), x -> x[0].matmul(x[1])));
    r.add(row("vectorMatmul", shaped(new int[] {4}, new int[] {2, 4, 3}), x -> x[0].matmul(x[1])));
    // shapes
    r.add(row("reshape", shaped(new int[] {3, 4}), x -> x[0].reshape(2, -1, 3).exp()));
    r.add(row("permute", shaped(new int[] {2, 3, 4}), x -> x[0].permute(2, 0, 1).sin()));
    r.add(row("transpose", shaped(new int[] {2, 3, 4}), x -> x[0].transpose(0, -1).sin()));
    r.add(row("unsqueezeSqueeze", shaped(new int[] {2, 3}), x -> x[0].unsqueeze(1).sin().squeeze(1)));
    r.add(row("expand", shaped(new int[] {3, 1}), x -> x[0].expand(2, 3, 4).sin()));
    r.add(row("slice", shaped(new int[] {3, 5, 2}), x -> x[0].slice(1, 1, 4).sin()));
    r.add(row("concat", shaped(new int[] {2, 3}, new int[] {2, 1}, new int[] {2, 2}),
        x -> Tensor.concat(1, x[0], x[1], x[2]).sin()));
    r.add(row("stack", shaped(new int[] {2, 3}, new int[] {2, 3}), x -> Tensor.stack(1, x[0], x[1]).sin()));
    // indexing
    r.add(row("indexSelect", shaped(new int[] {4, 3}), x -> x[0].indexSelect(0, 3, 1, 1, 0).sin()));
    r.add(row("gather", shaped(new int[] {3, 4}),
        x -> x[0].gather(1, new Indices(new int[] {0, 3, 3, 1, 2, 2, 0, 1, 0}, new int[] {3, 3})).sin()));
    r.add(row("scatterAdd", shaped(new int[] {3, 4}, new int[] {3, 2}),
        x -> x[0].scatterAdd(1, new Indices(new int[] {0, 3, 1, 1, 2, 0}, new int[] {3, 2}), x[1]).sin()));
    return r;
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Row row : rows()) {
      for (int seed = 0; seed < SEEDS; seed++) {
        cases.add(Arguments.of(row, seed));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void gradientMatchesCentralDifferences(Row row, int seed) {
    RandomGenerator rng = new SplittableRandom(1000L * seed + row.name().hashCode());
    Tensor[] inputs = row.inputs().apply(rng);
    GradCheck.Result result = GradCheck.check(row.f(), STEP, rng, inputs);
    assertTrue(result.maxError() < TOLERANCE, () -> row.name() + ": " + result);
  }
}
