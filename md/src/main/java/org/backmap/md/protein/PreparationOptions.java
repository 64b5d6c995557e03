package org.backmap.md.protein;

import java.util.Map;
import org.backmap.md.protonation.ProtonationOptions;
import org.backmap.md.structure.ResidueKey;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.topology.ChainBreaks;

/**
 * How a structure file becomes a {@link PreparedProtein}.
 *
 * @param model the model to read, 1-based as in PDB files
 * @param repair whether to repair the structure first ({@link org.backmap.md.repair.StructureRepair}): residues
 *     without a backbone removed, foreign atoms dropped, missing heavy atoms rebuilt; every change is listed in
 *     {@link PreparedProtein#repairs()}
 * @param chainBreaks what a C-N gap inside a chain does: with repair on, {@link ChainBreaks#TERMINI} splits the
 *     chain there with proper termini
 * @param library the residue templates
 * @param pH the pH that decides protonation states where the file does not (finite, within 0..14; default 7.0)
 * @param variants protonation variants chosen by the caller, by residue (e.g. {@code A:57 -> HID})
 */
public record PreparationOptions(int model, boolean repair, ChainBreaks chainBreaks, TemplateLibrary library, double pH,
    Map<ResidueKey, String> variants) {
  public PreparationOptions {
    if (model < 1) {
      throw new IllegalArgumentException("model numbers start at 1, got " + model);
    }
    if (chainBreaks == null || library == null) {
      throw new IllegalArgumentException("a chain-break rule and a template library are required");
    }
    variants = new ProtonationOptions(pH, variants).overrides(); // checks the pH and the entries
  }

  /** Options at pH 7 without protonation overrides. */
  public PreparationOptions(int model, boolean repair, ChainBreaks chainBreaks, TemplateLibrary library) {
    this(model, repair, chainBreaks, library, ProtonationOptions.DEFAULT_PH, Map.of());
  }

  /** Model 1, repaired, chains split at breaks, ff14SB templates, pH 7, no overrides. */
  public static PreparationOptions defaults() {
    return new PreparationOptions(1, true, ChainBreaks.TERMINI, TemplateLibrary.ff14SB());
  }

  /** Model 1 as it is: no repair, a chain break is an error, pH 7, no overrides. */
  public static PreparationOptions strict() {
    return new PreparationOptions(1, false, ChainBreaks.ERROR, TemplateLibrary.ff14SB());
  }

  /** The same options reading model {@code n} (1-based). */
  public PreparationOptions withModel(int n) {
    return new PreparationOptions(n, repair, chainBreaks, library, pH, variants);
  }

  /** The same options with repair on or off. */
  public PreparationOptions withRepair(boolean on) {
    return new PreparationOptions(model, on, chainBreaks, library, pH, variants);
  }

  /** The same options with another chain-break rule. */
  public PreparationOptions withChainBreaks(ChainBreaks rule) {
    return new PreparationOptions(model, repair, rule, library, pH, variants);
  }

  /**
   * The same options at pH {@code newPh}.
   *
   * @throws IllegalArgumentException unless finite and within 0..14
   */
  public PreparationOptions withPh(double newPh) {
    return new PreparationOptions(model, repair, chainBreaks, library, newPh, variants);
  }

  /**
   * The same options with residue {@code residueKey} ({@code A:57}, {@code A:57A}) in protonation variant
   * {@code variant} ({@code HID}, {@code ASH}, ...); preparing checks that the residue exists and the variant fits.
   *
   * @throws IllegalArgumentException when the key is not {@code chain:number[insertion code]}
   */
  public PreparationOptions withVariant(String residueKey, String variant) {
    return withProtonation(protonation().withVariant(residueKey, variant));
  }

  /** The same options with every entry of {@code byResidueKey} (e.g. {@code "A:57" -> "HID"}) added. */
  public PreparationOptions withVariants(Map<String, String> byResidueKey) {
    return withProtonation(protonation().withVariants(byResidueKey));
  }

  /** pH and overrides as the protonation rules take them. */
  public ProtonationOptions protonation() {
    return new ProtonationOptions(pH, variants);
  }

  private PreparationOptions withProtonation(ProtonationOptions p) {
    return new PreparationOptions(model, repair, chainBreaks, library, p.pH(), p.overrides());
  }
}
