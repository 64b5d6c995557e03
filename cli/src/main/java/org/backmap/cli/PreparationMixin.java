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

  @Option(names = "--ph", paramLabel = "PH", defaultValue = "7.0",
      description = "pH that decides protonation states the file does not state (default: ${DEFAULT-VALUE}).")
  double pH;

  @Option(names = "--protonation", paramLabel = "RESIDUE=VARIANT",
      description = "Protonation state of one residue, e.g. A:57=HID or A:12=ASH (repeatable).")
  java.util.Map<String, String> variants = new java.util.LinkedHashMap<>();

  @Option(names = "--allow-close-atoms", description = "Go on when atoms are closer than 0.5 A (energies will be huge).")
  boolean allowCloseAtoms;

  /** The library options these flags stand for. */
  PreparationOptions options() {
    if (model < 1) {
      throw new ParameterException(command.commandLine(), "--model must be at least 1, got " + model);
    }
    PreparationOptions base = noRepair ? PreparationOptions.strict() : PreparationOptions.defaults();
    try {
      return base.withModel(model).withPh(pH).withVariants(variants);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), e.getMessage(), e);
    }
  }
}
