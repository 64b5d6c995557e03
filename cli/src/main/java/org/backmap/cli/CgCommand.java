package org.backmap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backmap.md.cg.CgMapper;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.hydrogens.Completion;
import org.backmap.md.hydrogens.HydrogenCompleter;
import org.backmap.md.structure.StructureException;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.topology.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backmap cg}: all-atom PDB/mmCIF to the CG PDB layout (missing hydrogens are completed first). */
@Command(name = "cg", mixinStandardHelpOptions = true, description = "Map an all-atom structure to CG (kept backbone atoms + one side-chain bead per residue).")
final class CgCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, description = "All-atom PDB or mmCIF file (.gz allowed).")
  Path input;

  @Option(names = {"-o", "--output"}, required = true, description = "CG PDB file to write.")
  Path output;

  @Override
  public Integer call() {
    try {
      Topology topology = Topology.build(StructureReader.read(input), TemplateLibrary.ff14SB(), false);
      Completion completion = HydrogenCompleter.complete(topology);
      CgStructure cg = CgMapper.map(completion.topology(), true);
      cg.writePdb(output);
      spec.commandLine().getOut().printf("%s: %d residues, %d hydrogens added, %d CG particles written to %s%n",
          input.getFileName(), cg.residues().size(), completion.addedHydrogens(), cg.particleCount(), output);
      return 0;
    } catch (StructureException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 1;
    }
  }
}
