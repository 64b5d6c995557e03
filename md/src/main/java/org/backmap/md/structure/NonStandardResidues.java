package org.backmap.md.structure;

import java.util.Map;

/**
 * Common modified amino acids and the standard residue each stands for (its parent in the PDB chemical component
 * dictionary). Reading maps them to the parent: atoms with a parent name are kept (after the renames listed
 * here), the others (phosphates, extra methyls, hydroxyls) are dropped, and repair rebuilds what the parent
 * lacks. D-amino acids are not listed: mapping them would invert a chiral centre.
 */
public final class NonStandardResidues {
  /** Parent residue of each modified residue. */
  private static final Map<String, String> PARENT = Map.ofEntries(
      Map.entry("MSE", "MET"), Map.entry("FME", "MET"), Map.entry("CXM", "MET"),
      Map.entry("SEP", "SER"), Map.entry("SAC", "SER"), Map.entry("OAS", "SER"),
      Map.entry("TPO", "THR"), Map.entry("BMT", "THR"),
      Map.entry("PTR", "TYR"), Map.entry("TYS", "TYR"), Map.entry("TYI", "TYR"),
      Map.entry("HYP", "PRO"),
      Map.entry("CSE", "CYS"), Map.entry("CSO", "CYS"), Map.entry("CSD", "CYS"), Map.entry("CME", "CYS"),
      Map.entry("OCS", "CYS"), Map.entry("CSX", "CYS"), Map.entry("SCY", "CYS"), Map.entry("SMC", "CYS"),
      Map.entry("CAS", "CYS"), Map.entry("CSS", "CYS"), Map.entry("SCH", "CYS"),
      Map.entry("KCX", "LYS"), Map.entry("MLY", "LYS"), Map.entry("M3L", "LYS"), Map.entry("ALY", "LYS"),
      Map.entry("LLP", "LYS"), Map.entry("MLZ", "LYS"),
      Map.entry("CGU", "GLU"), Map.entry("PCA", "GLU"),
      Map.entry("PHD", "ASP"), Map.entry("IAS", "ASP"),
      Map.entry("HIC", "HIS"), Map.entry("MHS", "HIS"), Map.entry("NEP", "HIS"),
      Map.entry("NLE", "LEU"), Map.entry("MLE", "LEU"),
      Map.entry("MVA", "VAL"),
      Map.entry("AIB", "ALA"), Map.entry("ABA", "ALA"), Map.entry("ORN", "ALA"),
      Map.entry("MEN", "ASN"), Map.entry("AGM", "ARG"), Map.entry("TRQ", "TRP"));

  /** Atoms renamed on mapping: modified name -> parent name, per residue. */
  private static final Map<String, Map<String, String>> RENAMES = Map.of(
      "MSE", Map.of("SE", "SD"),
      "CSE", Map.of("SE", "SG"),
      "PCA", Map.of("OE", "OE1"),
      "NLE", Map.of("CE", "CD1"));

  private NonStandardResidues() {}

  /** The standard parent of {@code residueName}, or {@code null} when it is not a known modified residue. */
  public static String parent(String residueName) {
    return PARENT.get(residueName);
  }

  /** The parent's name for atom {@code atomName} of modified residue {@code residueName}. */
  public static String atomName(String residueName, String atomName) {
    return RENAMES.getOrDefault(residueName, Map.of()).getOrDefault(atomName, atomName);
  }
}
