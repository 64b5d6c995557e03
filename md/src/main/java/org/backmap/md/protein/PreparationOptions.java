package org.backmap.md.protein;

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
 */
public record PreparationOptions(int model, boolean repair, ChainBreaks chainBreaks, TemplateLibrary library) {
  public PreparationOptions {
    if (model < 1) {
      throw new IllegalArgumentException("model numbers start at 1, got " + model);
    }
    if (chainBreaks == null || library == null) {
      throw new IllegalArgumentException("a chain-break rule and a template library are required");
    }
  }

  /** Model 1, repaired, chains split at breaks, ff14SB templates. */
  public static PreparationOptions defaults() {
    return new PreparationOptions(1, true, ChainBreaks.TERMINI, TemplateLibrary.ff14SB());
  }

  /** Model 1 as it is: no repair, a chain break is an error. */
  public static PreparationOptions strict() {
    return new PreparationOptions(1, false, ChainBreaks.ERROR, TemplateLibrary.ff14SB());
  }

  /** The same options reading model {@code n} (1-based). */
  public PreparationOptions withModel(int n) {
    return new PreparationOptions(n, repair, chainBreaks, library);
  }

  /** The same options with repair on or off. */
  public PreparationOptions withRepair(boolean on) {
    return new PreparationOptions(model, on, chainBreaks, library);
  }

  /** The same options with another chain-break rule. */
  public PreparationOptions withChainBreaks(ChainBreaks rule) {
    return new PreparationOptions(model, repair, rule, library);
  }
}
