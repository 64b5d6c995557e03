package org.backmap.md.trajectory;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.backmap.md.structure.PdbWriter;
import org.backmap.md.structure.Structure;

/**
 * Frames of one structure streamed to a file that appears only when {@link #finish() finished}; closing an
 * unfinished output deletes it.
 */
public interface TrajectoryOutput extends AutoCloseable {

  /** Appends a frame with positions {@code xNm} (nm, flat, the structure's atom order). */
  void append(double[] xNm);

  /** Completes the file and makes it appear. */
  void finish();

  /** Deletes the unfinished file unless {@link #finish()} was called. */
  @Override
  void close();

  /**
   * The output for {@code file} by its extension: {@code .pdb} multi-model PDB, {@code .cif} or {@code .mmcif}
   * multi-model mmCIF, {@code .dcd} a DCD trajectory with {@code template} written as
   * {@link #topologyFile STEM.topology.pdb} beside it when the trajectory is finished.
   *
   * @param title the DCD title
   * @throws IllegalArgumentException naming the file for any other extension
   */
  static TrajectoryOutput open(Path file, Structure template, String title) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".pdb")) {
      return new PdbTrajectoryWriter(file, template);
    }
    if (name.endsWith(".cif") || name.endsWith(".mmcif")) {
      return new MmcifTrajectoryWriter(file, template);
    }
    if (name.endsWith(".dcd")) {
      DcdWriter dcd = new DcdWriter(file, template.atomCount(), 0, 1, 0.0, title);
      return new TrajectoryOutput() {
        @Override
        public void append(double[] xNm) {
          dcd.append(xNm);
        }

        @Override
        public void finish() {
          PdbWriter.write(template, topologyFile(file));
          dcd.finish();
        }

        @Override
        public void close() {
          dcd.close();
        }
      };
    }
    throw new IllegalArgumentException(file + ": use .pdb or .cif (multi-model) or .dcd (with STEM.topology.pdb)");
  }

  /**
   * The coordinate (Angstrom) a reader of {@code file} gets back for a coordinate written to it (in nm, as
   * {@link #append} takes them): rounded to the format's precision, PDB 0.001, mmCIF 0.0001, DCD float32. What is
   * computed from a structure (log-probabilities, energies) can so be computed from exactly what the file holds.
   *
   * @throws IllegalArgumentException for a file {@link #open} does not accept
   */
  static DoubleUnaryOperator rounding(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".pdb")) {
      return x -> Math.round(x * 1e3) / 1e3;
    }
    if (name.endsWith(".cif") || name.endsWith(".mmcif")) {
      return x -> Math.round(x * 1e4) / 1e4;
    }
    if (name.endsWith(".dcd")) {
      return x -> (float) (10 * (x / 10)); // DcdWriter stores float32 Angstrom of the nm it is given
    }
    throw new IllegalArgumentException(file + ": use .pdb or .cif (multi-model) or .dcd (with STEM.topology.pdb)");
  }

  /** Whether {@link #open} accepts {@code file}'s extension. */
  static boolean supports(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".pdb") || name.endsWith(".cif") || name.endsWith(".mmcif") || name.endsWith(".dcd");
  }

  /** The topology PDB written beside a DCD output: {@code STEM.topology.pdb}. */
  static Path topologyFile(Path dcd) {
    String n = dcd.getFileName().toString();
    return dcd.resolveSibling(n.substring(0, n.length() - 4) + ".topology.pdb");
  }
}
