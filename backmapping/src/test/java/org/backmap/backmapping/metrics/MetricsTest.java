package org.backmap.backmapping.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.Chain;
import org.backmap.md.structure.Residue;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureException;
import org.backmap.md.structure.StructureReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MetricsTest {
  /** Chignolin (G1 Y2 D3 P4 E5 T6 G7 T8 W9 G10, chain A) with every hydrogen: 138 atoms, 77 heavy. */
  private static Structure reference;

  @BeforeAll
  static void read() throws URISyntaxException {
    reference = StructureReader.read(Path.of(MetricsTest.class.getResource("/structures/1UAO.pdb").toURI()));
  }

  /** A copy of the reference, named as a decoded model, with its residues (by index) changed by {@code change}. */
  private static Structure residues(BiFunction<Integer, Residue, Residue> change) {
    List<Residue> out = new ArrayList<>();
    List<Residue> rs = reference.chains().getFirst().residues();
    for (int i = 0; i < rs.size(); i++) {
      out.add(change.apply(i, rs.get(i)));
    }
    return new Structure("gen.pdb model 2", List.of(new Chain("A", out)), List.of());
  }

  /** A copy of the reference with each atom given by {@code move(residue index, atom)}. */
  private static Structure moved(BiFunction<Integer, Atom, Atom> move) {
    return residues((i, r) -> r.withAtoms(r.atoms().stream().map(a -> move.apply(i, a)).toList()));
  }

  private static Structure shifted(double dx, double dy, double dz) {
    return moved((i, a) -> a.at(a.x() + dx, a.y() + dy, a.z() + dz));
  }

  private static Residue residue(int index) {
    return reference.chains().getFirst().residues().get(index);
  }

  /** {@code a} moved along its bond from {@code partner} so that the bond is {@code factor} times as long. */
  private static Atom stretched(Atom a, Atom partner, double factor) {
    return a.at(partner.x() + factor * (a.x() - partner.x()), partner.y() + factor * (a.y() - partner.y()),
        partner.z() + factor * (a.z() - partner.z()));
  }

  private static MetricsReport compute(List<Structure> generated) {
    return StructureMetrics.compute(generated, reference, MetricsOptions.defaults());
  }

  @Test
  void theBondsAreTheTopologysAndTheirCountIsAtomsLessOnePlusRings() {
    MetricsReport r = compute(List.of(reference, reference));
    // one chain, no disulfide: a tree plus one bond per ring (TYR, PRO, and TRP's two)
    assertEquals(138, r.allAtoms().atoms());
    assertEquals(138 - 1 + 4, r.allAtoms().bonds());
    assertEquals(77, r.heavyAtoms().atoms());
    assertEquals(77 - 1 + 4, r.heavyAtoms().bonds());
    assertEquals(10, r.residues());
    assertEquals(2, r.structures());
    assertEquals("1UAO.pdb", r.reference());
    assertEquals(1.0, r.allAtoms().bondScore());
    assertEquals(1.0, r.heavyAtoms().bondScore());
    assertEquals(0.0, r.allAtoms().clashScore());
  }

  @Test
  void bondsFivePercentOffCountAndFifteenPercentOffDoNot() {
    // a carbonyl O and a hydrogen have a single bond: moving one along it changes that bond alone
    Structure a = moved((i, atom) -> switch (atom.name()) {
      case "O" -> stretched(atom, residue(i).atom("C"), i < 3 ? 1.15 : i < 7 ? 1.05 : 0.95); // 3 out, 7 within
      case "HA", "HA2" -> stretched(atom, residue(i).atom("CA"), i % 2 == 0 ? 0.85 : 1.05);  // 5 out, 5 within
      default -> atom;
    });
    MetricsReport r = compute(List.of(a, reference, reference));
    int bonds = 141, heavyBonds = 80;
    assertEquals((3.0 * bonds - 3 - 5) / (3.0 * bonds), r.allAtoms().bondScore(), 1e-15);
    assertEquals((3.0 * heavyBonds - 3) / (3.0 * heavyBonds), r.heavyAtoms().bondScore(), 1e-15);
  }

  /** A point {@code distance} A from the residue's CA along CA -> HA2. */
  private static double[] fromCa(Residue gly, double distance) {
    Atom ca = gly.atom("CA");
    Atom p = stretched(gly.atom("HA2"), ca, distance / ca.distance(gly.atom("HA2")));
    return new double[] {p.x(), p.y(), p.z()};
  }

  /** The residues other than {@code own} with an atom closer than {@code range} to {@code p} in the reference. */
  private static List<Integer> residuesNear(double[] p, double range, int own) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      for (Atom a : residue(i).atoms()) {
        if (i != own && !out.contains(i) && a.distance(a.at(p[0], p[1], p[2])) < range) {
          out.add(i);
        }
      }
    }
    return out;
  }

  @Test
  void aPlacedClashGivesTheExactFraction() {
    // Glycines (indices 0, 6, 9) have no side-chain atom, so an atom put on one makes only its own residue clash
    double[] onGly7 = fromCa(residue(6), 1.0);
    double[] onGly1 = fromCa(residue(0), 1.0);
    assertEquals(List.of(6), residuesNear(onGly7, 1.2, 1), "the fixture: only glycine 7 is near the moved TYR 2 HH");
    assertEquals(List.of(0), residuesNear(onGly1, 1.2, 8), "the fixture: only glycine 1 is near the moved TRP 9 CZ2");
    Structure a = moved((i, atom) -> i == 1 && atom.name().equals("HH") ? atom.at(onGly7[0], onGly7[1], onGly7[2])
        : i == 8 && atom.name().equals("CZ2") ? atom.at(onGly1[0], onGly1[1], onGly1[2]) : atom);
    MetricsReport r = compute(List.of(a, reference));
    // all atoms: TYR 2 and TRP 9 of 10 residues in one structure of two; heavy atoms: TRP 9 alone (HH is a hydrogen)
    assertEquals(2.0 / 10 / 2, r.allAtoms().clashScore(), 1e-15);
    assertEquals(1.0 / 10 / 2, r.heavyAtoms().clashScore(), 1e-15);

    // 1.3 A beyond glycine 1's HA2, an atom clashes with nothing: 1.2 A is the limit
    double[] beyond = fromCa(residue(0), residue(0).atom("CA").distance(residue(0).atom("HA2")) + 1.3);
    assertEquals(List.of(), residuesNear(beyond, 1.2, 8));
    assertEquals(List.of(0), residuesNear(beyond, 1.31, 8));
    Structure far = moved((i, atom) -> i == 8 && atom.name().equals("CZ2") ? atom.at(beyond[0], beyond[1], beyond[2]) : atom);
    assertEquals(0.0, compute(List.of(far, reference)).allAtoms().clashScore());
  }

  @Test
  void structuresEqualToTheReferenceHaveNoDiversity() {
    MetricsReport r = compute(List.of(reference, reference, reference));
    for (MetricsReport.Scores s : List.of(r.allAtoms(), r.heavyAtoms())) {
      assertEquals(0.0, s.meanPairwiseRmsd());
      assertEquals(0.0, s.meanReferenceRmsd());
      // 0 / 0: every structure equals the reference and each other, the limit of no diversity
      assertEquals(1.0, s.diversity());
      assertEquals(1.0, s.diversityMean());
      assertEquals(0.0, s.diversityStd());
    }
  }

  @Test
  void twoTranslatedCopiesGiveTheAnalyticRmsdsAndABootstrapOfTwoValues() {
    // RMSD 3 and 4 to the reference, 5 to each other: diversity 1 - 5 / 3.5 = -3/7
    MetricsReport r = compute(List.of(shifted(3, 0, 0), shifted(0, 4, 0)));
    int b = MetricsOptions.defaults().bootstrap();
    for (MetricsReport.Scores s : List.of(r.allAtoms(), r.heavyAtoms())) {
      assertEquals(5, s.meanPairwiseRmsd(), 1e-5);
      assertEquals(3.5, s.meanReferenceRmsd(), 1e-5);
      assertEquals(-3.0 / 7, s.diversity(), 1e-5);
      // a resample of two is either one structure twice (score 1) or both (-3/7); p is the fraction of the latter
      double p = (1 - s.diversityMean()) / (10.0 / 7);
      assertTrue(p > 0.3 && p < 0.7, "about half the resamples hold both: " + p);
      assertEquals(Math.rint(p * b), p * b, 1e-4, "a whole number of resamples");
      assertEquals(10.0 / 7 * Math.sqrt(p * (1 - p) * b / (b - 1)), s.diversityStd(), 1e-5);
      assertEquals(1.0, s.bondScore());
    }
    assertEquals(r.allAtoms().diversityMean(), r.heavyAtoms().diversityMean(), 1e-5, "the same resamples for both");
  }

  @Test
  void theFiguresDependOnTheSetNotOnItsOrderAndTheSeedMovesOnlyTheBootstrap() {
    Random random = new Random(11);
    List<Structure> set = new ArrayList<>();
    for (int k = 0; k < 6; k++) {
      set.add(moved((i, a) -> a.at(a.x() + 0.05 * random.nextGaussian(), a.y() + 0.05 * random.nextGaussian(), a.z() + 0.05 * random.nextGaussian())));
    }
    MetricsReport r = compute(set);
    List<Structure> shuffled = new ArrayList<>(set);
    Collections.shuffle(shuffled, new Random(3));
    assertNotEquals(set, shuffled);
    assertEquals(r, compute(shuffled));
    assertEquals(r, compute(set.reversed()));
    assertTrue(r.allAtoms().bondScore() < 1 && r.allAtoms().bondScore() > 0.3, "noise moves some bonds out: " + r.allAtoms().bondScore());
    assertTrue(r.heavyAtoms().diversityStd() > 0);

    MetricsReport other = StructureMetrics.compute(set, reference, MetricsOptions.defaults().withSeed(2));
    assertEquals(r.allAtoms().diversity(), other.allAtoms().diversity());
    assertEquals(r.allAtoms().bondScore(), other.allAtoms().bondScore());
    assertNotEquals(r.allAtoms().diversityMean(), other.allAtoms().diversityMean());
  }

  @Test
  void theReportIsJson() throws Exception {
    MetricsReport r = compute(List.of(shifted(3, 0, 0), shifted(0, 4, 0)));
    ObjectMapper json = new ObjectMapper();
    String text = json.writeValueAsString(r);
    assertTrue(text.contains("\"heavyAtoms\":{") && text.contains("\"bondScore\":1.0"), text);
    assertEquals(r, json.readValue(text, MetricsReport.class));
  }

  @Test
  void atomsThatDoNotMatchAreNamed() {
    Structure extra = residues((i, r) -> i != 2 ? r : r.withAtoms(concat(r.atoms(), new Atom("HX", r.atoms().getFirst().element(), 0, 0, 0))));
    assertEquals("gen.pdb model 2: chain A residue 3 ASP atom HX: not in the reference 1UAO.pdb", failure(extra));
    Structure missing = residues((i, r) -> i != 1 ? r : r.withAtoms(r.atoms().stream().filter(a -> !a.name().equals("HB2")).toList()));
    assertEquals("gen.pdb model 2: chain A residue 2 TYR atom HB2: missing (the reference 1UAO.pdb has it)", failure(missing));
    Structure renamed = residues((i, r) -> i != 1 ? r : new Residue("PHE", r.number(), r.insertionCode(), r.atoms()));
    assertEquals("gen.pdb model 2: chain A residue 2 PHE: the reference 1UAO.pdb has TYR here", failure(renamed));
    Structure renumbered = residues((i, r) -> i != 9 ? r : new Residue(r.name(), 11, r.insertionCode(), r.atoms()));
    assertEquals("gen.pdb model 2: chain A residue 11 GLY: not in the reference 1UAO.pdb", failure(renumbered));

    StructureException one = assertThrows(StructureException.class, () -> compute(List.of(shifted(1, 0, 0))));
    assertEquals("gen.pdb model 2: the only generated structure: the diversity score needs at least 2", one.getMessage());
    assertThrows(IllegalArgumentException.class, () -> compute(List.of()));
    assertThrows(IllegalArgumentException.class, () -> MetricsOptions.defaults().withBootstrap(0));
  }

  private static List<Atom> concat(List<Atom> atoms, Atom more) {
    List<Atom> out = new ArrayList<>(atoms);
    out.add(more);
    return out;
  }

  private static String failure(Structure generated) {
    return assertThrows(StructureException.class, () -> compute(List.of(reference, generated))).getMessage();
  }
}
