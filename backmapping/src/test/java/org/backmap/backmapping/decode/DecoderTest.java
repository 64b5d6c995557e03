package org.backmap.backmapping.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.backmap.md.bat.BatGroup;
import org.backmap.md.cg.CgMapper;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.nn.Rng;
import org.backmap.nn.checkpoint.CheckpointException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decoding chignolin with untrained models of random weights: the exactness of the bookkeeping does not depend on
 * what the models learned.
 */
class DecoderTest {
  @TempDir static Path tmp;
  static PreparedProtein chignolin;
  static ProteinLayout layout;
  static ModelSet models;

  @BeforeAll
  static void setUp() throws Exception {
    chignolin = PreparedProtein.read(resource("/structures/1UAO.pdb"));
    layout = new ProteinLayout(chignolin.cg(), TemplateLibrary.ff14SB());
    models = RandomModels.write(tmp.resolve("models"), layout);
  }

  @Test
  void thePlanDecodesTheUnconditionalGroupsFirstThenEveryResidue() {
    DecodePlan plan = DecodePlan.of(layout, DecodeOrder.SEQUENCE, 1);
    List<DecodeStep> steps = plan.steps();
    assertEquals(BatGroup.N_TERMINAL_HYDROGENS, steps.get(0).group());
    assertEquals("Nterm", steps.get(0).type());
    assertEquals(List.of("Nterm", "GLY", "GLY", "GLY", "TYR", "ASP", "PRO", "GLU", "THR", "THR", "TRP"),
        steps.stream().map(DecodeStep::type).toList());
    DecodePlan random = DecodePlan.of(layout, DecodeOrder.RANDOM, 7);
    assertEquals(steps.subList(0, 3).stream().map(DecodeStep::type).toList(),
        random.steps().subList(0, 3).stream().map(DecodeStep::type).toList(), "unconditional first in any order");
    assertNotEquals(steps.stream().map(DecodeStep::residue).toList(), random.steps().stream().map(DecodeStep::residue).toList());
    assertEquals(steps.stream().map(DecodeStep::residue).sorted().toList(),
        random.steps().stream().map(DecodeStep::residue).sorted().toList(), "a permutation");
    // every atom is a CG atom or placed by exactly one step
    int[] placedBy = new int[layout.atoms()];
    for (DecodeStep s : steps) {
      for (int a = 3; a < s.atoms().length; a++) {
        placedBy[s.atoms()[a]]++;
      }
    }
    for (int g = 0; g < layout.atoms(); g++) {
      assertEquals(layout.isCg(g) ? 0 : 1, placedBy[g], "atom " + g);
    }
  }

  @Test
  void decodedStructuresScoreToTheirOwnLogProbabilities() throws CheckpointException {
    for (DecodeOrder order : DecodeOrder.values()) {
      DecodePlan plan = DecodePlan.of(layout, order, 5);
      Decoder decoder = new Decoder(models);
      DecodedSamples d = decoder.decode(layout, plan, 6, Rng.seeded(11));
      assertEquals(6, d.size());
      DecodedSamples again = decoder.score(layout, plan, d.coordinates());
      int checked = 0;
      for (int s = 0; s < d.size(); s++) {
        assertTrue(Double.isFinite(d.logProb()[s]), "finite");
        for (int k = 0; k < plan.steps().size(); k++) {
          if (!org.backmap.md.dataset.ResidueType.UNCONDITIONAL.contains(plan.steps().get(k).type())) {
            assertEquals(d.stepLogProb()[s][k], again.stepLogProb()[s][k], 1e-4, order + " sample " + s + " step " + k);
            assertEquals(d.stepLogDetJacobian()[s][k], again.stepLogDetJacobian()[s][k], 1e-9, order + " sample " + s + " step " + k);
            checked++;
          }
        }
        double sum = 0;
        for (double v : d.residueLogProb(s, layout.residues())) {
          sum += v;
        }
        assertEquals(d.logProb()[s], sum, 1e-9);
        // the CG atoms stay where the CG structure has them
        double[] fresh = layout.newCoordinates();
        for (int g = 0; g < layout.atoms(); g++) {
          if (layout.isCg(g)) {
            assertArrayEquals(new double[] {fresh[3 * g], fresh[3 * g + 1], fresh[3 * g + 2]},
                new double[] {d.coordinates()[s][3 * g], d.coordinates()[s][3 * g + 1], d.coordinates()[s][3 * g + 2]});
          }
        }
      }
      assertEquals(6 * 7, checked, "the seven conditional side chains of six samples");
      assertNotEquals(d.logProb()[0], d.logProb()[1], "independent samples");
      // the same seed decodes the same structures
      DecodedSamples same = decoder.decode(layout, plan, 6, Rng.seeded(11));
      assertArrayEquals(d.coordinates()[3], same.coordinates()[3], 0);
    }
  }

