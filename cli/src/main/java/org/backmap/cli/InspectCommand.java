package org.backmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.protein.ProteinSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backmap inspect}: chains, residues, protonation states, missing atoms, disulfides and breaks of a structure. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Describe a structure: chains, residues, protonation states, missing atoms, disulfides.")
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, description = "PDB or mmCIF file (.gz allowed).")
  Path input;

  @Mixin
  PreparationMixin preparation;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    ProteinSummary summary = PreparedProtein.read(input, preparation.options()).summary();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary));
    } else {
      summary.print(out);
    }
    out.flush();
    return 0;
  }
}
