package org.backmap.md.bat;

import org.backmap.md.geometry.InternalCoordinates;

/**
 * Batched, exact conversions between Cartesian and BAT coordinates of one {@link ZMatrix}, in float64.
 *
 * <p>Array layouts: {@code xyz} holds {@code batch} consecutive blocks of {@code 3 * (3 + placedCount)}
 * values (roots first, then placed atoms, in {@link ZMatrix#atomNames()} order); {@code bat} holds
 * {@code batch} consecutive vectors of {@link ZMatrix#size()} values.
 *
 * <p>Jacobian. With the roots fixed, the map from (b, theta, phi) of every placed atom to its Cartesian position
 * is triangular in placement order, and each atom's block has determinant b^2 sin(theta); torsion offsets have
 * unit Jacobian. Hence {@code log|det J| = sum over placed atoms of log(b^2 sin theta)}. Hydrogen bonds are
 * constrained: their b is the fixed length, so the same sum (with the constant b) is the density factor for
 * Cartesian coordinates on the constraint surface, measured in the bond-length coordinate.
 */
public final class BatConverter {
  private BatConverter() {}

  /** Reads {@code xyz} and writes the BAT vectors of all {@code batch} examples into {@code bat}. */
  public static void toBat(ZMatrix z, double[] xyz, int batch, double[] bat) {
    int n = z.placedCount();
    int stride = 3 * (3 + n);
    int size = z.size();
    int ao = z.angleOffset();
    int to = z.torsionOffset();
    for (int e = 0; e < batch; e++) {
      int base = e * stride;
      int out = e * size;
      for (int i = 0; i < n; i++) {
        int x = base + 3 * (3 + i);
        int p = base + 3 * z.parent(i);
        int a = base + 3 * z.angleAtom(i);
        int t = base + 3 * z.torsionAtom(i);
        if (z.isHeavy(i)) {
          bat[out + z.bondSlot(i)] = InternalCoordinates.distance(xyz, x, p);
        }
        bat[out + ao + i] = InternalCoordinates.angle(xyz, x, p, a);
        bat[out + to + i] = InternalCoordinates.torsion(xyz, x, p, a, t);
      }
      // Offsets after all absolute torsions are known: primary atoms always come first.
      for (int i = n - 1; i >= 0; i--) {
        if (z.primary(i) >= 0) {
          bat[out + to + i] = InternalCoordinates.wrap(bat[out + to + i] - bat[out + to + z.primary(i)]);
        }
      }
    }
  }

  /**
   * Reads the roots from {@code xyz} and the BAT vectors from {@code bat}, and writes the placed atoms of all
   * {@code batch} examples into {@code xyz} (roots are left unchanged).
   */
  public static void toCartesian(ZMatrix z, double[] bat, int batch, double[] xyz) {
    int n = z.placedCount();
    int stride = 3 * (3 + n);
    int size = z.size();
    int ao = z.angleOffset();
    int to = z.torsionOffset();
    for (int e = 0; e < batch; e++) {
      int base = e * stride;
      int in = e * size;
      for (int i = 0; i < n; i++) {
        double b = z.isHeavy(i) ? bat[in + z.bondSlot(i)] : z.fixedBond(i);
        double phi = bat[in + to + i];
        if (z.primary(i) >= 0) {
          phi += bat[in + to + z.primary(i)];
        }
        InternalCoordinates.place(xyz, base + 3 * (3 + i), base + 3 * z.parent(i), base + 3 * z.angleAtom(i),
            base + 3 * z.torsionAtom(i), b, bat[in + ao + i], phi);
      }
    }
  }

  /**
   * Writes {@code log|det J|} of the BAT-to-Cartesian map at each of the {@code batch} vectors into {@code out}:
   * the sum over placed atoms of {@code log b^2 + log|sin theta|}. Absolute values, so that a vector outside the
   * usual domain (a negative bond, an angle beyond pi) still gets the local volume change of the map.
   */
  public static void logDetJacobian(ZMatrix z, double[] bat, int batch, double[] out) {
    int n = z.placedCount();
    int size = z.size();
    int ao = z.angleOffset();
    for (int e = 0; e < batch; e++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        double b = z.isHeavy(i) ? bat[e * size + z.bondSlot(i)] : z.fixedBond(i);
        sum += 2 * Math.log(Math.abs(b)) + Math.log(Math.abs(Math.sin(bat[e * size + ao + i])));
      }
      out[e] = sum;
    }
  }
}
