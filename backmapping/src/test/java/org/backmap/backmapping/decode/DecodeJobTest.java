package org.backmap.backmapping.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backmap.md.cg.CgResidue;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.protein.PreparationOptions;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureException;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.trajectory.DcdReader;
import org.backmap.md.trajectory.DcdWriter;
import org.backmap.md.trajectory.TrajectoryOutput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoding trajectories into files: frames, batches across frames, formats, the streamed report, rescoring. */
class DecodeJobTest {
  @TempDir static Path tmp;
  static CgStructure cg;
  static ModelSet models;
  /** Three CG frames of chignolin: as deposited, shifted by 5 A along x, and with every particle moved a little. */
  static List<CgStructure> frames;

  @BeforeAll
  static void setUp() throws Exception {
    cg = PreparedProtein.read(DecoderTest.resource("/structures/1UAO.pdb")).cg();
    models = RandomModels.write(tmp.resolve("models"), new ProteinLayout(cg, TemplateLibrary.ff14SB()));
    double[] p = cg.particles();
    double[] shifted = p.clone();
    double[] jiggled = p.clone();
    java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
    for (int i = 0; i < p.length; i++) {
      shifted[i] += i % 3 == 0 ? 5 : 0;
      jiggled[i] += rng.nextDouble(-0.2, 0.2);
    }
    frames = List.of(cg, cg.withParticles("shifted", shifted), cg.withParticles("jiggled", jiggled));
  }

  @Test
  void framesOfAMultiModelFileDecodeInBatchesAcrossFramesAndRescoreFromTheFile() throws Exception {
    Path input = multiModel(tmp.resolve("frames.pdb"), frames);
    Path out = tmp.resolve("decoded.pdb");
    Path report = tmp.resolve("decoded.json");
    List<long[]> progress = new ArrayList<>();
    DecodeJob.Summary s;
    try (CgFrames f = CgFrames.open(input, null, PreparationOptions.defaults())) {
      assertEquals(3, f.declared());
      s = DecodeJob.run(f, models, new DecodeJob.Options(2, 4, DecodeOrder.RANDOM, 7), out, report,
          (done, total) -> progress.add(new long[] {done, total}));
    }
    assertEquals(3, s.frames());
    assertEquals(6, s.structures());
    assertEquals(List.of(4L, 6L), progress.stream().map(x -> x[0]).toList(), "a batch of 4 spans frames 1 and 2");
    assertEquals(6, progress.getLast()[1]);
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertEquals(DecodeJob.REPORT_FORMAT, json.get("format").asText());
    assertEquals(6, json.get("samples").size());
    List<Integer> frameOf = new ArrayList<>();
    json.get("samples").forEach(n -> frameOf.add(n.get("frame").asInt()));
    assertEquals(List.of(1, 1, 2, 2, 3, 3), frameOf);
    assertEquals(6, StructureReader.modelCount(out));
    for (int m = 0; m < 6; m++) {
      // the CG atoms of each structure are those of its own frame
      assertArrayEquals(cgAtoms(frames.get(m / 2)), cgAtoms(StructureReader.read(out, m)), 1.1e-3, "model " + (m + 1));
    }
    // score-logp of the written file gives back the reported numbers
    ScoreJob.Result r;
    try (CgFrames f = CgFrames.open(input, null, PreparationOptions.defaults())) {
      r = ScoreJob.run(f, out, models, DecodeOrder.RANDOM, 7, 4);
    }
    for (int m = 0; m < 6; m++) {
      JsonNode sample = json.get("samples").get(m);
      assertEquals(m / 2 + 1, r.structures().get(m).frame());
      assertEquals(sample.get("logProb").asDouble(), r.structures().get(m).logProb(), 1e-4, "model " + (m + 1));
      double sum = 0;
      for (JsonNode v : sample.get("residueLogProb")) {
        sum += v.asDouble();
      }
      assertEquals(sample.get("logProb").asDouble(), sum, 1e-6);
    }
    // scored against the wrong frame, the numbers differ
    ScoreJob.Result wrong;
    try (CgFrames f = CgFrames.of(List.of(frames.get(2)))) {
      wrong = ScoreJob.run(f, out, models, DecodeOrder.RANDOM, 7, 4);
    }
    assertFalse(Math.abs(wrong.structures().get(0).logProb() - r.structures().get(0).logProb()) < 1e-3);
  }

