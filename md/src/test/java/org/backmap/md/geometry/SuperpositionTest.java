package org.backmap.md.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/** Superposition RMSD against Kabsch's SVD solution (Commons Math), and its invariances. */
class SuperpositionTest {

  @Test
  void aRigidMotionOfASetHasZeroRmsd() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int trial = 0; trial < 20; trial++) {
      double[] a = random(rng, 10);
      double[] b = move(a, randomRotation(rng), new double[] {rng.nextDouble(-20, 20), rng.nextDouble(-20, 20), 3});
      assertEquals(0, Superposition.rmsd(a, b), 1e-6);
    }
  }

  @Test
  void equalsKabschBySvdForNoisySetsAndMirrorImages() {
    SplittableRandom rng = new SplittableRandom(2);
    for (int trial = 0; trial < 50; trial++) {
      int n = 3 + trial % 20;
      double[] a = random(rng, n);
      double[] b = move(a, randomRotation(rng), new double[] {1, 2, 3});
      for (int i = 0; i < b.length; i++) {
        b[i] += rng.nextDouble(-1, 1);
      }
      if (trial % 5 == 0) {
        for (int i = 0; i < b.length; i += 3) {
          b[i] = -b[i]; // a mirror image: a proper rotation cannot undo it
        }
      }
      double ours = Superposition.rmsd(a, b);
      assertEquals(kabsch(a, b), ours, 1e-9 * Math.max(1, ours), "trial " + trial);
      assertEquals(ours, Superposition.rmsd(b, a), 1e-9 * Math.max(1, ours), "symmetric");
    }
  }

  @Test
  void withoutMotionTheRmsdIsBoundedByThePlainOne() {
    SplittableRandom rng = new SplittableRandom(3);
    double[] a = random(rng, 8);
    double[] b = random(rng, 8);
    double plain = 0;
    for (int i = 0; i < a.length; i++) {
      plain += (a[i] - b[i]) * (a[i] - b[i]);
    }
    plain = Math.sqrt(plain / 8);
    assertTrue(Superposition.rmsd(a, b) <= plain + 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Superposition.rmsd(new double[6], new double[9]));
    assertThrows(IllegalArgumentException.class, () -> Superposition.rmsd(new double[0], new double[0]));
  }

  private static double kabsch(double[] a, double[] b) {
    int n = a.length / 3;
    double[][] pa = centred(a);
    double[][] pb = centred(b);
    RealMatrix h = new Array2DRowRealMatrix(pa).transpose().multiply(new Array2DRowRealMatrix(pb));
    SingularValueDecomposition svd = new SingularValueDecomposition(h);
    double d = Math.signum(new LUDecomposition(svd.getV().multiply(svd.getUT())).getDeterminant());
    double[] s = svd.getSingularValues();
    double ga = 0;
    double gb = 0;
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < 3; c++) {
        ga += pa[i][c] * pa[i][c];
        gb += pb[i][c] * pb[i][c];
      }
    }
    return Math.sqrt(Math.max(0, (ga + gb - 2 * (s[0] + s[1] + d * s[2])) / n));
  }

  private static double[][] centred(double[] x) {
    int n = x.length / 3;
    double[] c = new double[3];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 3; k++) {
        c[k] += x[3 * i + k] / n;
      }
    }
    double[][] p = new double[n][3];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 3; k++) {
        p[i][k] = x[3 * i + k] - c[k];
      }
    }
    return p;
  }

  static double[] random(SplittableRandom rng, int n) {
    double[] x = new double[3 * n];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextDouble(-10, 10);
    }
    return x;
  }

  static double[][] randomRotation(SplittableRandom rng) {
    double q0 = rng.nextGaussian(), q1 = rng.nextGaussian(), q2 = rng.nextGaussian(), q3 = rng.nextGaussian();
    double norm = Math.sqrt(q0 * q0 + q1 * q1 + q2 * q2 + q3 * q3);
    q0 /= norm;
    q1 /= norm;
    q2 /= norm;
    q3 /= norm;
    return new double[][] {
        {1 - 2 * (q2 * q2 + q3 * q3), 2 * (q1 * q2 - q0 * q3), 2 * (q1 * q3 + q0 * q2)},
        {2 * (q1 * q2 + q0 * q3), 1 - 2 * (q1 * q1 + q3 * q3), 2 * (q2 * q3 - q0 * q1)},
        {2 * (q1 * q3 - q0 * q2), 2 * (q2 * q3 + q0 * q1), 1 - 2 * (q1 * q1 + q2 * q2)}};
  }

  static double[] move(double[] x, double[][] r, double[] t) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i += 3) {
      for (int k = 0; k < 3; k++) {
        y[i + k] = r[k][0] * x[i] + r[k][1] * x[i + 1] + r[k][2] * x[i + 2] + t[k];
      }
    }
    return y;
  }
}
