package org.backmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.structure.CloseContacts;
import org.backmap.md.structure.StructureException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backmap check}: a preflight. Lists every problem found, per residue, and what repair does about it. Exit 0:
 * the structure goes through as it is; 1: it goes through after repair; 2: it cannot be used (the reason is
 * printed).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check whether a structure can be used: list every problem per residue and what repair does.",
        "Exit codes: 0 usable as it is, 1 usable after repair, 2 cannot be used."})
final class CheckCommand implements Callable<Integer> {
  static final int AS_IS = 0;
  static final int AFTER_REPAIR = 1;
  static final int UNUSABLE = 2;

  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, description = "PDB or mmCIF file (.gz allowed).")
  Path input;

  @Mixin
  PreparationMixin preparation;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    String name = input.getFileName() == null ? input.toString() : input.getFileName().toString();
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("file", input.toString());
    List<String> problems = new ArrayList<>();
    List<String> repairs = List.of();
    List<String> notes = List.of();
    int atoms = 0;
    try {
      PreparedProtein protein = PreparedProtein.read(input, preparation.options());
      repairs = protein.repairs();
      notes = protein.notes();
      atoms = protein.atomCount();
      for (Runnable use : List.<Runnable>of(protein::system, protein::cg)) {
        try {
          use.run();
        } catch (StructureException e) {
          problems.add(e.getMessage());
        }
      }
      for (CloseContacts.Contact c : protein.closeContacts()) {
        problems.add(name + ": " + c + " (energies refuse this unless --allow-close-atoms)");
      }
    } catch (StructureException e) {
      problems.add(e.getMessage());
    }
    int status = !problems.isEmpty() ? UNUSABLE : repairs.isEmpty() ? AS_IS : AFTER_REPAIR;
    String verdict = switch (status) {
      case AS_IS -> "usable as it is";
      case AFTER_REPAIR -> "usable after repair (" + repairs.size() + " changes)";
      default -> "cannot be used";
    };
    report.put("status", status == AS_IS ? "ok" : status == AFTER_REPAIR ? "repair" : "unusable");
    report.put("exitCode", status);
    report.put("atomsAfterCompletion", atoms);
    report.put("problems", problems);
    report.put("repairs", repairs);
    report.put("notes", notes);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
    } else {
      out.printf("%s: %s%n", name, verdict);
      problems.forEach(p -> out.println("  problem: " + p));
      repairs.forEach(r -> out.println("  repair: " + r));
      notes.forEach(n -> out.println("  note: " + n));
    }
    out.flush();
    return status;
  }
}
