package org.backmap.backmapping.decode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.trajectory.TrajectoryOutput;
import org.backmap.nn.Rng;
import org.backmap.nn.checkpoint.CheckpointException;

/**
 * Decoding speed of one CG structure at several batch sizes: samples and residues per second, and where the time
 * goes. Each batch size is decoded once to warm up (models loaded, code compiled), then {@code repeats} times, each
 * time {@code batch} samples of the structure decoded together and written to a PDB file as {@code backmap decode}
 * writes them (rounded to the file's precision as they are placed).
 */
public final class DecodeSpeed {
  private DecodeSpeed() {}

  /**
   * Mean seconds per batch of each part: building environments, the attention encoder, drawing BAT vectors from the
   * flows, placing atoms, BAT and Jacobians of the placed atoms, the flows' log-densities, writing the PDB file.
   */
  public record Breakdown(double environment, double encoder, double sample, double place, double bat, double score, double write) {
    /** Sum of the parts. */
    public double total() {
      return environment + encoder + sample + place + bat + score + write;
    }
  }

  /** One batch size: seconds per batch (best and mean of the repeats), throughput from the mean, the breakdown. */
  public record Measurement(int batch, int repeats, double bestSeconds, double meanSeconds, double samplesPerSecond, double residuesPerSecond,
      double secondsPerSample, Breakdown breakdown) {}

  /** All batch sizes of one structure. */
  public record Result(String input, int residues, int atoms, int threads, List<Measurement> measurements) {}

  /**
   * Measures {@code cg} with {@code models} at each of {@code batches}.
   *
   * @param threads the kernel thread count in effect (reported only)
   * @throws CheckpointException naming a type without a model
   */
  public static Result measure(CgStructure cg, ModelSet models, int[] batches, int repeats, int threads, long seed)
      throws IOException, CheckpointException {
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
    }
    ProteinLayout layout = new ProteinLayout(cg, TemplateLibrary.ff14SB());
    DecodePlan plan = DecodePlan.of(layout, DecodeOrder.SEQUENCE, seed);
    Rng rng = Rng.seeded(seed).fork("speed");
    Path scratch = Files.createTempFile("backmap-speed", ".pdb");
    Files.deleteIfExists(scratch);
    List<Measurement> out = new ArrayList<>();
    try {
      for (int b : batches) {
        if (b < 1) {
          throw new IllegalArgumentException("batch sizes must be at least 1, got " + b);
        }
        run(layout, plan, models, b, rng, scratch); // warm-up
        double[] seconds = new double[repeats];
        double env = 0, enc = 0, sample = 0, place = 0, bat = 0, score = 0, write = 0;
        for (int r = 0; r < repeats; r++) {
          Run one = run(layout, plan, models, b, rng, scratch);
          seconds[r] = one.seconds;
          Decoder.Timings t = one.timings;
          env += t.environmentSeconds();
          enc += t.encoderSeconds();
          sample += t.sampleSeconds();
          place += t.placeSeconds();
          bat += t.batSeconds();
          score += t.scoreSeconds();
          write += one.writeSeconds;
        }
        double mean = Arrays.stream(seconds).average().orElseThrow();
        double best = Arrays.stream(seconds).min().orElseThrow();
        out.add(new Measurement(b, repeats, best, mean, b / mean, b * (double) layout.residues() / mean, mean / b,
            new Breakdown(env / repeats, enc / repeats, sample / repeats, place / repeats, bat / repeats, score / repeats, write / repeats)));
      }
    } finally {
      Files.deleteIfExists(scratch);
    }
    return new Result(cg.source(), layout.residues(), layout.atoms(), threads, out);
  }

  private record Run(double seconds, double writeSeconds, Decoder.Timings timings) {}

  private static Run run(ProteinLayout layout, DecodePlan plan, ModelSet models, int batch, Rng rng, Path scratch)
      throws CheckpointException {
    long t0 = System.nanoTime();
    Decoder decoder = new Decoder(models);
    ProteinLayout[] frames = new ProteinLayout[batch];
    Arrays.fill(frames, layout);
    DoubleUnaryOperator rounding = TrajectoryOutput.rounding(scratch);
    DecodedSamples d = decoder.decode(frames, plan, rng.split(), rounding);
    long t1 = System.nanoTime();
    try (TrajectoryOutput out = TrajectoryOutput.open(scratch, layout.structure(d.coordinates()[0]), "speed")) {
      for (double[] xyz : d.coordinates()) {
        out.append(ProteinLayout.nanometres(xyz));
      }
      out.finish();
    }
    long t2 = System.nanoTime();
    return new Run((t2 - t0) / 1e9, (t2 - t1) / 1e9, decoder.timings());
  }
}
