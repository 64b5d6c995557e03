package org.backmap.backmapping.decode;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.backmap.base.io.AtomicOutput;
import org.backmap.md.cg.CgResidue;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.structure.StructureException;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.trajectory.TrajectoryOutput;
import org.backmap.nn.Rng;

/**
 * Decodes CG frames (one structure or a trajectory) into {@code samples} all-atom structures each, in batches that
 * may span frames, and streams them to a file as they are done: a multi-model PDB ({@code .pdb}), a multi-model
 * mmCIF ({@code .cif}) or a DCD trajectory ({@code .dcd}, with the first structure as {@code STEM.topology.pdb}
 * beside it). The JSON report, when asked for, is streamed too: memory holds one batch and its frames, whatever
 * the trajectory's length. Outputs appear only when complete.
 *
 * <p>Every reported number belongs to a structure as the file holds it: the decoded coordinates are rounded to
 * the format's precision as they are placed ({@link TrajectoryOutput#rounding}, {@link Decoder#decode(ProteinLayout[],
 * DecodePlan, Rng, java.util.function.DoubleUnaryOperator)}), so that
 * {@code backmap score-logp} of the written file gives the reported log-probabilities back, and energies are
 * those of the written coordinates. (Rounding to 0.001 Angstrom moves a log-density by O(1) over a protein: the
 * reweighting that uses these numbers needs them to be the file's.)
 *
 * <p>With {@link Options#relax()}, each decoded structure is also relaxed ({@link DecodedEnergies}) and written to
 * {@link #relaxedFile STEM.relaxed.EXT}; relaxed structures have no log-probability under the models, and the
 * report says so. With {@link Options#energies()} the report gives each structure's AMBER14SB + GBn2 energy.
 */
public final class DecodeJob {

  /**
   * @param samples structures to decode per CG frame (at least 1)
   * @param batchSize structures decoded together (at least 1)
   * @param order decoding order
   * @param seed seed of the samples and of a random order
   * @param energies whether to compute each structure's potential energy
   * @param relax whether to relax each structure as well (implies energies)
   * @param threads threads of energy evaluations (at least 1)
   */
  public record Options(int samples, int batchSize, DecodeOrder order, long seed, boolean energies, boolean relax, int threads) {
    /** Validates. */
    public Options {
      if (samples < 1 || batchSize < 1 || order == null || threads < 1) {
        throw new IllegalArgumentException("invalid decoding options: " + samples + " samples, batches of " + batchSize + ", order " + order
            + ", " + threads + " threads");
      }
    }

    /** Decoding only: no energies, no relaxation, one thread for energies. */
    public Options(int samples, int batchSize, DecodeOrder order, long seed) {
      this(samples, batchSize, order, seed, false, false, 1);
    }
  }

  /** Hears of finished structures. */
  @FunctionalInterface
  public interface Progress {
    /** {@code done} of {@code total} structures are decoded and written ({@code total} as the input declares). */
    void structuresDone(long done, long total);
  }

  /**
   * What a decoding run did.
   *
   * @param input the first frame's source
   * @param output the file written
   * @param relaxedOutput the relaxed structures' file, or null
   * @param frames CG frames decoded
   * @param structures structures written
   * @param residues residues per structure
   * @param atoms atoms per structure
   * @param modelManifestSha256 SHA-256 of each model's manifest, by type
   * @param meanLogProb mean of {@code log P(r | R)} over the structures
   * @param meanEnergy mean potential energy (kJ/mol), NaN unless computed
   * @param meanRelaxedEnergy mean potential energy after relaxation (kJ/mol), NaN unless relaxed
   * @param seconds wall time
   */
  public record Summary(String input, String output, String relaxedOutput, long frames, long structures, int residues, int atoms,
      Map<String, String> modelManifestSha256, double meanLogProb, double meanEnergy, double meanRelaxedEnergy, double seconds) {}

  /** The units of every log-probability this job reports. */
  public static final String UNITS = "log density of the decoded atoms' Cartesian coordinates in Angstrom, given the CG structure";
  /** Value of the report's {@code format} field. */
  public static final String REPORT_FORMAT = "backmap-decode-report";

  private DecodeJob() {}

  /** Decodes one CG structure; see {@link #run(CgFrames, ModelSet, Options, Path, Path, Progress)}. */
  public static Summary run(CgStructure cg, ModelSet models, Options options, Path output, Path report, Progress progress) throws IOException {
    try (CgFrames frames = CgFrames.of(List.of(cg))) {
      return run(frames, models, options, output, report, progress);
    }
  }

