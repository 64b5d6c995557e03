package org.backmap.md.protonation;

import java.util.List;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.Residue;

/**
 * OpenMM 7.7's choice between HID and HIE for a neutral histidine without ring hydrogens
 * ({@code Modeller.addHydrogens}): a trial hydrogen sits 1 A from ND1 and from NE2, along the sum of the unit
 * vectors from the ring neighbours (CG, CE1; CD2, CE1) to the nitrogen. A nitrogen donates a hydrogen bond to an
 * acceptor (any N or O of another residue) when donor-acceptor is at most 3.5 A and the angle between N-H and
 * H-acceptor is below 50 degrees. HIE when only NE2 donates one; HID otherwise (ND1 donates, or neither does).
 */
public final class HistidineHydrogenBonds {
  /** Donor-acceptor distance limit (Angstrom). */
  public static final double MAX_DISTANCE = 3.5;
  /** Limit on the angle between donor-hydrogen and hydrogen-acceptor (degrees). */
  public static final double MAX_ANGLE_DEGREES = 50;
  private static final double TRIAL_BOND = 1.0;

  private HistidineHydrogenBonds() {}

  /**
   * A nitrogen or oxygen of the structure that may accept a hydrogen bond.
   *
   * @param chain chain of its residue
   * @param residueIndex index of its residue over all chains, so atoms of the histidine itself are skipped
   * @param residue its residue
   * @param atom the atom
   */
  public record Acceptor(String chain, int residueIndex, Residue residue, Atom atom) {
    /** E.g. {@code O A 12}. */
    public String label() {
      return atom.name() + " " + chain + " " + residue.label();
    }
  }

  /**
   * The tautomer and its evidence.
   *
   * @param variant {@code HID} or {@code HIE}
   * @param detail e.g. {@code ND1...O A 12}, or why the default was taken
   */
  public record Choice(String variant, String detail) {}

  /**
   * Chooses HID or HIE for histidine {@code his} (at {@code hisIndex} over all chains) among {@code acceptors}
   * (OpenMM's order: all N and O atoms in structure order).
   */
  public static Choice choose(Residue his, int hisIndex, List<Acceptor> acceptors) {
    Atom nd1 = his.atom("ND1");
    Atom ne2 = his.atom("NE2");
    double[] hd1 = trialHydrogen(his, nd1, "CG", "CE1");
    double[] he2 = trialHydrogen(his, ne2, "CD2", "CE1");
    if (hd1 == null || he2 == null) {
      return new Choice("HID", "not tested, ring atoms missing: HID by default");
    }
    Acceptor nd1Partner = null;
    Acceptor ne2Partner = null;
    // The same loop as OpenMM's: the first ND1 bond ends the search, so ND1 wins whenever it has one.
    for (Acceptor a : acceptors) {
      if (a.residueIndex() == hisIndex) {
        continue;
      }
      if (isHydrogenBond(nd1, hd1, a.atom())) {
        nd1Partner = a;
        break;
      }
      if (ne2Partner == null && isHydrogenBond(ne2, he2, a.atom())) {
        ne2Partner = a;
      }
    }
    if (nd1Partner != null) {
      return new Choice("HID", "ND1..." + nd1Partner.label());
    }
    if (ne2Partner != null) {
      return new Choice("HIE", "NE2..." + ne2Partner.label());
    }
    return new Choice("HID", "none: HID by default");
  }

  /** The trial hydrogen on {@code n}, or null when {@code n} or both its ring neighbours are missing. */
  private static double[] trialHydrogen(Residue his, Atom n, String neighbour1, String neighbour2) {
    if (n == null) {
      return null;
    }
    double[] sum = new double[3];
    int found = 0;
    for (String name : new String[] {neighbour1, neighbour2}) {
      Atom other = his.atom(name);
      if (other != null) {
        sum[0] += n.x() - other.x();
        sum[1] += n.y() - other.y();
        sum[2] += n.z() - other.z();
        found++;
      }
    }
    double norm = Math.sqrt(sum[0] * sum[0] + sum[1] * sum[1] + sum[2] * sum[2]);
    if (found == 0 || norm == 0) {
      return null;
    }
    double s = TRIAL_BOND / norm;
    return new double[] {n.x() + sum[0] * s, n.y() + sum[1] * s, n.z() + sum[2] * s};
  }

  private static boolean isHydrogenBond(Atom donor, double[] h, Atom acceptor) {
    double dx = acceptor.x() - donor.x();
    double dy = acceptor.y() - donor.y();
    double dz = acceptor.z() - donor.z();
    if (Math.sqrt(dx * dx + dy * dy + dz * dz) > MAX_DISTANCE) {
      return false;
    }
    double[] dh = {h[0] - donor.x(), h[1] - donor.y(), h[2] - donor.z()};
    double[] ha = {acceptor.x() - h[0], acceptor.y() - h[1], acceptor.z() - h[2]};
    double cos = dot(dh, ha) / Math.sqrt(dot(dh, dh) * dot(ha, ha));
    return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos)))) < MAX_ANGLE_DEGREES;
  }

  private static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }
}
