package org.backmap.md.trajectory;

import java.nio.file.Path;
import java.util.Locale;
import org.backmap.md.structure.PdbWriter;
import org.backmap.md.structure.Structure;
import org.backmap.md.system.SystemBuilder;

/** Streams frames as a multi-model PDB file (MODEL / ENDMDL blocks, END); the file appears at {@link #finish()}. */
public final class PdbTrajectoryWriter extends TextOutput {
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

  /** Appends a model with positions {@code xNm} (nm, flat, structure order). */
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
