package org.backmap.backmapping.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.backmap.backmapping.Fixtures;
import org.backmap.md.bat.BatGroup;
import org.backmap.md.dataset.DatasetReader;
import org.backmap.md.dataset.ExampleBatch;
import org.backmap.md.dataset.ExampleExtractor;
import org.backmap.md.dataset.ResidueType;
import org.backmap.md.dataset.Split;
import org.backmap.md.dataset.TrainingExample;
import org.backmap.md.dataset.TrainingSet;
import org.backmap.md.protein.PreparationOptions;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.structure.Chain;
import org.backmap.md.structure.Element;
import org.backmap.md.structure.Structure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SideChainBeadsTest {
  @TempDir Path tmp;

  /**
   * The true side chain, rebuilt from its BAT vector on its roots, has exactly the example's bead when its
   * hydrogens sit at template geometry (the test structures stripped of hydrogens and completed): the BAT vector
   * holds every bond to hydrogen at its ff14SB length.
   */
  @Test
  void theTrueSideChainsBeadIsTheExamplesBead() throws URISyntaxException {
    double worst = 0;
    Set<String> types = new TreeSet<>();
    for (String file : List.of("1UAO.pdb", "bpti.pdb", "1ab1_A.pdb")) {
      Structure deposited = PreparedProtein.read(Path.of(getClass().getResource("/structures/" + file).toURI()))
          .structure();
      PreparedProtein p = PreparedProtein.of(withoutHydrogens(deposited), PreparationOptions.defaults());
      ExampleExtractor extractor = new ExampleExtractor(p.topology());
      for (int i : extractor.targets(BatGroup.SIDECHAIN)) {
        String type = ResidueType.of(p.topology().residues().get(i).template(), BatGroup.SIDECHAIN);
        TrainingExample e = extractor.extract(i, BatGroup.SIDECHAIN, new int[0]);
        double[] bead = SideChainBeads.of(type).bead(e.bat(), 0, e.roots(), 0);
        for (int a = 0; a < 3; a++) {
          worst = Math.max(worst, Math.abs(bead[a] - e.bead()[a]));
        }
        types.add(type);
      }
    }
    assertTrue(types.size() >= 18, types.toString());
    assertEquals(0, worst, 1e-9, "largest deviation of a true side chain's bead (Angstrom)");
  }

  /**
   * Read back from a dataset stream (roots and beads as stored) the same holds up to the deposited hydrogens' bond
   * lengths: measured up to 0.06 Angstrom, for GLY, whose bead is its two alpha hydrogens.
   */
  @Test
  void fromTheStreamsOnlyTheDepositedHydrogenBondsMoveTheBead() {
    TrainingSet set = TrainingSet.open(Fixtures.extracted(tmp));
    List<String> checked = new ArrayList<>();
    double worst = 0;
    for (String type : set.types()) {
      if (ResidueType.groupOf(type) != BatGroup.SIDECHAIN) {
        continue;
      }
      SideChainBeads beads = SideChainBeads.of(type);
      for (Split split : Split.values()) {
        if (set.examples(type, split) == 0) {
          continue;
        }
        try (DatasetReader reader = set.reader(type, split, 16)) {
          while (reader.hasNext()) {
            ExampleBatch b = reader.next();
            for (int i = 0; i < b.size(); i++) {
              double[] bead = beads.bead(b.bat(), i * b.batDim(), b.roots(), 9 * i);
              for (int a = 0; a < 3; a++) {
                worst = Math.max(worst, Math.abs(bead[a] - b.bead()[3 * i + a]));
              }
            }
          }
        }
      }
      checked.add(type);
    }
    assertTrue(checked.size() >= 18, checked.toString());
    assertTrue(worst < 0.1, "a true side chain's bead moved by " + worst + " A");
  }

  @Test
  void nTerminalHydrogensHaveNoBead() {
    assertThrows(IllegalArgumentException.class, () -> SideChainBeads.of(ResidueType.NTERM));
  }

  private static Structure withoutHydrogens(Structure s) {
    List<Chain> chains = new ArrayList<>();
    for (Chain c : s.chains()) {
      chains.add(c.withResidues(c.residues().stream()
          .map(r -> r.withAtoms(r.atoms().stream().filter(a -> a.element() != Element.H).toList())).toList()));
    }
    return s.withChains(chains);
  }
}
