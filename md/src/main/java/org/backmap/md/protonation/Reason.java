package org.backmap.md.protonation;

/** Why a residue takes its protonation variant. */
public enum Reason {
  /** The caller asked for it. */
  OVERRIDE("override"),
  /** Its SG bonds another cysteine's. */
  DISULFIDE("disulfide"),
  /** The file names the variant ({@code HID}, {@code HSE}, {@code ASH}, ...). */
  STATED("stated"),
  /** The hydrogens present in the file. */
  HYDROGENS("hydrogens"),
  /** The pH against the residue's threshold. */
  PH("pH"),
  /** For a neutral histidine: which ring nitrogen could donate a hydrogen bond. */
  HYDROGEN_BOND("hydrogen bond"),
  /** A chain end: ff14SB has no terminal template of the variant, so the standard state is kept. */
  TERMINAL("terminal");

  private final String label;

  Reason(String label) {
    this.label = label;
  }

  /** Short lower-case label, e.g. {@code hydrogen bond}. */
  public String label() {
    return label;
  }
}
