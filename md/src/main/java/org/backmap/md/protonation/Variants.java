package org.backmap.md.protonation;

import java.util.List;
import java.util.Map;

/**
 * The ff14SB protonation variants of each titratable residue, and the variants that residue names as written
 * state (ff14SB, CHARMM and GROMOS spellings, as listed in OpenMM's {@code pdbNames.xml}).
 */
public final class Variants {
  private static final Map<String, List<String>> BY_RESIDUE = Map.of(
      "HIS", List.of("HID", "HIE", "HIP"),
      "ASP", List.of("ASP", "ASH"),
      "GLU", List.of("GLU", "GLH"),
      "LYS", List.of("LYS", "LYN"),
      "CYS", List.of("CYS", "CYM", "CYX"));

  private static final Map<String, String> STATED = Map.ofEntries(
      Map.entry("HID", "HID"), Map.entry("HSD", "HID"),
      Map.entry("HIE", "HIE"), Map.entry("HSE", "HIE"),
      Map.entry("HIP", "HIP"), Map.entry("HSP", "HIP"), Map.entry("HSH", "HIP"), Map.entry("HIH", "HIP"),
      Map.entry("ASH", "ASH"), Map.entry("GLH", "GLH"), Map.entry("LYN", "LYN"),
      Map.entry("CYM", "CYM"), Map.entry("CYX", "CYX"));

  /** Variants that have no terminal template in ff14SB (there is no {@code NASH}, {@code CLYN}, ...). */
  private static final List<String> NO_TERMINAL_TEMPLATE = List.of("ASH", "GLH", "LYN", "CYM");

  private Variants() {}

  /** Whether {@code residueName} (standard) has protonation variants. */
  public static boolean isTitratable(String residueName) {
    return BY_RESIDUE.containsKey(residueName);
  }

  /** The variants of {@code residueName} (standard), empty when it has none. */
  public static List<String> of(String residueName) {
    return BY_RESIDUE.getOrDefault(residueName, List.of());
  }

  /** The variant a residue name as written states ({@code HSD -> HID}, {@code ASH -> ASH}), or {@code null}. */
  public static String stated(String nameAsWritten) {
    return nameAsWritten == null ? null : STATED.get(nameAsWritten);
  }

  /** Whether ff14SB has N- and C-terminal templates of {@code variant}. */
  public static boolean hasTerminalTemplate(String variant) {
    return !NO_TERMINAL_TEMPLATE.contains(variant);
  }

  /** The standard state of a variant without terminal templates ({@code ASH -> ASP}), else the variant. */
  public static String terminalFallback(String variant) {
    return switch (variant) {
      case "ASH" -> "ASP";
      case "GLH" -> "GLU";
      case "LYN" -> "LYS";
      case "CYM" -> "CYS";
      default -> variant;
    };
  }
}
