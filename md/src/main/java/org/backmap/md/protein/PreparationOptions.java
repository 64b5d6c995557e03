package org.backmap.md.protein;

import java.util.Map;
import org.backmap.md.protonation.ProtonationOptions;
import org.backmap.md.structure.ResidueKey;
import org.backmap.md.templates.TemplateLibrary;

/**
 * How a structure file becomes a {@link PreparedProtein}.
 *
 * @param model the model to read, 1-based as in PDB files
 * @param allowChainBreaks when false, a C-N gap inside a chain is an error naming the two residues; when true it
 *     is recorded (and bonded terms across it are left out by the topology)
 * @param library the residue templates
 * @param pH the pH that decides protonation states where the file does not (finite, within 0..14; default 7.0)
 * @param variants protonation variants chosen by the caller, by residue (e.g. {@code A:57 -> HID})
 */
public record PreparationOptions(int model, boolean allowChainBreaks, TemplateLibrary library, double pH,
    Map<ResidueKey, String> variants) {
  public PreparationOptions {
    if (model < 1) {
      throw new IllegalArgumentException("model numbers start at 1, got " + model);
    }
    if (library == null) {
      throw new IllegalArgumentException("a template library is required");
    }
    variants = new ProtonationOptions(pH, variants).overrides(); // checks the pH and the entries
  }

  /** Options at pH 7 without protonation overrides. */
  public PreparationOptions(int model, boolean allowChainBreaks, TemplateLibrary library) {
    this(model, allowChainBreaks, library, ProtonationOptions.DEFAULT_PH, Map.of());
  }

  /** Model 1, chain breaks are errors, ff14SB templates, pH 7, no overrides. */
  public static PreparationOptions defaults() {
    return new PreparationOptions(1, false, TemplateLibrary.ff14SB());
  }

  /** The same options reading model {@code n} (1-based). */
  public PreparationOptions withModel(int n) {
    return new PreparationOptions(n, allowChainBreaks, library, pH, variants);
  }

  /** The same options with chain breaks allowed or not. */
  public PreparationOptions withChainBreaksAllowed(boolean allowed) {
    return new PreparationOptions(model, allowed, library, pH, variants);
  }

  /**
   * The same options at pH {@code newPh}.
   *
   * @throws IllegalArgumentException unless finite and within 0..14
   */
  public PreparationOptions withPh(double newPh) {
    return new PreparationOptions(model, allowChainBreaks, library, newPh, variants);
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
    return new PreparationOptions(model, allowChainBreaks, library, p.pH(), p.overrides());
  }
}
