package org.backmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backmap.backmapping.decode.CgFrames;
import org.backmap.backmapping.decode.DecodeOrder;
import org.backmap.backmapping.decode.ModelSet;
import org.backmap.backmapping.decode.ScoreJob;
import org.backmap.base.io.OutputFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code backmap score-logp}: the exact log P(r | R) of given all-atom structures under the models. */
@Command(name = "score-logp", mixinStandardHelpOptions = true,
    description = "Score all-atom structures (every model of the file) under the residue models, given their CG structure: "
        + "log P(r|R) as 'backmap decode' reports it, with the same decoding order and seed.")
final class ScoreLogpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "AA_FILE", description = "All-atom PDB/mmCIF file, one model or several (.gz allowed).")
  Path input;

  @Option(names = "--cg", required = true, paramLabel = "CG_FILE",
      description = "The CG structure: one frame for every model, or one frame per model (CG PDB, or an all-atom file mapped to CG).")
  Path cg;

  @Mixin ModelsOption models;

  @Option(names = "--order", paramLabel = "ORDER", defaultValue = "sequence",
      description = "Decoding order the structures were decoded with: sequence or random (default: ${DEFAULT-VALUE}).")
  String order;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "100", description = "Structures scored together (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--json", paramLabel = "REPORT", description = "Write per structure the total and per-residue log-probabilities as JSON.")
  Path json;

  @Mixin PreparationMixin preparation;

  @Mixin RuntimeOptions runtime;

  @Override
  public Integer call() throws IOException {
    new OptionChecks(spec).atLeast("--batch", batch, 1);
    DecodeOrder o;
    try {
      o = DecodeOrder.of(order);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (json != null) {
      OutputFolder.requireWritable(json);
    }
    runtime.apply();
    ModelSet set = models.models();
    ScoreJob.Result result;
    try (CgFrames frames = CgFrames.open(cg, null, preparation.options())) {
      result = ScoreJob.run(frames, input, set, o, runtime.seed, batch);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("# model  CG frame  log P(r|R)   (%s)%n", result.units());
    for (ScoreJob.Scored s : result.structures()) {
      out.printf(Locale.ROOT, "%7d  %8d  %.6f%n", s.model(), s.frame(), s.logProb());
    }
    if (json != null) {
      JsonReport.write(json, result);
      out.printf("report: %s%n", json);
    }
    return 0;
  }
}
