package org.backmap.md.trajectory;

import java.nio.file.Path;
import java.util.Locale;
import org.backmap.md.structure.PdbWriter;
import org.backmap.md.structure.Structure;

/**
 * Frames of one structure streamed to a file that appears only when {@link #finish() finished}; closing an
 * unfinished output deletes it.
 */
public interface TrajectoryOutput extends AutoCloseable {

  /** Appends a frame with positions {@code xNm} (nm, flat, the structure's atom order). */
  void append(double[] xNm);

  /**
   * The coordinates a reader of this file gets back for {@code angstrom} (flat, Angstrom): rounded to the
   * format's precision (PDB 0.001, mmCIF 0.0001, DCD float32), so that what is computed from a structure
   * (log-probabilities, energies) can be computed from exactly what the file holds.
   */
  double[] asWritten(double[] angstrom);

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
        public double[] asWritten(double[] angstrom) {
          double[] out = new double[angstrom.length];
          for (int i = 0; i < out.length; i++) {
            out[i] = (float) (10 * (angstrom[i] / 10)); // as DcdWriter stores nm given here
          }
          return out;
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

  /** {@code angstrom} rounded to {@code decimals} decimal places, as fixed-point text columns hold it. */
  static double[] rounded(double[] angstrom, int decimals) {
    double scale = Math.pow(10, decimals);
    double[] out = new double[angstrom.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.round(angstrom[i] * scale) / scale;
    }
    return out;
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
