package org.backmap.cli;

import org.backmap.md.protein.PreparationOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How commands read their input protein: which model, whether to repair it, whether close atoms may pass. */
final class PreparationMixin {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--model", paramLabel = "N", defaultValue = "1", description = "Model to read, 1-based (default: ${DEFAULT-VALUE}).")
  int model;

  @Option(names = "--no-repair", description = "Use the structure as it is: a missing atom or a chain break is an error instead of being repaired.")
  boolean noRepair;

  @Option(names = "--allow-close-atoms", description = "Go on when atoms are closer than 0.5 A (energies will be huge).")
  boolean allowCloseAtoms;

  /** The library options these flags stand for. */
  PreparationOptions options() {
    if (model < 1) {
      throw new ParameterException(command.commandLine(), "--model must be at least 1, got " + model);
    }
    return noRepair ? PreparationOptions.strict().withModel(model) : PreparationOptions.defaults().withModel(model);
  }
}
