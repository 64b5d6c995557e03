package org.backmap.md.trajectory;

import java.nio.file.Path;
import java.util.Locale;
import org.backmap.md.structure.PdbWriter;
import org.backmap.md.structure.Structure;
import org.backmap.md.system.SystemBuilder;

/**
 * Streams frames as a multi-model PDB file (MODEL / ENDMDL blocks, END); the file appears at {@link #finish()}.
 * {@link #continuing} continues an existing file after its first models.
 */
public final class PdbTrajectoryWriter extends TextOutput implements TrajectoryOutput {
  private final Structure template;
  private int models;

  /**
   * @param file output file
   * @param template the structure whose atoms the frames move (names, residues, chains)
   */
  public PdbTrajectoryWriter(Path file, Structure template) {
    super(file);
    this.template = template;
  }

  private PdbTrajectoryWriter(Path file, Structure template, int models, long keptBytes) {
    super(file, keptBytes);
    this.template = template;
    this.models = models;
  }

  /**
   * Continues {@code file}, written by this class, after its first {@code models} models; later models are
   * dropped. The file itself is replaced only at {@link #finish()}.
   *
   * @throws java.io.UncheckedIOException when the file holds fewer models
   */
  public static PdbTrajectoryWriter continuing(Path file, Structure template, int models) {
    long bytes = lengthThrough(file, models, line -> line.startsWith("ENDMDL"));
    if (bytes < 0) {
      throw tooShort(file, "models", models);
    }
    return new PdbTrajectoryWriter(file, template, models, bytes);
  }

  /** Appends a model with positions {@code xNm} (nm, flat, structure order). */
  @Override
  public void append(double[] xNm) {
    models++;
    write(String.format(Locale.ROOT, "MODEL     %4d%n", models));
    write(PdbWriter.toText(SystemBuilder.withPositionsNm(template, xNm)));
    write("ENDMDL\n");
  }

  @Override
  String trailer() {
    return "END\n";
  }
}