  /**
   * Decodes {@code options.samples()} structures of every frame of {@code frames} with {@code models} into
   * {@code output}; writes the JSON report to {@code report} when it is not null.
   *
   * @throws org.backmap.nn.checkpoint.CheckpointException naming the type of a missing or bad model
   * @throws StructureException naming the frame when the input holds no frame or a frame of other residues
   * @throws IllegalArgumentException when the output's extension is not one of .pdb, .cif, .mmcif, .dcd
   */
  public static Summary run(CgFrames frames, ModelSet models, Options options, Path output, Path report, Progress progress)
      throws IOException {
    if (!TrajectoryOutput.supports(output)) {
      throw new IllegalArgumentException(output + ": use .pdb or .cif (multi-model) or .dcd");
    }
    long t0 = System.nanoTime();
    if (!frames.hasNext()) {
      throw new StructureException("input", "holds no CG frame");
    }
    CgStructure firstFrame = frames.next();
    TemplateLibrary library = TemplateLibrary.ff14SB();
    ProteinLayout first = new ProteinLayout(firstFrame, library);
    DecodePlan plan = DecodePlan.of(first, options.order(), options.seed());
    for (String type : plan.types()) {
      models.get(type); // a missing model fails before any work
    }
    Map<String, String> hashes = new TreeMap<>(models.manifestHashes());
    Decoder decoder = new Decoder(models);
    Rng rng = Rng.seeded(options.seed()).fork("decode");
    java.util.function.DoubleUnaryOperator rounding = TrajectoryOutput.rounding(output);
    boolean energies = options.energies() || options.relax();
    long declared = frames.declared() * options.samples();

    Path relaxedPath = options.relax() ? relaxedFile(output) : null;
    TrajectoryOutput out = null;
    TrajectoryOutput relaxedOut = null;
    ReportWriter json = report == null ? null : new ReportWriter(report);
    long written = 0;
    long frameCount = 1;
    double sumLog = 0, sumEnergy = 0, sumRelaxed = 0;
    try {
      if (json != null) {
        json.header(firstFrame.source(), output, relaxedPath, options, labels(first), first.atoms(), hashes);
      }
      DecodedEnergies energy = null;
      ProteinLayout current = first;
      int usedOfCurrent = 0; // samples of the current frame already in batches
      long frameIndex = 0;
      boolean more = true;
      while (more) {
        List<ProteinLayout> batch = new ArrayList<>();
        List<long[]> ids = new ArrayList<>(); // frame index, sample index within the frame
        while (batch.size() < options.batchSize()) {
          if (usedOfCurrent == options.samples()) {
            if (!frames.hasNext()) {
              more = false;
              break;
            }
            CgStructure next = frames.next();
            current = new ProteinLayout(next, library);
            if (!current.sameResidues(first)) {
              throw new StructureException(next.source(), "holds other residues than the first frame " + firstFrame.source());
            }
            frameIndex++;
            frameCount++;
            usedOfCurrent = 0;
          }
          batch.add(current);
          ids.add(new long[] {frameIndex, usedOfCurrent});
          usedOfCurrent++;
        }
        if (batch.isEmpty()) {
          break;
        }
        ProteinLayout[] layouts = batch.toArray(ProteinLayout[]::new);
        // decoded as the file will hold them (rounded to its precision), so the numbers are the file's structures'
        DecodedSamples d = decoder.decode(layouts, plan, rng.split(), rounding);
        if (out == null) {
          double[] x0 = d.coordinates()[0];
          out = TrajectoryOutput.open(output, first.structure(x0), "backmap decode " + firstFrame.source());
          if (options.relax()) {
            relaxedOut = TrajectoryOutput.open(relaxedPath, first.structure(x0), "backmap decode --relax " + firstFrame.source());
          }
          if (energies) {
            energy = new DecodedEnergies(first, x0, options.threads());
          }
        }
        for (int s = 0; s < batch.size(); s++) {
          double[] xyz = d.coordinates()[s];
          out.append(ProteinLayout.nanometres(xyz));
          written++;
          double e = energies ? energy.energy(xyz) : Double.NaN;
          DecodedEnergies.Relaxed relaxed = options.relax() ? energy.relax(xyz) : null;
          if (relaxed != null) {
            relaxedOut.append(ProteinLayout.nanometres(relaxed.xyz()));
            sumRelaxed += relaxed.energyAfter();
          }
          sumLog += d.logProb()[s];
          sumEnergy += e;
          if (json != null) {
            json.sample(written, ids.get(s)[0] + 1, ids.get(s)[1] + 1, d.logProb()[s], d.residueLogProb(s, first.residues()), e, relaxed);
          }
        }
        progress.structuresDone(written, Math.max(declared, written));
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      Summary summary = new Summary(firstFrame.source(), output.toString(), relaxedPath == null ? null : relaxedPath.toString(), frameCount, written,
          first.residues(), first.atoms(), hashes, sumLog / written, energies ? sumEnergy / written : Double.NaN,
          options.relax() ? sumRelaxed / written : Double.NaN, seconds);
      out.finish();
      if (relaxedOut != null) {
        relaxedOut.finish();
      }
      if (json != null) {
        json.finish(summary);
      }
      return summary;
    } finally {
      if (out != null) {
        out.close();
      }
      if (relaxedOut != null) {
        relaxedOut.close();
      }
      if (json != null) {
        json.close();
      }
    }
  }

  /** Residue labels ({@code chain:numberIns NAME}) in CG order. */
  static List<String> labels(ProteinLayout layout) {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < layout.residues(); i++) {
      CgResidue r = layout.cg().residues().get(i);
      labels.add((r.chainId().isEmpty() ? "" : r.chainId() + ":") + r.number() + (r.insertionCode() == ' ' ? "" : String.valueOf(r.insertionCode()))
          + " " + layout.template(i).residueName());
    }
    return labels;
  }

