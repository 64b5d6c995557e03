package org.backmap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backmap.md.structure.PdbWriter;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureException;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.trajectory.DcdReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code backmap frames}: a DCD trajectory's frames as one PDB file each (e.g. as training structures for 'extract'). */
@Command(name = "frames", mixinStandardHelpOptions = true,
    description = "Write the frames of a DCD trajectory as PDB files DIR/frame-NNNNNN.pdb (frame numbers from 1), with the atoms and "
        + "residues of its topology file: for example the structures 'backmap extract' turns into training examples.")
final class FramesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--trajectory"}, required = true, paramLabel = "DCD", description = "The trajectory.")
  Path trajectory;

  @Option(names = "--topology", required = true, paramLabel = "PDB", description = "The structure whose atoms the trajectory moves, in its order.")
  Path topology;

  @Option(names = "--skip", paramLabel = "N", defaultValue = "0", description = "Frames to leave out at the start (default: ${DEFAULT-VALUE}).")
  int skip;

  @Option(names = "--stride", paramLabel = "K", defaultValue = "1", description = "Write every K-th frame after --skip (default: ${DEFAULT-VALUE}).")
  int stride;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Folder of the PDB files (created; must hold no frame files).")
  Path output;

  @Override
  public Integer call() throws IOException {
    new OptionChecks(spec).atLeast("--skip", skip, 0).atLeast("--stride", stride, 1);
    Structure top = StructureReader.read(topology);
    Files.createDirectories(output);
    try (var existing = Files.list(output)) {
      if (existing.anyMatch(p -> p.getFileName().toString().startsWith("frame-"))) {
        throw new StructureException(output.toString(), "already holds frame files; choose an empty folder");
      }
    }
    int written = 0;
    try (DcdReader in = new DcdReader(trajectory)) {
      if (in.atoms() != top.atomCount()) {
        throw new StructureException(trajectory.toString(), in.atoms() + " atoms per frame, the topology " + topology + " has " + top.atomCount());
      }
      double[] xyz = new double[3 * in.atoms()];
      while (in.hasNext()) {
        long f = in.next(xyz);
        if (f < skip || (f - skip) % stride != 0) {
          continue;
        }
        String name = String.format(Locale.ROOT, "frame-%06d.pdb", f + 1);
        PdbWriter.write(top.withCoordinates(trajectory + " frame " + (f + 1), xyz), output.resolve(name));
        written++;
      }
    }
    spec.commandLine().getOut().printf(Locale.ROOT, "%d frames written to %s%n", written, output);
    return 0;
  }
}
