package org.backmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.backmap.md.energy.EnergyComponent;
import org.backmap.md.energy.EnergyEvaluation;
import org.backmap.md.protein.PreparedProtein;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backmap energy}: the AMBER14SB + GBn2 potential energy of a structure, term by term. */
@Command(name = "energy", mixinStandardHelpOptions = true,
    description = "Print the AMBER14SB + GBn2 energy of a structure per term (kJ/mol); missing hydrogens are added first.")
final class EnergyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, description = "PDB or mmCIF file.")
  Path input;

  @Mixin
  PreparationMixin preparation;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Mixin
  RuntimeOptions runtime;

  @Override
  public Integer call() throws Exception {
    runtime.apply();
    PrintWriter out = spec.commandLine().getOut();
    PreparedProtein protein = ProteinInput.read(input, preparation, true, spec.commandLine().getErr());
    EnergyEvaluation e = protein.energy(runtime.threads()).evaluate(protein.positionsNm());
    if (json) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("file", input.toString());
      r.put("atoms", protein.atomCount());
      r.put("addedHydrogens", protein.completion().addedHydrogens());
      r.put("notes", protein.notes());
      r.put("protonation", protein.protonation().lines());
      r.put("repairs", protein.repairs());
      Map<String, Double> terms = new LinkedHashMap<>();
      for (EnergyComponent c : EnergyComponent.values()) {
        if (c != EnergyComponent.RESTRAINT) {
          terms.put(c.key(), e.energies().get(c));
        }
      }
      r.put("energies_kJ_per_mol", terms);
      r.put("total_kJ_per_mol", e.total());
      r.put("rms_force_kJ_per_mol_nm", e.rmsForce());
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
    } else {
      out.printf("%s: %d atoms, AMBER14SB + GBn2 (no cutoff)%n", input, protein.atomCount());
      for (EnergyComponent c : EnergyComponent.values()) {
        if (c != EnergyComponent.RESTRAINT) {
          out.printf("  %-12s %16.4f kJ/mol%n", c.key(), e.energies().get(c));
        }
      }
      out.printf("  %-12s %16.4f kJ/mol%n", "total", e.total());
      out.printf("  %-12s %16.4f kJ/mol/nm%n", "rms force", e.rmsForce());
    }
    out.flush();
    return 0;
  }
}
