package org.backmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.backmap.md.protein.PreparationOptions;
import org.backmap.md.protein.Preflight;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backmap check}: a preflight ({@link Preflight}). One file: every problem, repair and note, one per line.
 * Several files or folders: one line per file and a tally of the problems by kind. Exit code: the worst verdict,
 * 0 usable as it is, 1 usable after repair, 2 cannot be used.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check whether structures can be used: list every problem per residue and what repair does.",
        "Exit codes: 0 usable as it is, 1 usable after repair, 2 cannot be used (the worst file decides)."})
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, arity = "1..*", paramLabel = "FILE_OR_DIR",
      description = "PDB or mmCIF files (.gz allowed) or folders of them.")
  List<Path> inputs;

  @Mixin
  PreparationMixin preparation;

  @Option(names = "--energy", description = "Also evaluate the AMBER14SB + GBn2 energy (must be finite).")
  boolean energy;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Threads of the energy evaluation (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    new OptionChecks(spec).atLeast("--threads", threads, 1);
    PreparationOptions options = preparation.options();
    List<Path> files = files(inputs);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Preflight.Result> results = new ArrayList<>();
    TerminalLine progress = new TerminalLine(err);
    Map<String, Integer> kinds = new TreeMap<>();
    int[] byStatus = new int[Preflight.Status.values().length];
    for (Path file : files) {
      Preflight.Result r = Preflight.check(file, options, energy ? threads : 0);
      byStatus[r.status().ordinal()]++;
      r.problems().stream().map(Preflight::kind).distinct().forEach(k -> kinds.merge(k, 1, Integer::sum));
      if (json) {
        results.add(r);
        progress.show(TerminalLine.bar((double) sum(byStatus) / files.size()) + " checked " + sum(byStatus) + "/" + files.size());
      } else if (files.size() == 1) {
        printOne(r, out);
      } else {
        out.printf("%-8s %s%s%n", label(r.status()), r.file().getFileName(), r.problems().isEmpty() ? "" : "  " + r.problems().getFirst());
        out.flush();
      }
    }
    progress.end();
    if (files.size() > 1 && !json) {
      out.printf(Locale.ROOT, "%d files: %d usable as they are, %d after repair, %d unusable (%.1f %% usable)%n", files.size(),
          byStatus[0], byStatus[1], byStatus[2], 100.0 * (byStatus[0] + byStatus[1]) / files.size());
      kinds.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
          .forEach(e -> out.printf("  %5d files: %s%n", e.getValue(), e.getKey()));
    }
    if (json) {
      Object report = files.size() == 1 ? results.getFirst() : Map.of("files", results, "summary", summary(files.size(), byStatus, kinds));
      out.println(new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
          .writerFor(Object.class).writeValueAsString(toJson(report)));
    }
    out.flush();
    return byStatus[2] > 0 ? 2 : byStatus[1] > 0 ? 1 : 0;
  }

  private static int sum(int[] counts) {
    int s = 0;
    for (int c : counts) {
      s += c;
    }
    return s;
  }

  private static void printOne(Preflight.Result r, PrintWriter out) {
    out.printf("%s: %s%n", r.file().getFileName(), switch (r.status()) {
      case AS_IS -> "usable as it is";
      case AFTER_REPAIR -> "usable after repair (" + r.repairs().size() + " changes)";
      case UNUSABLE -> "cannot be used";
    });
    r.problems().forEach(p -> out.println("  problem: " + p));
    r.repairs().forEach(p -> out.println("  repair: " + p));
    r.protonation().forEach(p -> out.println("  protonation: " + p));
    r.notes().forEach(p -> out.println("  note: " + p));
    if (!Double.isNaN(r.energy())) {
      out.printf(Locale.ROOT, "  energy: %.4f kJ/mol%n", r.energy());
    }
  }

  private static String label(Preflight.Status s) {
    return switch (s) {
      case AS_IS -> "ok";
      case AFTER_REPAIR -> "repaired";
      case UNUSABLE -> "UNUSABLE";
    };
  }

  private static Map<String, Object> summary(int files, int[] byStatus, Map<String, Integer> kinds) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("files", files);
    s.put("usableAsIs", byStatus[0]);
    s.put("usableAfterRepair", byStatus[1]);
    s.put("unusable", byStatus[2]);
    s.put("problemKinds", kinds);
    return s;
  }

  /** Records to maps, paths to strings, so JSON shows what a person reads. */
  private static Object toJson(Object o) {
    if (o instanceof Preflight.Result r) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", r.file().toString());
      m.put("status", switch (r.status()) {
        case AS_IS -> "ok";
        case AFTER_REPAIR -> "repair";
        case UNUSABLE -> "unusable";
      });
      m.put("exitCode", r.status().ordinal());
      m.put("atomsAfterCompletion", r.atoms());
      m.put("problems", r.problems());
      m.put("repairs", r.repairs());
      m.put("protonation", r.protonation());
      m.put("notes", r.notes());
      if (!Double.isNaN(r.energy())) {
        m.put("energy_kJ_per_mol", r.energy());
      }
      return m;
    }
    if (o instanceof Map<?, ?> map) {
      Map<Object, Object> m = new LinkedHashMap<>();
      map.forEach((k, v) -> m.put(k, toJson(v)));
      return m;
    }
    if (o instanceof List<?> list) {
      return list.stream().map(CheckCommand::toJson).toList();
    }
    return o;
  }

  /** The files named, folders expanded to their structure files in name order. */
  static List<Path> files(List<Path> inputs) {
    List<Path> out = new ArrayList<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(pdb|ent|cif|mmcif)(\\.gz)?")).sorted().forEach(out::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + p, e);
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }
}