  @Test
  void theDepositedStructureScoresAndMapsBackToItsCg() throws CheckpointException {
    double[] xyz = layout.coordinatesOf(chignolin.structure());
    DecodePlan plan = DecodePlan.of(layout, DecodeOrder.SEQUENCE, 1);
    DecodedSamples d = new Decoder(models).score(layout, plan, new double[][] {xyz});
    assertTrue(Double.isFinite(d.logProb()[0]));
    // the structure rebuilt from the layout maps to the same CG (beads to 1e-9)
    var cg = CgMapper.map(PreparedProtein.of(layout.structure(xyz), org.backmap.md.protein.PreparationOptions.defaults()).topology(), true);
    for (int i = 0; i < layout.residues(); i++) {
      assertArrayEquals(layout.bead(i), cg.residues().get(i).bead(), 1e-9, "residue " + i);
    }
  }

  @Test
  void oneSideChainIsDecodedInTheEnvironmentTrainingWouldGiveIt() throws CheckpointException {
    // TRP9's side chain with every other atom where the deposited structure has it: the environment is the one the
    // training extractor builds with all other residues decoded, so the model's density of each sample there, plus
    // the BAT Jacobian, is the sample's log-probability
    double[] structure = layout.coordinatesOf(chignolin.structure());
    DecodeStep trp = DecodePlan.of(layout, DecodeOrder.SEQUENCE, 1).steps().stream()
        .filter(st -> st.group() == BatGroup.SIDECHAIN && st.type().equals("TRP")).findFirst().orElseThrow();
    DecodedSamples d = new Decoder(models).decodeStep(layout, structure, trp, 6, Rng.seeded(3));
    java.util.Set<Integer> sideChain = new java.util.HashSet<>();
    for (int a = 3; a < trp.atoms().length; a++) {
      sideChain.add(trp.atoms()[a]);
    }
    var extractor = new org.backmap.md.dataset.ExampleExtractor(chignolin.topology());
    int[] others = java.util.stream.IntStream.range(0, layout.residues()).filter(r -> r != trp.residue()).toArray();
    var example = extractor.extract(trp.residue(), BatGroup.SIDECHAIN, others);
    var model = models.get("TRP");
    int dims = trp.z().size();
    for (int s = 0; s < 6; s++) {
      double[] x = d.coordinates()[s];
      for (int g = 0; g < layout.atoms(); g++) {
        if (!sideChain.contains(g)) {
          for (int c = 0; c < 3; c++) {
            assertEquals(structure[3 * g + c], x[3 * g + c], 0.0, "atom " + g + " is not TRP9's side chain and stays");
          }
        }
      }
      double[] group = new double[3 * trp.atoms().length];
      for (int a = 0; a < trp.atoms().length; a++) {
        System.arraycopy(x, 3 * trp.atoms()[a], group, 3 * a, 3);
      }
      double[] bat = new double[dims];
      org.backmap.md.bat.BatConverter.toBat(trp.z(), group, 1, bat);
      double[] batF = new double[dims];
      for (int i = 0; i < dims; i++) {
        batF[i] = (float) bat[i];
      }
      var one = new org.backmap.md.dataset.TrainingExample(example.template(), example.group(), batF, example.bead(), example.roots(),
          example.environment(), example.labels(), example.mask());
      double[] jac = new double[1];
      org.backmap.md.bat.BatConverter.logDetJacobian(trp.z(), batF, 1, jac);
      double expected;
      try (var _ = org.backmap.autodiff.GradMode.noGrad()) {
        expected = model.logProb(org.backmap.md.dataset.ExampleBatch.of(List.of(one))).getFlat(0) + jac[0];
      }
      assertEquals(expected, d.logProb()[s], 1e-3 * Math.max(1, Math.abs(expected)), "sample " + s);
    }
  }

  @Test
  void aMissingModelIsNamed() {
    Path empty = tmp.resolve("no-models");
    DecodePlan plan = DecodePlan.of(layout, DecodeOrder.SEQUENCE, 1);
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> new Decoder(ModelSet.directory(empty)).decode(layout, plan, 1, Rng.seeded(1)));
    assertTrue(e.getMessage().contains("no model for residue type Nterm"), e.getMessage());
  }

  static Path resource(String name) throws URISyntaxException {
    return Path.of(DecoderTest.class.getResource(name).toURI());
  }
}