  @Test
  void aCgDcdWithItsTopologyDecodesToMmcifAndDcd() throws Exception {
    Path top = tmp.resolve("top.pdb");
    cg.writePdb(top);
    Path dcd = tmp.resolve("frames.dcd");
    try (DcdWriter w = new DcdWriter(dcd, cg.particleCount(), 0, 1, 0.002, "test")) {
      for (CgStructure f : frames) {
        double[] p = f.particles();
        for (int i = 0; i < p.length; i++) {
          p[i] /= 10;
        }
        w.append(p);
      }
      w.finish();
    }
    for (String name : List.of("out.cif", "out.dcd")) {
      Path out = tmp.resolve(name);
      DecodeJob.Summary s;
      try (CgFrames f = CgFrames.open(dcd, top, PreparationOptions.defaults())) {
        s = DecodeJob.run(f, models, new DecodeJob.Options(1, 2, DecodeOrder.SEQUENCE, 3), out, null, (d, t) -> {});
      }
      assertEquals(3, s.structures());
      if (name.endsWith(".cif")) {
        assertEquals(3, StructureReader.modelCount(out));
        assertArrayEquals(cgAtoms(frames.get(1)), cgAtoms(StructureReader.read(out, 1)), 1e-3);
      } else {
        try (DcdReader r = new DcdReader(out)) {
          assertEquals(3, r.frames());
          assertEquals(s.atoms(), r.atoms());
        }
        assertTrue(Files.exists(TrajectoryOutput.topologyFile(out)));
      }
    }
    // a DCD that does not fit its topology, and one without frames, are named
    Path other = tmp.resolve("other.dcd");
    try (DcdWriter w = new DcdWriter(other, 5, 0, 1, 0.002, "test")) {
      w.append(new double[15]);
      w.finish();
    }
    StructureException e = assertThrows(StructureException.class, () -> CgFrames.open(other, top, PreparationOptions.defaults()));
    assertTrue(e.getMessage().contains("other.dcd") && e.getMessage().contains("5 atoms"), e.getMessage());
    Path empty = tmp.resolve("empty.dcd");
    new DcdWriter(empty, cg.particleCount(), 0, 1, 0.002, "test").finish();
    e = assertThrows(StructureException.class, () -> CgFrames.open(empty, top, PreparationOptions.defaults()));
    assertTrue(e.getMessage().contains("no frames"), e.getMessage());
  }

  @Test
  void relaxationLowersTheEnergyAndKeepsTheCgAtoms() throws Exception {
    Path out = tmp.resolve("relax.pdb");
    Path report = tmp.resolve("relax.json");
    DecodeJob.Summary s = DecodeJob.run(cg, models, new DecodeJob.Options(1, 1, DecodeOrder.SEQUENCE, 2, true, true, 2), out, report, (d, t) -> {});
    Path relaxed = DecodeJob.relaxedFile(out);
    assertEquals(tmp.resolve("relax.relaxed.pdb"), relaxed);
    JsonNode sample = new ObjectMapper().readTree(report.toFile()).get("samples").get(0);
    assertTrue(sample.get("relaxedEnergy").asDouble() < sample.get("energy").asDouble(), sample.toString());
    assertTrue(s.meanRelaxedEnergy() < s.meanEnergy());
    // the CG atoms are held (200,000 kJ/mol/nm^2, against the clashes of untrained models): they move far less
    // than the atoms decoding placed
    double[] before = cgAtoms(StructureReader.read(out));
    double[] after = cgAtoms(StructureReader.read(relaxed));
    double cgMoved = rms(before, after);
    double allMoved = rms(coordinates(StructureReader.read(out)), coordinates(StructureReader.read(relaxed)));
    assertTrue(cgMoved < 0.05 && cgMoved < allMoved / 5, "CG atoms moved " + cgMoved + " A (RMS), all atoms " + allMoved + " A");
    assertTrue(Files.readString(report, StandardCharsets.UTF_8).contains("carry no log-probability"));
  }

  @Test
  void aFrameOfAnotherProteinIsNamedAndNothingIsWritten() throws Exception {
    CgStructure shorter = new CgStructure("shorter", cg.residues().subList(0, 9));
    Path out = tmp.resolve("mixed.pdb");
    try (CgFrames f = CgFrames.of(List.of(cg, shorter))) {
      StructureException e = assertThrows(StructureException.class,
          () -> DecodeJob.run(f, models, new DecodeJob.Options(1, 1, DecodeOrder.SEQUENCE, 1), out, null, (d, t) -> {}));
      assertTrue(e.getMessage().contains("shorter"), e.getMessage());
    }
    assertFalse(Files.exists(out));
  }

  static double rms(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(sum / (a.length / 3));
  }

  static double[] coordinates(Structure s) {
    return s.chains().stream().flatMap(c -> c.residues().stream()).flatMap(r -> r.atoms().stream())
        .flatMapToDouble(a -> java.util.stream.DoubleStream.of(a.x(), a.y(), a.z())).toArray();
  }

  /** The CG atoms (N CA C O H CB OXT, no beads) of a CG or all-atom structure, in order. */
  static double[] cgAtoms(Object s) {
    List<Double> out = new ArrayList<>();
    if (s instanceof CgStructure c) {
      for (CgResidue r : c.residues()) {
        r.atoms().forEach(a -> {
          out.add(a.x());
          out.add(a.y());
          out.add(a.z());
        });
      }
    } else {
      Structure st = (Structure) s;
      var lib = TemplateLibrary.ff14SB();
      for (var chain : st.chains()) {
        for (var r : chain.residues()) {
          // template order, as CG residues list them
          List<String> names = new ArrayList<>();
          for (CgResidue c : cg.residues()) {
            if (c.number() == r.number()) {
              c.atoms().forEach(a -> names.add(a.name()));
            }
          }
          for (String n : names) {
            var a = r.atom(n);
            out.add(a.x());
            out.add(a.y());
            out.add(a.z());
          }
        }
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static Path multiModel(Path file, List<CgStructure> models) throws Exception {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < models.size(); k++) {
      Path f = tmp.resolve("model" + k + ".pdb");
      models.get(k).writePdb(f);
      b.append(String.format("MODEL     %4d%n", k + 1));
      for (String l : Files.readAllLines(f)) {
        if (l.startsWith("ATOM") || l.startsWith("TER")) {
          b.append(l).append('\n');
        }
      }
      b.append("ENDMDL\n");
    }
    Files.writeString(file, b.append("END\n").toString());
    return file;
  }
}
