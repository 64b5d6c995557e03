package org.backmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.backmap.backmapping.decode.ModelSet;
import org.backmap.backmapping.evaluation.TestSetEvaluation;
import org.backmap.md.structure.StructureException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backmap evaluate}: decoding scored on prepared structures (bond, clash, diversity, energies), resumable per structure. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Evaluate decoding on prepared all-atom structures (as 'backmap prepare' writes them): map each to CG, decode it, "
        + "score the decoded structures against it (bond, clash and diversity scores, all and heavy atoms), compare their "
        + "AMBER14SB + GBn2 energies with its energy, relax some (CG atoms restrained) and compare again. Finished structures are "
        + "kept and skipped when the command is rerun.")
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, arity = "1..*", paramLabel = "PATH",
      description = "Prepared structures: files, or folders whose .pdb/.cif files (plain or .gz) are taken in name order.")
  List<Path> inputs;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "Output folder: DIR/NAME/{decoded.pdb,decode.json,target.json}, DIR/summary.{json,md}, DIR/clash.png, DIR/energy.png.")
  Path output;

  @Option(names = {"-n", "--samples"}, paramLabel = "N", defaultValue = "100", description = "Structures decoded per input (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--relax-samples", paramLabel = "K", defaultValue = "5",
      description = "Of those, how many are relaxed and compared with the relaxed reference (default: ${DEFAULT-VALUE}; 0: none).")
  int relaxSamples;

  @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "100", description = "Bootstrap resamples of the diversity score (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Mixin ModelsOption models;

  @Mixin RuntimeOptions runtime;

  @Override
  public Integer call() throws IOException {
    OptionChecks checks = new OptionChecks(spec);
    checks.atLeast("--samples", samples, 2);
    checks.atLeast("--relax-samples", relaxSamples, 0);
    checks.atLeast("--bootstrap", bootstrap, 1);
    if (relaxSamples > samples) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--relax-samples (" + relaxSamples + ") exceeds --samples (" + samples + ")");
    }
    List<Path> files = files();
    runtime.apply();
    ModelSet set = models.models();
    PrintWriter err = spec.commandLine().getErr();
    long t0 = System.nanoTime();
    TestSetEvaluation.Summary s = TestSetEvaluation.run(files, set, output,
        new TestSetEvaluation.Options(samples, relaxSamples, runtime.seed, runtime.threads(), bootstrap), (name, done, total, reused, seconds) -> {
          double elapsed = (System.nanoTime() - t0) / 1e9;
          err.printf(Locale.ROOT, "%s %d/%d %s %s (%.1f s)  ETA %s%n", TerminalLine.bar((double) done / total), done, total, name,
              reused ? "kept from an earlier run" : "evaluated", seconds, TerminalLine.clock(elapsed / done * (total - done)));
          err.flush();
        });
    spec.commandLine().getOut().print(TestSetEvaluation.markdown(s).lines().limit(8).reduce("", (a, b) -> a + b + "\n"));
    spec.commandLine().getOut().printf("report: %s, %s, %s, %s%n", output.resolve("summary.md"), output.resolve("summary.json"),
        output.resolve("clash.png"), output.resolve("energy.png"));
    return 0;
  }

  private List<Path> files() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(pdb|cif|mmcif|ent)(\\.gz)?")).sorted().forEach(files::add);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new StructureException(p.toString(), "does not exist");
      }
    }
    if (files.isEmpty()) {
      throw new StructureException(inputs.get(0).toString(), "holds no .pdb or .cif file");
    }
    return files;
  }
}
