package org.backmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backmap.backmapping.decode.DecodeJob;
import org.backmap.backmapping.decode.DecodeOrder;
import org.backmap.backmapping.decode.ModelSet;
import org.backmap.base.io.OutputFolder;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.templates.TemplateLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code backmap decode}: all-atom structures, with their exact log-probabilities, from a CG structure. */
@Command(name = "decode", mixinStandardHelpOptions = true,
    description = "Decode a CG structure (as 'backmap cg' writes it, or an all-atom structure, mapped to CG first) "
        + "into all-atom structures with hydrogens, each with its exact log-probability under the residue models.")
final class DecodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE",
      description = "CG PDB file, or an all-atom PDB/mmCIF file (.gz allowed).")
  Path input;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
      description = "Decoded structures: OUT.pdb (multi-model) or OUT.dcd (with OUT.topology.pdb).")
  Path output;

  @Option(names = {"-n", "--samples"}, paramLabel = "N", defaultValue = "100",
      description = "Structures to decode (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "100",
      description = "Structures decoded together; memory grows with it (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--models", required = true, paramLabel = "DIR", description = "Models folder (DIR/TYPE/model.json).")
  Path models;

  @Option(names = "--order", paramLabel = "ORDER", defaultValue = "sequence",
      description = "Side-chain decoding order: sequence or random (default: ${DEFAULT-VALUE}).")
  String order;

  @Option(names = "--json", paramLabel = "REPORT", description = "Write the per-sample log-probabilities and the run's settings as JSON.")
  Path json;

  @Mixin PreparationMixin preparation;

  @Mixin RuntimeOptions runtime;

  @Override
  public Integer call() throws IOException {
    OptionChecks checks = new OptionChecks(spec);
    checks.atLeast("--samples", samples, 1);
    checks.atLeast("--batch", batch, 1);
    DecodeOrder o;
    try {
      o = DecodeOrder.of(order);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    String ext = output.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!ext.endsWith(".pdb") && !ext.endsWith(".dcd")) {
      throw new ParameterException(spec.commandLine(), "--output must end in .pdb or .dcd, got " + output);
    }
    OutputFolder.requireWritable(output);
    if (json != null) {
      OutputFolder.requireWritable(json);
    }
    runtime.apply();
    PrintWriter err = spec.commandLine().getErr();
    CgStructure cg = isCg(input) ? CgStructure.read(input, TemplateLibrary.ff14SB())
        : ProteinInput.read(input, preparation, false, err).cg();
    TerminalLine line = new TerminalLine(err);
    long t0 = System.nanoTime();
    DecodeJob.Report report;
    try {
      report = DecodeJob.run(cg, ModelSet.directory(models), new DecodeJob.Options(samples, batch, o, runtime.seed), output,
          (done, total) -> {
            double s = (System.nanoTime() - t0) / 1e9;
            line.show(String.format(Locale.ROOT, "%s %d/%d structures  %.2f s each  ETA %s", TerminalLine.bar((double) done / total),
                done, total, s / done, TerminalLine.clock(s / done * (total - done))));
          });
    } finally {
      line.end();
    }
    if (json != null) {
      JsonReport.write(json, report);
    }
    double mean = report.samples().stream().mapToDouble(DecodeJob.SampleLogProb::logProb).average().orElse(Double.NaN);
    spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d residues, %d atoms; %d structures written to %s in %.1f s; "
        + "mean log P(r|R) %.2f%s%n", input.getFileName(), cg.residues().size(), report.atoms(), report.samples().size(), output,
        report.seconds(), mean, json != null ? "; report " + json : "");
    return 0;
  }

  /** Whether {@code file} is a CG PDB file: it has bead atoms ({@value CgStructure#BEAD_NAME}). */
  static boolean isCg(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz") || name.contains(".cif") || !Files.isRegularFile(file)) {
      return false;
    }
    for (String l : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
      if ((l.startsWith("ATOM") || l.startsWith("HETATM")) && l.length() >= 16 && l.substring(12, 16).trim().equals(CgStructure.BEAD_NAME)) {
        return true;
      }
    }
    return false;
  }
}
