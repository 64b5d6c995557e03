package org.backmap.md.cg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.backmap.md.TestData;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.structure.StructureException;
import org.backmap.md.templates.TemplateLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multi-model CG files read model by model, plain or gzip, with frames that must hold the same atoms. */
class CgModelReaderTest {
  private final TemplateLibrary lib = TemplateLibrary.ff14SB();

  @Test
  void readsEveryModelInTurn(@TempDir Path dir) throws Exception {
    CgStructure cg = PreparedProtein.read(TestData.corpus("1UAO.pdb")).cg();
    double[] moved = particles(cg);
    for (int i = 0; i < moved.length; i++) {
      moved[i] += i % 3 == 0 ? 1.5 : -0.25;
    }
    CgStructure second = cg.withParticles("moved", moved);
    Path file = dir.resolve("two.pdb");
    Files.writeString(file, asModels(dir, cg, second));
    Path gz = dir.resolve("two.pdb.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(file));
    }
    for (Path p : List.of(file, gz)) {
      try (CgModelReader r = new CgModelReader(p, lib)) {
        assertTrue(r.hasNext());
        CgStructure a = r.next();
        CgStructure b = r.next();
        assertFalse(r.hasNext());
        assertEquals(p.getFileName() + " model 2", b.source());
        assertArrayEquals(particles(cg), particles(a), 1e-3);
        assertArrayEquals(moved, particles(b), 1e-3);
        assertEquals(cg.residues().get(0).template(), b.residues().get(0).template(), "terminal templates in every model");
      }
    }
    assertArrayEquals(particles(cg), particles(CgStructure.read(file, lib)), 1e-3, "read() gives the first model");
  }

  @Test
  void aModelWithOtherAtomsIsNamed(@TempDir Path dir) throws Exception {
    CgStructure cg = PreparedProtein.read(TestData.corpus("1UAO.pdb")).cg();
    Path one = dir.resolve("one.pdb");
    cg.writePdb(one);
    List<String> lines = new ArrayList<>(Files.readAllLines(one));
    lines.removeIf(l -> l.startsWith("ATOM") && l.substring(12, 16).trim().equals("CB") && l.substring(22, 26).trim().equals("2"));
    Path file = dir.resolve("bad.pdb");
    Files.writeString(file, "MODEL        1\n" + body(one) + "ENDMDL\nMODEL        2\n" + String.join("\n", lines.stream()
        .filter(l -> l.startsWith("ATOM")).toList()) + "\nENDMDL\nEND\n");
    try (CgModelReader r = new CgModelReader(file, lib)) {
      r.next();
      StructureException e = assertThrows(StructureException.class, r::next);
      assertTrue(e.getMessage().contains("bad.pdb model 2") && e.getMessage().contains("TYR") && e.getMessage().contains("first model"),
          e.getMessage());
    }
  }

  static double[] particles(CgStructure cg) {
    List<Double> out = new ArrayList<>();
    for (CgResidue r : cg.residues()) {
      r.atoms().forEach(a -> {
        out.add(a.x());
        out.add(a.y());
        out.add(a.z());
      });
      if (r.bead() != null) {
        for (double v : r.bead()) {
          out.add(v);
        }
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static String asModels(Path dir, CgStructure... frames) throws Exception {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < frames.length; k++) {
      Path f = dir.resolve("frame" + k + ".pdb");
      frames[k].writePdb(f);
      b.append(String.format("MODEL     %4d%n", k + 1)).append(body(f)).append("ENDMDL\n");
    }
    return b.append("END\n").toString();
  }

  private static String body(Path f) throws Exception {
    StringBuilder b = new StringBuilder();
    for (String l : Files.readAllLines(f, StandardCharsets.ISO_8859_1)) {
      if (l.startsWith("ATOM") || l.startsWith("TER")) {
        b.append(l).append('\n');
      }
    }
    return b.toString();
  }
}
