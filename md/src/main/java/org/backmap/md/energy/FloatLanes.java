package org.backmap.md.energy;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Species, padding and in-place float32 row stages of the {@link Precision#MIXED} pair kernels.
 *
 * <p>The kernels work on rows: for one atom i, arrays indexed by j hold a float32 value per pair (i, j), filled one
 * vector of j atoms at a time. Every loop here and in the kernels uses Vector API operations directly and calls no
 * method of its own that takes or returns a vector: C2 stops inlining ordinary methods once a compilation grows past
 * its node budget, which a pair function reaches after about 40 vector operations, and a vector passed to a method
 * that is not inlined is boxed on the heap, which made such a loop ten times slower than float64. Arrays between
 * stages (a row fits in L1) cost a load and a store instead.
 *
 * <p>The exponential and logarithm are polynomials of correctly rounded lane operations: the Vector API's own
 * transcendentals may differ by an ulp between interpreted and compiled code, and fall back to scalar calls where
 * the platform has no vector math library.
 */
final class FloatLanes {
  /** The float32 species of the kernels (16 lanes with AVX-512). */
  static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
  /** float64 vectors of the same bit size: each float vector widens into two of them. */
  static final VectorSpecies<Double> DOUBLES = VectorSpecies.of(double.class, VectorShape.forBitSize(FLOATS.vectorBitSize()));
  /** Lanes per float vector, also the padding of every per-atom and per-row float array. */
  static final int LANES = FLOATS.length();

  private static final float LOG2E = 1.44269504088896341f;
  // ln 2 split so that n * LN2_HI is exact for |n| < 2^9 (Cephes)
  private static final float LN2_HI = 0.693359375f;
  private static final float LN2_LO = -2.12194440e-4f;
  /** Below this, exp(x) is under float32's smallest normal and taken as 0. */
  private static final float EXP_MIN = -87.33654f;
  /** Adding 1.5 * 2^23 rounds a float of magnitude below 2^22 to the nearest integer. */
  private static final float ROUNDER = 12582912f;
  private static final float SQRT_HALF = 0.707106781186547524f;

  private FloatLanes() {}

  /** A float32 copy of {@code values}, padded with {@link #LANES} zeros so a vector may start at any atom. */
  static float[] padded(double[] values) {
    float[] out = new float[values.length + LANES];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }

  /** A float32 row of {@code n} pairs plus padding. */
  static float[] row(int n) {
    return new float[n + LANES];
  }

  /**
   * {@code v[j] = e^v[j]} for the vectors starting at {@code from, from + LANES, ...} below {@code to}, within 2 ulp for
   * arguments in [-87.3, 88] and 0 below (Cephes {@code expf}: {@code x = k ln2 + r}, a degree-6 polynomial in r,
   * scaled by {@code 2^k} through the exponent bits).
   */
  static void exp(float[] v, int from, int to) {
    for (int j0 = from; j0 < to; j0 += LANES) {
      FloatVector x = FloatVector.fromArray(FLOATS, v, j0);
      VectorMask<Float> underflow = x.compare(VectorOperators.LT, EXP_MIN);
      FloatVector k = x.mul(LOG2E).add(ROUNDER).sub(ROUNDER);
      FloatVector r = x.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
      FloatVector p = r.mul(1.9875691500e-4f).add(1.3981999507e-3f)
          .mul(r).add(8.3334519073e-3f)
          .mul(r).add(4.1665795894e-2f)
          .mul(r).add(1.6666665459e-1f)
          .mul(r).add(5.0000001201e-1f)
          .mul(r.mul(r)).add(r).add(1f);
      IntVector bits = ((IntVector) k.convert(VectorOperators.F2I, 0)).add(127).lanewise(VectorOperators.LSHL, 23);
      p.mul(bits.reinterpretAsFloats()).blend(0f, underflow).intoArray(v, j0);
    }
  }

  /**
   * {@code v[j] = ln v[j]} for the vectors starting at {@code from, from + LANES, ...} below {@code to}, every value a
   * positive normal float, within 2 ulp (Cephes {@code logf}: {@code x = m 2^e} with m in [sqrt(1/2), sqrt(2)), a
   * degree-8 polynomial in {@code m - 1}).
   */
  static void log(float[] v, int from, int to) {
    for (int j0 = from; j0 < to; j0 += LANES) {
      IntVector bits = FloatVector.fromArray(FLOATS, v, j0).reinterpretAsInts();
      // m in [0.5, 1): the mantissa with the exponent of 0.5
      FloatVector m = bits.and(0x807fffff).or(0x3f000000).reinterpretAsFloats();
      FloatVector e = (FloatVector) bits.lanewise(VectorOperators.LSHR, 23).sub(126).convert(VectorOperators.I2F, 0);
      VectorMask<Float> small = m.compare(VectorOperators.LT, SQRT_HALF);
      e = e.sub(1f, small);
      FloatVector t = m.add(m.blend(0f, small.not())).sub(1f);
      FloatVector z = t.mul(t);
      FloatVector y = t.mul(7.0376836292e-2f).add(-1.1514610310e-1f)
          .mul(t).add(1.1676998740e-1f)
          .mul(t).add(-1.2420140846e-1f)
          .mul(t).add(1.4249322787e-1f)
          .mul(t).add(-1.6668057665e-1f)
          .mul(t).add(2.0000714765e-1f)
          .mul(t).add(-2.4999993993e-1f)
          .mul(t).add(3.3333331174e-1f)
          .mul(t).mul(z);
      y = y.add(e.mul(LN2_LO)).sub(z.mul(0.5f));
      t.add(y).add(e.mul(LN2_HI)).intoArray(v, j0);
    }
  }

  /** {@code v[j] = sqrt(v[j])} for the vectors starting at {@code from, from + LANES, ...} below {@code to}. */
  static void sqrt(float[] v, int from, int to) {
    for (int j0 = from; j0 < to; j0 += LANES) {
      FloatVector.fromArray(FLOATS, v, j0).sqrt().intoArray(v, j0);
    }
  }

  /** {@code v[j] += w[j] t[j]} for the vectors starting at {@code from, from + LANES, ...} below {@code to}. */
  static void addProduct(float[] v, float[] w, float[] t, int from, int to) {
    for (int j0 = from; j0 < to; j0 += LANES) {
      FloatVector.fromArray(FLOATS, v, j0).add(FloatVector.fromArray(FLOATS, w, j0).mul(FloatVector.fromArray(FLOATS, t, j0)))
          .intoArray(v, j0);
    }
  }
}
