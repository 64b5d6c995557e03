package org.backmap.backmapping.decode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.backmap.md.cg.CgResidue;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.PdbWriter;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.trajectory.DcdWriter;
import org.backmap.md.trajectory.PdbTrajectoryWriter;
import org.backmap.nn.Rng;

/**
 * Decodes many samples of one CG structure in batches and streams them to a file as they are done: a
 * multi-model PDB ({@code .pdb}) or a DCD trajectory ({@code .dcd}, with the first sample as
 * {@code STEM.topology.pdb} beside it). Memory holds one batch. Outputs appear only when complete.
 */
public final class DecodeJob {

  /**
   * @param samples structures to decode (at least 1)
   * @param batchSize samples decoded together (at least 1)
   * @param order decoding order
   * @param seed seed of the samples and of a random order
   */
  public record Options(int samples, int batchSize, DecodeOrder order, long seed) {
    /** Validates. */
    public Options {
      if (samples < 1 || batchSize < 1 || order == null) {
        throw new IllegalArgumentException("invalid decoding options: " + samples + " samples, batches of " + batchSize + ", order " + order);
      }
    }
  }

  /** Hears of finished samples. */
  @FunctionalInterface
  public interface Progress {
    /** {@code done} of {@code total} samples are decoded and written. */
    void samplesDone(int done, int total);
  }

  /**
   * One decoded structure's log-probability.
   *
   * @param sample 1-based model number in the output
   * @param logProb {@code log P(r | R)}
   * @param residues per residue (the order of the CG structure), the log-probability of its decoded groups
   */
  public record SampleLogProb(int sample, double logProb, double[] residues) {}

  /**
   * What a decoding run did.
   *
   * @param input the CG structure's source
   * @param output the file written
   * @param order decoding order
   * @param seed the seed
   * @param batchSize samples per batch
   * @param residues residue labels (chain:number name) in CG order
   * @param atoms atoms per structure
   * @param modelManifestSha256 SHA-256 of each model's manifest, by type
   * @param units what the log-probabilities are densities of
   * @param seconds wall time
   * @param samples per sample, the log-probabilities
   */
  public record Report(String input, String output, String order, long seed, int batchSize, List<String> residues,
      int atoms, Map<String, String> modelManifestSha256, String units, double seconds, List<SampleLogProb> samples) {}

  /** The units of every log-probability {@link #run} reports. */
  public static final String UNITS = "log density of the decoded atoms' Cartesian coordinates in Angstrom, given the CG structure";

  private DecodeJob() {}

  /**
   * Decodes {@code options.samples()} structures of {@code cg} with {@code models} into {@code output}.
   *
   * @throws org.backmap.nn.checkpoint.CheckpointException naming the type of a missing or bad model
   * @throws IllegalArgumentException when the output's extension is neither .pdb nor .dcd
   */
  public static Report run(CgStructure cg, ModelSet models, Options options, Path output, Progress progress)
      throws IOException {
    String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean dcd = name.endsWith(".dcd");
    if (!dcd && !name.endsWith(".pdb")) {
      throw new IllegalArgumentException("output " + output + ": use .pdb (multi-model PDB) or .dcd");
    }
    long t0 = System.nanoTime();
    ProteinLayout layout = new ProteinLayout(cg, TemplateLibrary.ff14SB());
    DecodePlan plan = DecodePlan.of(layout, options.order(), options.seed());
    for (String type : plan.types()) {
      models.get(type); // a missing model fails before any work
    }
    Decoder decoder = new Decoder(models);
    Rng rng = Rng.seeded(options.seed()).fork("decode");
    List<SampleLogProb> records = new ArrayList<>();
    Structure template = layout.structure(layout.newCoordinates());
    PdbTrajectoryWriter pdb = dcd ? null : new PdbTrajectoryWriter(output, template);
    DcdWriter traj = dcd ? new DcdWriter(output, layout.atoms(), 0, 1, 0.0, "backmap decode " + cg.source()) : null;
    try {
      Structure first = null;
      while (records.size() < options.samples()) {
        int n = Math.min(options.batchSize(), options.samples() - records.size());
        DecodedSamples batch = decoder.decode(layout, plan, n, rng.split());
        for (int s = 0; s < n; s++) {
          double[] nm = new double[3 * layout.atoms()];
          for (int i = 0; i < nm.length; i++) {
            nm[i] = batch.coordinates()[s][i] / 10;
          }
          if (dcd) {
            traj.append(nm);
            if (first == null) {
              first = layout.structure(batch.coordinates()[s]);
            }
          } else {
            pdb.append(nm);
          }
          records.add(new SampleLogProb(records.size() + 1, batch.logProb()[s], batch.residueLogProb(s, layout.residues())));
        }
        progress.samplesDone(records.size(), options.samples());
      }
      if (dcd) {
        PdbWriter.write(first, topologyFile(output));
        traj.finish();
      } else {
        pdb.finish();
      }
    } finally {
      if (dcd) {
        traj.close();
      } else {
        pdb.close();
      }
    }
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < layout.residues(); i++) {
      CgResidue r = cg.residues().get(i);
      labels.add((r.chainId().isEmpty() ? "" : r.chainId() + ":") + r.number() + (r.insertionCode() == ' ' ? "" : String.valueOf(r.insertionCode()))
          + " " + layout.template(i).residueName());
    }
    return new Report(cg.source(), output.toString(), options.order().id(), options.seed(), options.batchSize(), labels,
        layout.atoms(), new TreeMap<>(models.manifestHashes()), UNITS, (System.nanoTime() - t0) / 1e9, records);
  }

  /** The topology PDB written beside a DCD output: {@code STEM.topology.pdb}. */
  public static Path topologyFile(Path dcd) {
    String n = dcd.getFileName().toString();
    return dcd.resolveSibling(n.substring(0, n.length() - 4) + ".topology.pdb");
  }
}
