package org.backmap.backmapping.cgmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backmap.md.cg.CgResidue;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.geometry.Superposition;
import org.backmap.md.protein.PreparationOptions;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgInternalCoordinatesTest {
  @TempDir static Path tmp;
  static CgStructure chignolin;

  @BeforeAll
  static void read() throws Exception {
    Path file = tmp.resolve("1UAO.pdb");
    Files.copy(CgInternalCoordinatesTest.class.getResourceAsStream("/structures/1UAO.pdb"), file);
    chignolin = PreparedProtein.read(file, PreparationOptions.defaults().withRepair(false)).cg();
  }

  @Test
  void chignolinHasOneCoordinateTriplePerParticleBeyondTheRoots() {
    CgInternalCoordinates ic = CgInternalCoordinates.of(chignolin);
    assertEquals(chignolin.particleCount(), ic.particles());
    assertEquals(3 * ic.particles() - 6, ic.dims());
    assertTrue(ic.name(2).startsWith("angle N1-CA1-C1"), ic.name(2));
    // the tree follows the backbone: some torsion is psi of residue 1 and one is phi of residue 2
    List<String> names = new ArrayList<>();
    for (int i = 0; i < ic.dims(); i++) {
      names.add(ic.name(i));
    }
    assertTrue(names.contains("torsion N1-CA1-C1-N2"), names.toString());
    assertTrue(names.contains("torsion C1-N2-CA2-C2"), names.toString());
    assertTrue(names.contains("torsion N2-CA2-CB2-SC2"), names.toString());
  }

  @Test
  void roundTripGivesTheStructureBackUpToARigidMotion() {
    CgInternalCoordinates ic = CgInternalCoordinates.of(chignolin);
    double[] xyz = chignolin.particles();
    double[] q = new double[ic.dims()];
    ic.toInternal(xyz, q);
    double[] back = new double[xyz.length];
    ic.toCartesian(q, back);
    assertEquals(0, Superposition.rmsd(back, xyz), 1e-6); // the RMSD itself resolves about 1e-7
    double[] again = new double[q.length];
    ic.toInternal(back, again);
    boolean[] torsion = ic.torsions();
    for (int i = 0; i < q.length; i++) {
      double d = again[i] - q[i];
      if (torsion[i]) {
        d = Math.IEEEremainder(d, 2 * Math.PI);
      }
      assertEquals(0, d, 1e-9, ic.name(i));
    }
  }

  @Test
  void separateChainsHangFromTheNearestParticle() {
    // two copies of chignolin as chains A and B, the second shifted: one tree, 3n - 6 coordinates, exact round trip
    List<CgResidue> residues = new ArrayList<>(chignolin.residues());
    for (CgResidue r : chignolin.residues()) {
      List<Atom> atoms = r.atoms().stream().map(a -> a.at(a.x() + 12, a.y() - 3, a.z() + 5)).toList();
      double[] bead = r.bead();
      if (bead != null) {
        bead = new double[] {bead[0] + 12, bead[1] - 3, bead[2] + 5};
      }
      residues.add(new CgResidue("B", r.number(), r.insertionCode(), r.template(), atoms, bead, r.complete()));
    }
    CgStructure two = new CgStructure("two chains", residues);
    CgInternalCoordinates ic = CgInternalCoordinates.of(two);
    double[] xyz = two.particles();
    double[] q = new double[ic.dims()];
    ic.toInternal(xyz, q);
    double[] back = new double[xyz.length];
    ic.toCartesian(q, back);
    assertEquals(0, Superposition.rmsd(back, xyz), 1e-6); // the RMSD itself resolves about 1e-7
  }

  @Test
  void logJacobianMatchesTheDeterminantOfTheFullMap() {
    // four particles: x(t, w, q) = rotation(w) X(q) + t; at w = 0 the Haar measure is d^3 w, so
    // |det dx / d(t, w, q)| = J(q)
    CgStructure four = new CgStructure("four", List.of(new CgResidue("A", 1, ' ', "GLY",
        List.of(new Atom("N", Element.N, 0.1, 0.2, -0.3), new Atom("CA", Element.C, 1.5, 0.1, 0.2),
            new Atom("C", Element.C, 2.1, 1.4, 0.4), new Atom("O", Element.O, 3.3, 1.5, 1.1)), null, true)));
    CgInternalCoordinates ic = CgInternalCoordinates.of(four);
    double[] q0 = new double[ic.dims()];
    ic.toInternal(four.particles(), q0);
    int m = 12;
    double h = 1e-6;
    double[][] jac = new double[m][m];
    for (int v = 0; v < m; v++) {
      double[] plus = map(ic, q0, v, h);
      double[] minus = map(ic, q0, v, -h);
      for (int r = 0; r < m; r++) {
        jac[r][v] = (plus[r] - minus[r]) / (2 * h);
      }
    }
    assertEquals(ic.logJacobian(q0), Math.log(Math.abs(det(jac))), 1e-6);
  }

  /** Positions with variable v of (t, w, q) moved by {@code h}. */
  private static double[] map(CgInternalCoordinates ic, double[] q0, int v, double h) {
    double[] t = new double[3];
    double[] w = new double[3];
    double[] q = q0.clone();
    if (v < 3) {
      t[v] += h;
    } else if (v < 6) {
      w[v - 3] += h;
    } else {
      q[v - 6] += h;
    }
    double[] x = new double[3 * ic.particles()];
    ic.toCartesian(q, x);
    double[][] rot = rodrigues(w);
    double[] out = new double[x.length];
    for (int p = 0; p < ic.particles(); p++) {
      for (int c = 0; c < 3; c++) {
        out[3 * p + c] = t[c] + rot[c][0] * x[3 * p] + rot[c][1] * x[3 * p + 1] + rot[c][2] * x[3 * p + 2];
      }
    }
    return out;
  }

  private static double[][] rodrigues(double[] w) {
    double th = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
    double[][] r = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    if (th == 0) {
      return r;
    }
    double[] k = {w[0] / th, w[1] / th, w[2] / th};
    double[][] kx = {{0, -k[2], k[1]}, {k[2], 0, -k[0]}, {-k[1], k[0], 0}};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double kk = 0;
        for (int l = 0; l < 3; l++) {
          kk += kx[i][l] * kx[l][j];
        }
        r[i][j] += Math.sin(th) * kx[i][j] + (1 - Math.cos(th)) * kk;
      }
    }
    return r;
  }

  private static double det(double[][] a0) {
    int n = a0.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = a0[i].clone();
    }
    double d = 1;
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
          p = r;
        }
      }
      if (p != c) {
        double[] s = a[p];
        a[p] = a[c];
        a[c] = s;
        d = -d;
      }
      d *= a[c][c];
      for (int r = c + 1; r < n; r++) {
        double f = a[r][c] / a[c][c];
        for (int k = c; k < n; k++) {
          a[r][k] -= f * a[c][k];
        }
      }
    }
    return d;
  }
}
