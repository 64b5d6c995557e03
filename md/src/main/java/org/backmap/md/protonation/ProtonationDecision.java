package org.backmap.md.protonation;

import org.backmap.md.structure.ResidueKey;

/**
 * The protonation variant of one titratable residue and why.
 *
 * @param key the residue
 * @param residueName its standard name ({@code HIS}, {@code ASP}, {@code GLU}, {@code LYS}, {@code CYS})
 * @param variant the ff14SB variant it takes ({@code HID}, {@code ASP}, {@code CYX}, ...)
 * @param reason why
 * @param detail the evidence, e.g. {@code ND1...O A 12} or {@code 7.0 > 6.5} (the pH and the threshold); may be empty
 */
public record ProtonationDecision(ResidueKey key, String residueName, String variant, Reason reason, String detail) {

  public ProtonationDecision {
    detail = detail == null ? "" : detail;
  }

  /** Whether the residue keeps its standard state ({@code ASP}, {@code GLU}, {@code LYS}, {@code CYS}) by default. */
  public boolean isDefault() {
    return variant.equals(residueName) && reason != Reason.OVERRIDE && reason != Reason.TERMINAL;
  }

  /** E.g. {@code A 57 HIS -> HID (hydrogen bond ND1...O A 12)} or {@code A 23 ASP -> ASH (pH 4.0 <= 4.4)}. */
  public String line() {
    String label = key.number() + (key.insertionCode() == ' ' ? "" : String.valueOf(key.insertionCode()));
    String why = detail.isEmpty() ? reason.label() : reason.label() + " " + detail;
    return key.chain() + " " + label + " " + residueName + " -> " + variant + " (" + why + ")";
  }
}
