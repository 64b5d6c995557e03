package org.backmap.md.protein;

import org.backmap.md.templates.TemplateLibrary;

/**
 * How a structure file becomes a {@link PreparedProtein}.
 *
 * @param model the model to read, 1-based as in PDB files
 * @param allowChainBreaks when false, a C-N gap inside a chain is an error naming the two residues; when true it
 *     is recorded (and bonded terms across it are left out by the topology)
 * @param library the residue templates
 */
public record PreparationOptions(int model, boolean allowChainBreaks, TemplateLibrary library) {
  public PreparationOptions {
    if (model < 1) {
      throw new IllegalArgumentException("model numbers start at 1, got " + model);
    }
    if (library == null) {
      throw new IllegalArgumentException("a template library is required");
    }
  }

  /** Model 1, chain breaks are errors, ff14SB templates. */
  public static PreparationOptions defaults() {
    return new PreparationOptions(1, false, TemplateLibrary.ff14SB());
  }

  /** The same options reading model {@code n} (1-based). */
  public PreparationOptions withModel(int n) {
    return new PreparationOptions(n, allowChainBreaks, library);
  }

  /** The same options with chain breaks allowed or not. */
  public PreparationOptions withChainBreaksAllowed(boolean allowed) {
    return new PreparationOptions(model, allowed, library);
  }
}
