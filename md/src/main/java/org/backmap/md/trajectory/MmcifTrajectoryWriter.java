package org.backmap.md.trajectory;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.backmap.md.structure.MmcifWriter;
import org.backmap.md.structure.Structure;
import org.backmap.md.system.SystemBuilder;

/**
 * Streams frames as one mmCIF file: one {@code atom_site} loop whose rows carry {@code pdbx_PDB_model_num} 1, 2,
 * ...; the file appears at {@link #finish()}.
 */
public final class MmcifTrajectoryWriter extends TextOutput implements TrajectoryOutput {
  private final Structure template;
  private int models;

  /**
   * @param file output file
   * @param template the structure whose atoms the frames move (names, residues, chains)
   */
  public MmcifTrajectoryWriter(Path file, Structure template) {
    super(file);
    this.template = template;
    write(MmcifWriter.header(MmcifWriter.dataName(file)));
  }

  @Override
  public void append(double[] xNm) {
    models++;
    StringWriter text = new StringWriter();
    try {
      MmcifWriter.writeModel(SystemBuilder.withPositionsNm(template, xNm), models, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    write(text.toString());
  }

  @Override
  String trailer() {
    return MmcifWriter.TRAILER;
  }
}
