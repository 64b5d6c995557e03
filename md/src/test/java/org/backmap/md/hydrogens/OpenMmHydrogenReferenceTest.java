package org.backmap.md.hydrogens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.backmap.md.TestData;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.PdbWriter;
import org.backmap.md.structure.Structure;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.topology.ResidueTopology;
import org.backmap.md.topology.Topology;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares hydrogen completion with OpenMM's {@code Modeller.addHydrogens} (atom sets per residue) and the
 * missing-heavy-atom report with pdbfixer's {@code findMissingAtoms}, through {@code src/test/python/hydrogen_reference.py}.
 */
class OpenMmHydrogenReferenceTest {
  private static final Path SCRIPT = Path.of("src/test/python/hydrogen_reference.py");

  @ParameterizedTest
  @ValueSource(strings = {"1UAO.pdb", "bpti.pdb", "1T2Y.pdb", "T0902.pdb", "T0922.pdb", "PED00055.pdb"})
  void sameAtomSetsAsOpenMm(String name, @TempDir Path dir) throws Exception {
    Structure heavy = TestData.stripHydrogens(TestData.read(name));
    Topology before = Topology.build(heavy, TemplateLibrary.ff14SB(), true);
    Completion c = HydrogenCompleter.complete(before);
    Path pdb = dir.resolve("heavy.pdb");
    PdbWriter.write(heavy, pdb);
    List<String> variants = new ArrayList<>();
    for (ResidueTopology rt : c.topology().residues()) {
      String v = rt.template().residueName();
      variants.add(v.startsWith("HI") ? "\"" + v + "\"" : "null");
    }
    Path variantFile = dir.resolve("variants.json");
    Files.writeString(variantFile, variants.toString());
    JsonNode ref = runReference(pdb, variantFile);

    JsonNode residues = ref.get("residues");
    assertEquals(c.topology().residues().size(), residues.size());
    int atoms = 0;
    for (ResidueTopology rt : c.topology().residues()) {
      JsonNode r = residues.get(rt.index());
      assertEquals(rt.residue().number(), r.get("number").asInt());
      TreeSet<String> expected = new TreeSet<>();
      r.get("atoms").forEach(a -> expected.add(a.asText()));
      TreeSet<String> actual = new TreeSet<>(rt.residue().atoms().stream().map(Atom::name).toList());
      assertEquals(expected, actual, name + " " + rt.label());
      atoms += actual.size();
    }
    Map<String, TreeSet<String>> missingRef = new TreeMap<>();
    ref.get("missing").forEach(m -> missingRef.computeIfAbsent(m.get("chain").asText() + " " + m.get("number").asInt(), k -> new TreeSet<>())
        .addAll(toList(m.get("atoms"))));
    Map<String, TreeSet<String>> missing = new TreeMap<>();
    for (ResidueTopology rt : before.residues()) {
      if (!rt.missingHeavyAtoms().isEmpty()) {
        missing.put(rt.chainId() + " " + rt.residue().number(), new TreeSet<>(rt.missingHeavyAtoms()));
      }
    }
    assertEquals(missingRef, missing, name + ": residues with missing heavy atoms");
    System.out.printf("%s: %d residues, %d atoms after completion identical to OpenMM addHydrogens; missing heavy atoms as pdbfixer: %s%n",
        name, residues.size(), atoms, missing);
  }

  private static List<String> toList(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(a -> out.add(a.asText()));
    return out;
  }

  private static JsonNode runReference(Path pdb, Path variants) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder("/usr/bin/python3", SCRIPT.toString(), pdb.toString(), variants.toString()).start();
    } catch (IOException e) {
      fail("OpenMM reference unavailable: /usr/bin/python3 cannot be started (install python3-simtk python3-pdbfixer): " + e.getMessage());
      throw e;
    }
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    assertTrue(rc == 0, "OpenMM reference failed (needs python3-simtk and python3-pdbfixer): " + err);
    return new ObjectMapper().readTree(out);
  }
}
