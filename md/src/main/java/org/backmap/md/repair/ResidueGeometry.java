package org.backmap.md.repair;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ideal heavy-atom coordinates of the 20 standard amino acids (Angstrom), read once from
 * {@code residue-geometry.pdb}; repair takes bond lengths, angles and torsions from them.
 */
final class ResidueGeometry {
  private static final String RESOURCE = "/org/backmap/md/repair/residue-geometry.pdb";
  private static final ResidueGeometry STANDARD = load();

  private final Map<String, Map<String, double[]>> residues;

  private ResidueGeometry(Map<String, Map<String, double[]>> residues) {
    this.residues = residues;
  }

  /** The bundled geometry. */
  static ResidueGeometry standard() {
    return STANDARD;
  }

  /** Position of {@code atom} in the ideal residue {@code residue}, or {@code null} when it has none. */
  double[] position(String residue, String atom) {
    Map<String, double[]> r = residues.get(residue);
    return r == null ? null : r.get(atom);
  }

  private static ResidueGeometry load() {
    Map<String, Map<String, double[]>> out = new HashMap<>();
    try (InputStream in = ResidueGeometry.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("ATOM")) {
          out.computeIfAbsent(line.substring(17, 20).strip(), k -> new LinkedHashMap<>()).put(line.substring(12, 16).strip(),
              new double[] {Double.parseDouble(line.substring(30, 38)), Double.parseDouble(line.substring(38, 46)),
                  Double.parseDouble(line.substring(46, 54))});
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new ResidueGeometry(out);
  }
}
