package org.backmap.md.structure;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.backmap.base.io.AtomicOutput;

/**
 * Writes structures as PDB files: one structure, or an ensemble as MODEL / ENDMDL blocks. Files are written
 * to a temporary sibling and then renamed, so a failed write leaves no partial file.
 */
public final class PdbWriter {
  private PdbWriter() {}

  /** Writes one structure to {@code file}. */
  public static void write(Structure structure, Path file) {
    writeModels(List.of(structure), file);
  }

  /** Writes {@code models} as a multi-model PDB file (a single structure gets no MODEL record). */
  public static void writeModels(List<Structure> models, Path file) {
    atomically(file, w -> {
      for (int m = 0; m < models.size(); m++) {
        if (models.size() > 1) {
          w.write(String.format(Locale.ROOT, "MODEL     %4d%n", m + 1));
        }
        writeAtoms(models.get(m), w);
        if (models.size() > 1) {
          w.write("ENDMDL\n");
        }
      }
      w.write("END\n");
    });
  }

  /** The ATOM and TER records of {@code structure} as text. */
  public static String toText(Structure structure) {
    StringBuilder sb = new StringBuilder();
    try (Writer w = new java.io.StringWriter()) {
      writeAtoms(structure, w);
      sb.append(w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sb.toString();
  }

  private static void writeAtoms(Structure s, Writer w) throws IOException {
    int serial = 1;
    for (Chain c : s.chains()) {
      Residue last = null;
      for (Residue r : c.residues()) {
        for (Atom a : r.atoms()) {
          w.write(atomRecord(serial++, a, r, c.id()));
        }
        last = r;
      }
      if (last != null) {
        w.write(String.format(Locale.ROOT, "TER   %5d      %3s %1s%4d%c%n", serial++ % 100000, last.name(), chainLetter(c.id()), last.number(), last.insertionCode()));
      }
    }
  }

  /** One fixed-column ATOM record. */
  static String atomRecord(int serial, Atom a, Residue r, String chain) {
    String name = a.name();
    // Names of four characters, or starting with a digit, start in column 13; others in column 14.
    String field = name.length() >= 4 || Character.isDigit(name.charAt(0)) ? String.format("%-4s", name) : " " + String.format("%-3s", name);
    String element = a.element() == null ? "" : a.element().name();
    return String.format(Locale.ROOT, "ATOM  %5d %4s %3s %1s%4d%c   %8.3f%8.3f%8.3f%6.2f%6.2f          %2s%n",
        serial % 100000, field, r.name(), chainLetter(chain), r.number(), r.insertionCode(), a.x(), a.y(), a.z(), 1.0, 0.0, element);
  }

  private static String chainLetter(String chain) {
    return chain.isEmpty() ? " " : chain.substring(0, 1);
  }

  /** Body of a file write. */
  @FunctionalInterface
  public interface WriterBody {
    /** Writes the content. */
    void write(Writer w) throws IOException;
  }

  /** Writes through {@code body} to a temporary file next to {@code file}, then renames it into place. */
  public static void atomically(Path file, WriterBody body) {
    try (AtomicOutput out = new AtomicOutput(file)) {
      Writer w = new BufferedWriter(Channels.newWriter(out.channel(), StandardCharsets.UTF_8), 1 << 16);
      out.commitAfter(() -> {
        body.write(w);
        w.flush();
      });
    }
  }
}
