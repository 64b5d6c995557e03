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
    return switch (Format.of(file)) {
      case PDB -> new PdbTrajectoryWriter(file, template);
      case MMCIF -> new MmcifTrajectoryWriter(file, template);
      case DCD -> {
        DcdWriter dcd = new DcdWriter(file, template.atomCount(), 0, 1, 0.0, title);
        yield new TrajectoryOutput() {
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
    };
  }

  /**
   * The coordinate (Angstrom) a reader of {@code file} gets back for a coordinate written to it (in nm, as
   * {@link #append} takes them): rounded to the format's precision, PDB 0.001, mmCIF 0.0001, DCD float32. What is
   * computed from a structure (log-probabilities, energies) can so be computed from exactly what the file holds.
   *
   * @throws IllegalArgumentException for a file {@link #open} does not accept
   */
  static DoubleUnaryOperator rounding(Path file) {
    return switch (Format.of(file)) {
      case PDB -> x -> Math.round(x * 1e3) / 1e3;
      case MMCIF -> x -> Math.round(x * 1e4) / 1e4;
      case DCD -> x -> (float) (10 * (x / 10)); // DcdWriter stores float32 Angstrom of the nm it is given
    };
  }

  /** Whether {@link #open} accepts {@code file}'s extension. */
  static boolean supports(Path file) {
    return Format.byName(file) != null;
  }

  /** The formats, by file extension (the one place that reads it). */
  enum Format {
    PDB, MMCIF, DCD;

    /** The format of {@code file}, or null for another extension. */
    static Format byName(Path file) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".pdb")) {
        return PDB;
      }
      if (name.endsWith(".cif") || name.endsWith(".mmcif")) {
        return MMCIF;
      }
      return name.endsWith(".dcd") ? DCD : null;
    }

    /** The format of {@code file}; an IllegalArgumentException naming it for another extension. */
    static Format of(Path file) {
      Format f = byName(file);
      if (f == null) {
        throw new IllegalArgumentException(file + ": use .pdb or .cif (multi-model) or .dcd (with STEM.topology.pdb)");
      }
      return f;
    }
  }

  /** The topology PDB written beside a DCD output: {@code STEM.topology.pdb}. */
  static Path topologyFile(Path dcd) {
    String n = dcd.getFileName().toString();
    return dcd.resolveSibling(n.substring(0, n.length() - 4) + ".topology.pdb");
  }
}
