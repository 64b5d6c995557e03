package org.backmap.md.structure;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes structures as mmCIF ({@code atom_site} loop; several models get {@code pdbx_PDB_model_num} 1..n). */
public final class MmcifWriter {
  private MmcifWriter() {}

  /** Writes one structure to {@code file} (atomically, like {@link PdbWriter}). */
  public static void write(Structure structure, Path file) {
    writeModels(List.of(structure), file);
  }

  /** Writes {@code models} to one mmCIF file. */
  public static void writeModels(List<Structure> models, Path file) {
    PdbWriter.atomically(file, w -> write(models, dataName(file), w));
  }

  /** The mmCIF data-block name of {@code file}: its name without extension, other characters as {@code _}. */
  public static String dataName(Path file) {
    String n = file.getFileName().toString().replaceAll("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9_]", "_");
    return n.isEmpty() ? "backmap" : n;
  }

  private static void write(List<Structure> models, String name, Writer w) throws IOException {
    w.write(header(name));
    for (int m = 0; m < models.size(); m++) {
      writeModel(models.get(m), m + 1, w);
    }
    w.write(TRAILER);
  }

  /** The text after the last model. */
  public static final String TRAILER = "#\n";

  /** The data block's start and the {@code atom_site} loop's columns, before the first model's rows. */
  public static String header(String dataName) {
    StringBuilder b = new StringBuilder("data_" + dataName + "\n#\nloop_\n");
    for (String col : List.of("group_PDB", "id", "type_symbol", "label_atom_id", "label_alt_id", "label_comp_id",
        "label_asym_id", "label_entity_id", "label_seq_id", "pdbx_PDB_ins_code", "Cartn_x", "Cartn_y", "Cartn_z",
        "occupancy", "B_iso_or_equiv", "auth_seq_id", "auth_comp_id", "auth_asym_id", "auth_atom_id", "pdbx_PDB_model_num")) {
      b.append("_atom_site.").append(col).append('\n');
    }
    return b.toString();
  }

  /** Writes the {@code atom_site} rows of {@code structure} as model {@code modelNumber}. */
  public static void writeModel(Structure structure, int modelNumber, Writer w) throws IOException {
    int serial = 1;
    int entity = 1;
    for (Chain c : structure.chains()) {
      int seq = 1;
      String chain = c.id().isEmpty() ? "A" : c.id(); // an empty value is not valid CIF
      for (Residue r : c.residues()) {
        for (Atom a : r.atoms()) {
          w.write(String.format(Locale.ROOT, "ATOM %d %s %s . %s %s %d %d %s %.4f %.4f %.4f 1.00 0.00 %d %s %s %s %d%n",
              serial++, a.element().name(), quote(a.name()), r.name(), chain, entity, seq,
              r.insertionCode() == ' ' ? "?" : String.valueOf(r.insertionCode()), a.x(), a.y(), a.z(),
              r.number(), r.name(), chain, quote(a.name()), modelNumber));
        }
        seq++;
      }
      entity++;
    }
  }

  private static String quote(String atomName) {
    return atomName.contains("'") ? "\"" + atomName + "\"" : atomName;
  }
}