  /** The relaxed structures' file beside {@code output}: {@code STEM.relaxed.EXT}. */
  public static Path relaxedFile(Path output) {
    String n = output.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return output.resolveSibling(n.substring(0, dot) + ".relaxed" + n.substring(dot));
  }

  /** The report, streamed: settings first, then one object per structure, then the summary. */
  private static final class ReportWriter implements AutoCloseable {
    private final AtomicOutput file;
    private final JsonGenerator g;

    ReportWriter(Path path) throws IOException {
      file = new AtomicOutput(path);
      OutputStream stream = Channels.newOutputStream(file.channel());
      g = new JsonFactory().createGenerator(stream, JsonEncoding.UTF8).useDefaultPrettyPrinter();
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    void header(String input, Path output, Path relaxed, Options o, List<String> residues, int atoms, Map<String, String> hashes) throws IOException {
      g.writeStartObject();
      g.writeStringField("format", REPORT_FORMAT);
      g.writeNumberField("formatVersion", 1);
      String version = DecodeJob.class.getPackage().getImplementationVersion();
      g.writeStringField("backmapVersion", version == null ? "development build" : version);
      g.writeStringField("input", input);
      g.writeStringField("output", output.toString());
      if (relaxed != null) {
        g.writeStringField("relaxedOutput", relaxed.toString());
        g.writeStringField("relaxedNote", "relaxed structures (restrained minimisation, CG atoms held) carry no log-probability under the models;"
            + " logProb is that of the decoded structure before relaxation");
      }
      g.writeObjectFieldStart("settings");
      g.writeNumberField("samplesPerFrame", o.samples());
      g.writeNumberField("batchSize", o.batchSize());
      g.writeStringField("order", o.order().id());
      g.writeNumberField("seed", o.seed());
      g.writeBooleanField("energies", o.energies() || o.relax());
      g.writeBooleanField("relax", o.relax());
      g.writeEndObject();
      g.writeStringField("units", UNITS);
      if (o.energies() || o.relax()) {
        g.writeStringField("energyUnits", "kJ/mol, AMBER14SB + GBn2, no cutoff");
      }
      g.writeNumberField("atoms", atoms);
      g.writeArrayFieldStart("residues");
      for (String r : residues) {
        g.writeString(r);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("modelManifestSha256");
      for (var e : hashes.entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("samples");
    }

    void sample(long model, long frame, long sample, double logProb, double[] residues, double energy, DecodedEnergies.Relaxed relaxed)
        throws IOException {
      g.writeStartObject();
      g.writeNumberField("model", model);
      g.writeNumberField("frame", frame);
      g.writeNumberField("sample", sample);
      g.writeNumberField("logProb", logProb);
      if (!Double.isNaN(energy)) {
        g.writeNumberField("energy", energy);
      }
      if (relaxed != null) {
        g.writeNumberField("relaxedEnergy", relaxed.energyAfter());
        g.writeNumberField("relaxIterations", relaxed.iterations());
        g.writeBooleanField("relaxConverged", relaxed.converged());
      }
      g.writeArrayFieldStart("residueLogProb");
      for (double v : residues) {
        g.writeNumber(v);
      }
      g.writeEndArray();
      g.writeEndObject();
    }

    void finish(Summary s) throws IOException {
      g.writeEndArray();
      g.writeObjectFieldStart("summary");
      g.writeNumberField("frames", s.frames());
      g.writeNumberField("structures", s.structures());
      g.writeNumberField("meanLogProb", s.meanLogProb());
      if (!Double.isNaN(s.meanEnergy())) {
        g.writeNumberField("meanEnergy", s.meanEnergy());
      }
      if (!Double.isNaN(s.meanRelaxedEnergy())) {
        g.writeNumberField("meanRelaxedEnergy", s.meanRelaxedEnergy());
      }
      g.writeNumberField("seconds", s.seconds());
      g.writeStringField("finished", String.format(Locale.ROOT, "%tFT%<tT", System.currentTimeMillis()));
      g.writeEndObject();
      g.writeEndObject();
      file.commitAfter(g::flush);
    }

    @Override
    public void close() throws IOException {
      g.close();
      file.close();
    }
  }
}
