package org.backmap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backmap.base.io.OutputFolder;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.protein.PreparedProtein;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backmap cg}: all-atom PDB/mmCIF to the CG PDB layout (missing hydrogens are completed first). */
@Command(name = "cg", mixinStandardHelpOptions = true, description = "Map an all-atom structure to CG (kept backbone atoms + one side-chain bead per residue).")
final class CgCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, description = "All-atom PDB or mmCIF file (.gz allowed).")
  Path input;

  @Mixin
  PreparationMixin preparation;

  @Option(names = {"-o", "--output"}, required = true, description = "CG PDB file to write.")
  Path output;

  @Override
  public Integer call() {
    OutputFolder.requireWritable(output);
    PreparedProtein protein = ProteinInput.read(input, preparation, false, spec.commandLine().getErr());
    CgStructure cg = protein.cg();
    if (protein.hasCaps()) {
      spec.commandLine().getErr().printf("%s: note: capping groups have no CG form: left out, the residues they capped are free termini%n", input.getFileName());
    }
    cg.writePdb(output);
    spec.commandLine().getOut().printf("%s: %d residues, %d hydrogens added, %d CG particles written to %s%n",
        input.getFileName(), cg.residues().size(), protein.completion().addedHydrogens(), cg.particleCount(), output);
    return 0;
  }
}
