package org.backmap.md.protonation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backmap.md.TestData;
import org.backmap.md.structure.Chain;
import org.backmap.md.structure.Residue;
import org.backmap.md.structure.ResidueKey;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureReader;
import org.junit.jupiter.api.Test;

/**
 * Histidine tautomers at pH 7 against OpenMM's {@code Modeller.addHydrogens} on heavy-atom structures; the
 * reference is {@code protonation/histidines-openmm.json}, written by {@code src/test/python/histidine_reference.py}.
 */
class HistidineOpenMmAgreementTest {

  @Test
  void agreesWithOpenMmOnAtLeast95PercentOfHistidines() throws IOException {
    int agree = compare(false);
    assertEquals(37, agree, "agreement changed: update md/README.md");
  }

  /** OpenMM ignores the residue name as written; without it the rules agree on every histidine. */
  @Test
  void hydrogenBondRuleAloneAgreesOnEveryHistidine() throws IOException {
    assertEquals(38, compare(true));
  }

  private int compare(boolean forgetWrittenNames) throws IOException {
    JsonNode reference;
    try (InputStream in = getClass().getResourceAsStream("/protonation/histidines-openmm.json")) {
      reference = new ObjectMapper().readTree(in);
    }
    Map<String, Protonation> byFile = new LinkedHashMap<>();
    int total = 0;
    int agree = 0;
    List<String> disagreements = new ArrayList<>();
    for (JsonNode h : reference.get("histidines")) {
      String file = h.get("file").asText();
      Protonation p = byFile.computeIfAbsent(file, f -> Protonator.decide(forgetWrittenNames ? forgetWrittenNames(read(f)) : read(f)));
      String ins = h.get("insertionCode").asText();
      ResidueKey key = new ResidueKey(h.get("chain").asText(), h.get("number").asInt(), ins.isEmpty() ? ' ' : ins.charAt(0));
      ProtonationDecision d = p.decision(key);
      String expected = h.get("variant").asText();
      total++;
      if (d != null && d.variant().equals(expected)) {
        agree++;
      } else {
        disagreements.add(file + " " + (d == null ? key + " not found" : d.line()) + ", OpenMM " + expected);
      }
    }
    System.out.printf("histidines%s: %d of %d agree with OpenMM %s%n", forgetWrittenNames ? " (names as written ignored)" : "",
        agree, total, reference.get("openmm").asText());
    disagreements.forEach(line -> System.out.println("  differs: " + line));
    assertTrue(total >= 20, "too few histidines in the reference: " + total);
    assertTrue(agree >= 0.95 * total, agree + " of " + total + " agree: " + disagreements);
    assertEquals(38, total, "reference changed: update md/README.md");
    return agree;
  }

  private static Structure forgetWrittenNames(Structure s) {
    List<Chain> chains = new ArrayList<>();
    for (Chain c : s.chains()) {
      chains.add(c.withResidues(c.residues().stream()
          .map(r -> new Residue(r.name(), r.number(), r.insertionCode(), r.atoms())).toList()));
    }
    return s.withChains(chains);
  }

  /** A resource below src/test/resources, stripped of hydrogens as OpenMM's input was. */
  private static Structure read(String resource) {
    try (InputStream in = HistidineOpenMmAgreementTest.class.getResourceAsStream("/" + resource)) {
      return TestData.stripHydrogens(StructureReader.read(resource, in.readAllBytes(), 0));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
