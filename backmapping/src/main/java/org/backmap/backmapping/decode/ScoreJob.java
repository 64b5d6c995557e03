package org.backmap.backmapping.decode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.structure.StructureException;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.templates.TemplateLibrary;

/**
 * {@code log P(r | R)} of given all-atom structures under the models, with the plan decoding would use (same
 * order and seed): what {@link DecodeJob} reports for the structures it decodes, recomputed from the files.
 * Every model of the all-atom file is scored against its CG frame: with F CG frames and M = k F models (k an
 * integer), models {@code (f-1) k + 1 .. f k} belong to frame f, the order {@link DecodeJob} writes k samples
 * of each frame in; one CG frame serves every model.
 */
public final class ScoreJob {

  /**
   * One structure's log-probability.
   *
   * @param model 1-based model of the all-atom file
   * @param frame 1-based CG frame it was scored against
   * @param logProb {@code log P(r | R)}
   * @param residues per residue (CG order), the log-probability of its decoded groups
   */
  public record Scored(int model, long frame, double logProb, double[] residues) {}

  /**
   * The scores of one file.
   *
   * @param input the all-atom file
   * @param cg the first CG frame's source
   * @param order decoding order
   * @param seed seed of a random order
   * @param residues residue labels in CG order
   * @param modelManifestSha256 SHA-256 of each model's manifest, by type
   * @param units what the numbers are
   * @param structures per structure, its log-probability
   */
  public record Result(String input, String cg, String order, long seed, List<String> residues, Map<String, String> modelManifestSha256,
      String units, List<Scored> structures) {}

  private ScoreJob() {}

  /**
   * Scores every model of {@code allAtom} against {@code cgFrames}, {@code batch} structures per model call.
   *
   * @throws StructureException naming the file, residue and atom when a structure does not fit the CG protein, or
   *     the frame counts do not pair
   * @throws org.backmap.nn.checkpoint.CheckpointException naming the type of a missing model
   */
  public static Result run(CgFrames cgFrames, Path allAtom, ModelSet models, DecodeOrder order, long seed, int batch) throws IOException {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1, got " + batch);
    }
    String name = allAtom.getFileName().toString();
    if (!cgFrames.hasNext()) {
      throw new StructureException("CG input", "holds no CG frame");
    }
    TemplateLibrary library = TemplateLibrary.ff14SB();
    CgStructure firstCg = cgFrames.next();
    ProteinLayout first = new ProteinLayout(firstCg, library);
    DecodePlan plan = DecodePlan.of(first, order, seed);
    for (String type : plan.types()) {
      models.get(type);
    }
    Decoder decoder = new Decoder(models);
    int count = StructureReader.modelCount(allAtom);
    long cgCount = cgFrames.declared();
    if (cgCount < 1 || count % cgCount != 0) {
      throw new StructureException(name, "has " + count + " models, which cannot be shared out among the " + cgCount
          + " frames of the CG input " + firstCg.source() + " (give one frame, or the same number of models for each frame)");
    }
    long perFrame = count / cgCount;
    List<Scored> out = new ArrayList<>();
    List<ProteinLayout> frames = new ArrayList<>();
    List<double[]> coordinates = new ArrayList<>();
    List<long[]> ids = new ArrayList<>();
    ProteinLayout current = first;
    long frame = 1;
    try (var structures = StructureReader.models(allAtom)) {
      for (int m = 0; m < count; m++) {
        if (m / perFrame + 1 > frame) {
          if (!cgFrames.hasNext()) {
            throw new StructureException(firstCg.source(), "holds fewer frames than it declared (" + cgCount + ")");
          }
          CgStructure next = cgFrames.next();
          current = new ProteinLayout(next, library);
          frame++;
          if (!current.sameResidues(first)) {
            throw new StructureException(next.source(), "holds other residues than the first CG frame " + firstCg.source());
          }
        }
        frames.add(current);
        coordinates.add(current.coordinatesOf(structures.next()));
        ids.add(new long[] {m + 1, frame});
        if (frames.size() == batch || m + 1 == count) {
          DecodedSamples d = decoder.score(frames.toArray(ProteinLayout[]::new), plan, coordinates.toArray(double[][]::new));
          for (int s = 0; s < d.size(); s++) {
            out.add(new Scored((int) ids.get(s)[0], ids.get(s)[1], d.logProb()[s], d.residueLogProb(s, first.residues())));
          }
          frames.clear();
          coordinates.clear();
          ids.clear();
        }
      }
    }
    if (cgFrames.hasNext()) {
      throw new StructureException(name, "has " + count + " models but the CG input has more frames than it declared");
    }
    return new Result(name, firstCg.source(), order.id(), seed, DecodeJob.labels(first), new TreeMap<>(models.manifestHashes()), DecodeJob.UNITS, out);
  }
}
