package org.backmap.md.bat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.backmap.md.TestData;
import org.backmap.md.geometry.InternalCoordinates;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.Residue;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.topology.ResidueTopology;
import org.backmap.md.topology.Topology;
import org.junit.jupiter.api.Test;

class BatConverterTest {
  private final TemplateLibrary lib = TemplateLibrary.ff14SB();

  /** Every decoded atom of real proteins, rebuilt from its BAT vector and the roots, lands where it was. */
  @Test
  void roundTripReproducesEveryAtomOfRealProteins() {
    double worst = 0;
    int atoms = 0;
    for (String name : List.of("1UAO.pdb", "bpti.pdb", "T0902.pdb", "T0862.pdb")) {
      Topology t = TestData.completed(name).topology();
      for (ResidueTopology rt : t.residues()) {
        for (BatGroup g : BatGroup.values()) {
          if (!ZMatrix.exists(rt.template(), g) || !rt.complete()) {
            continue;
          }
          ZMatrix z = ZMatrix.of(lib, rt.template().name(), g);
          double[] xyz = new double[3 * (3 + z.placedCount())];
          z.gather(rt.residue(), xyz, 0);
          double[] bat = new double[z.size()];
          BatConverter.toBat(z, xyz, 1, bat);
          double[] rebuilt = xyz.clone();
          java.util.Arrays.fill(rebuilt, 9, rebuilt.length, Double.NaN);
          BatConverter.toCartesian(z, bat, 1, rebuilt);
          for (int i = 0; i < xyz.length; i++) {
            worst = Math.max(worst, Math.abs(rebuilt[i] - xyz[i]));
          }
          atoms += z.placedCount();
        }
      }
    }
    System.out.printf("BAT round trip: %d atoms, max coordinate error %.2e A = %.2e nm%n", atoms, worst, worst / 10);
    assertTrue(atoms > 4000);
    assertTrue(worst / 10 < 1e-6, "max error " + worst + " A");
  }

  @Test
  void batchedConversionEqualsOneAtATime() {
    Topology t = TestData.completed("bpti.pdb").topology();
    List<Residue> lys = new ArrayList<>();
    for (ResidueTopology rt : t.residues()) {
      if (rt.template().name().equals("LYS")) {
        lys.add(rt.residue());
      }
    }
    ZMatrix z = ZMatrix.of(lib, "LYS", BatGroup.SIDECHAIN);
    int stride = 3 * (3 + z.placedCount());
    double[] xyz = new double[lys.size() * stride];
    for (int i = 0; i < lys.size(); i++) {
      z.gather(lys.get(i), xyz, i * stride);
    }
    double[] batched = new double[lys.size() * z.size()];
    BatConverter.toBat(z, xyz, lys.size(), batched);
    for (int i = 0; i < lys.size(); i++) {
      double[] one = new double[z.size()];
      BatConverter.toBat(z, java.util.Arrays.copyOfRange(xyz, i * stride, (i + 1) * stride), 1, one);
      assertEquals(java.util.Arrays.toString(one), java.util.Arrays.toString(java.util.Arrays.copyOfRange(batched, i * z.size(), (i + 1) * z.size())));
    }
    assertTrue(lys.size() >= 4);
  }

  /**
   * log|det J| against the numerical Jacobian of the map (roots fixed) from (b, theta, phi) of every placed atom to its
   * Cartesian coordinates, hydrogen bond lengths included as variables evaluated at their fixed values.
   */
  @Test
  void logDetJacobianEqualsTheNumericalDeterminant() {
    Random rng = new Random(11);
    Topology t = TestData.completed("1UAO.pdb").topology();
    double worst = 0;
    for (String name : List.of("GLY", "ALA", "SER", "THR", "VAL", "ASP", "PRO")) {
      for (ResidueTopology rt : t.residues()) {
        if (!rt.template().residueName().equals(name) && !(name.equals("ALA") && rt.template().name().equals("NGLY"))) {
          continue;
        }
        for (BatGroup g : BatGroup.values()) {
          if (!ZMatrix.exists(rt.template(), g)) {
            continue;
          }
          ZMatrix z = ZMatrix.of(lib, rt.template().name(), g);
          double[] xyz = new double[3 * (3 + z.placedCount())];
          z.gather(rt.residue(), xyz, 0);
          double[] bat = new double[z.size()];
          BatConverter.toBat(z, xyz, 1, bat);
          for (int i = z.torsionOffset(); i < z.size(); i++) {
            bat[i] += 0.3 * rng.nextGaussian(); // away from the data point, still a valid conformation
          }
          double[] logDet = new double[1];
          BatConverter.logDetJacobian(z, bat, 1, logDet);
          double numeric = numericLogDet(z, xyz, bat);
          worst = Math.max(worst, Math.abs(numeric - logDet[0]));
          assertEquals(numeric, logDet[0], 1e-6, rt.template().name() + " " + g);
        }
      }
    }
    System.out.printf("log|det J|: max |analytic - numerical| = %.2e%n", worst);
  }

  /** Central differences of the full map q = (b, theta, phi per placed atom; torsion offsets as stored) -> x. */
  private static double numericLogDet(ZMatrix z, double[] roots, double[] bat) {
    int n = z.placedCount();
    double[] q = new double[3 * n];
    for (int i = 0; i < n; i++) {
      q[3 * i] = z.isHeavy(i) ? bat[z.bondSlot(i)] : z.fixedBond(i);
      q[3 * i + 1] = bat[z.angleOffset() + i];
      q[3 * i + 2] = bat[z.torsionOffset() + i];
    }
    double h = 1e-6;
    double[][] jac = new double[3 * n][3 * n];
    for (int k = 0; k < 3 * n; k++) {
      double[] plus = q.clone();
      double[] minus = q.clone();
      plus[k] += h;
      minus[k] -= h;
      double[] xp = build(z, roots, plus);
      double[] xm = build(z, roots, minus);
      for (int r = 0; r < 3 * n; r++) {
        jac[r][k] = (xp[9 + r] - xm[9 + r]) / (2 * h);
      }
    }
    return Math.log(Math.abs(new LUDecomposition(new Array2DRowRealMatrix(jac)).getDeterminant()));
  }

  /** Positions from free bond lengths for every atom: an independent NeRF loop over the Z-matrix. */
  private static double[] build(ZMatrix z, double[] roots, double[] q) {
    double[] x = roots.clone();
    for (int i = 0; i < z.placedCount(); i++) {
      double phi = q[3 * i + 2] + (z.primary(i) >= 0 ? q[3 * z.primary(i) + 2] : 0);
      InternalCoordinates.place(x, 3 * (3 + i), 3 * z.parent(i), 3 * z.angleAtom(i), 3 * z.torsionAtom(i), q[3 * i], q[3 * i + 1], phi);
    }
    return x;
  }

  @Test
  void hydrogenBondsAreFixedAtTheForceFieldLength() {
    ZMatrix z = ZMatrix.of(lib, "ALA", BatGroup.SIDECHAIN);
    assertEquals(0, z.heavyCount());
    assertEquals(8, z.size());
    for (int i = 0; i < z.placedCount(); i++) {
      assertEquals(1.09, z.fixedBond(i), 1e-12);
    }
    Residue ala = TestData.completed("bpti.pdb").topology().residues().stream()
        .filter(r -> r.template().name().equals("ALA")).findFirst().orElseThrow().residue();
    Atom hb1 = ala.atom("HB1");
    assertEquals(1.09, hb1.distance(ala.atom("CB")), 1e-9);
  }
}
