package org.backmap.md.dataset;

import java.util.Comparator;
import java.util.List;
import org.backmap.md.bat.BatGroup;
import org.backmap.md.bat.ZMatrix;
import org.backmap.md.templates.ResidueTemplate;

/**
 * The residue type an example trains: one learned model, and one example stream, per type.
 *
 * <p>Side chains ({@link BatGroup#SIDECHAIN}) go to the residue's own name without terminal prefix, so NALA and
 * CALA train ALA (their side-chain Z-matrices equal ALA's). Protonation variants are types of their own: HID HIE
 * HIP, ASH, GLH, and also CYX (disulfide cysteine: no HG, and its SG sits in a bond to the partner, a different
 * conditional density from CYS), LYN and CYM (their BAT vectors are shorter than LYS's and CYS's, so they cannot
 * share a stream) and HYP, each only where it occurs. Glycine's HA2/HA3 form the unconditional type GLY. The
 * N-terminal hydrogens ({@link BatGroup#N_TERMINAL_HYDROGENS}) are {@value #NTERM} (H1, H2, H3 of every N-terminal
 * residue but proline, whatever the residue) or {@value #NPRO} (H2, H3 of an N-terminal proline).
 */
public final class ResidueType {
  /** The N-terminal H1, H2, H3 of non-proline residues. */
  public static final String NTERM = "Nterm";
  /** The N-terminal H2, H3 of proline. */
  public static final String NPRO = "NPRO";
  /** The 23 conditional side-chain types (protonation variants included) every corpus has. */
  public static final List<String> CONDITIONAL = List.of("ALA", "ARG", "ASH", "ASN", "ASP", "CYS", "GLH", "GLN", "GLU",
      "HID", "HIE", "HIP", "ILE", "LEU", "LYS", "MET", "PHE", "PRO", "SER", "THR", "TRP", "TYR", "VAL");
  /** The unconditional types: glycine's hydrogens and the N-terminal hydrogens. */
  public static final List<String> UNCONDITIONAL = List.of("GLY", NTERM, NPRO);

  private ResidueType() {}

  /**
   * The type that the {@code group} atoms of a residue with template {@code template} train.
   *
   * @throws IllegalArgumentException when the template has no such group (caps; N-terminal hydrogens of an inner residue)
   */
  public static String of(ResidueTemplate template, BatGroup group) {
    if (!ZMatrix.exists(template, group)) {
      throw new IllegalArgumentException("template " + template.name() + " has no " + group + " group");
    }
    if (group == BatGroup.N_TERMINAL_HYDROGENS) {
      return template.residueName().equals("PRO") ? NPRO : NTERM;
    }
    return template.residueName();
  }

  /** The group of every example of type {@code type}. */
  public static BatGroup groupOf(String type) {
    return type.equals(NTERM) || type.equals(NPRO) ? BatGroup.N_TERMINAL_HYDROGENS : BatGroup.SIDECHAIN;
  }

  /** Report order: the conditional types, then other side-chain types (CYX, CYM, LYN, ...) by name, then GLY, Nterm, NPRO. */
  public static final Comparator<String> REPORT_ORDER = Comparator.comparingInt(ResidueType::rank).thenComparing(Comparator.naturalOrder());

  private static int rank(String type) {
    int i = CONDITIONAL.indexOf(type);
    if (i >= 0) {
      return i;
    }
    int u = UNCONDITIONAL.indexOf(type);
    return u >= 0 ? 1000 + u : 100;
  }
}
