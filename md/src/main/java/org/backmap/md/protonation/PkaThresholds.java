package org.backmap.md.protonation;

import java.util.Locale;

/**
 * The pH rule of OpenMM 7.7's {@code Modeller.addHydrogens}: the {@code maxph} of each titratable hydrogen in
 * its {@code data/hydrogens.xml} (the hydrogen is present at {@code pH <= maxph}) and the histidine test in
 * {@code modeller.py} ({@code pH > 6.5} is neutral).
 */
public final class PkaThresholds {
  /** ASP HD2 is present (ASH) at pH at most this. */
  public static final double ASP = 4.4;
  /** GLU HE2 is present (GLH) at pH at most this. */
  public static final double GLU = 4.4;
  /** HIS is HIP at pH at most this, neutral (HID / HIE) above. */
  public static final double HIS = 6.5;
  /** CYS HG is present at pH at most this, CYM above. */
  public static final double CYS = 8.5;
  /** LYS HZ3 is present at pH at most this, LYN above. */
  public static final double LYS = 10.0;

  private PkaThresholds() {}

  /** The threshold of {@code residueName} (standard name), or NaN for a residue without one. */
  public static double of(String residueName) {
    return switch (residueName) {
      case "ASP" -> ASP;
      case "GLU" -> GLU;
      case "HIS" -> HIS;
      case "CYS" -> CYS;
      case "LYS" -> LYS;
      default -> Double.NaN;
    };
  }

  /**
   * The variant of {@code residueName} at {@code pH} by threshold alone; for HIS above its threshold the neutral
   * tautomer is not decided here and {@code HIS} comes back.
   */
  public static String variantAt(String residueName, double pH) {
    boolean protonated = pH <= of(residueName);
    return switch (residueName) {
      case "ASP" -> protonated ? "ASH" : "ASP";
      case "GLU" -> protonated ? "GLH" : "GLU";
      case "HIS" -> protonated ? "HIP" : "HIS";
      case "CYS" -> protonated ? "CYS" : "CYM";
      case "LYS" -> protonated ? "LYS" : "LYN";
      default -> residueName;
    };
  }

  /** E.g. {@code 7.0 > 4.4}. */
  static String comparison(String residueName, double pH) {
    double t = of(residueName);
    return number(pH) + (pH <= t ? " <= " : " > ") + number(t);
  }

  /** {@code 7.0}, {@code 4.41}: one decimal at least, no rounding that would hide a difference. */
  static String number(double x) {
    return x == Math.rint(x) ? String.format(Locale.ROOT, "%.1f", x) : Double.toString(x);
  }
}
