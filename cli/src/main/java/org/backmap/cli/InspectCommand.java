package org.backmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.backmap.md.structure.Chain;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureException;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.topology.ChainBreak;
import org.backmap.md.topology.ResidueTopology;
import org.backmap.md.topology.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backmap inspect}: chains, residues, protonation states, missing atoms, disulfides and breaks of a structure. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Describe a structure: chains, residues, protonation states, missing atoms, disulfides.")
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, description = "PDB or mmCIF file (.gz allowed).")
  Path input;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Topology t;
    try {
      t = Topology.build(StructureReader.read(input), TemplateLibrary.ff14SB(), true);
    } catch (StructureException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 1;
    }
    Map<String, Object> report = report(t);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
    } else {
      printText(t, out);
    }
    out.flush();
    return 0;
  }

  private static Map<String, Object> report(Topology t) {
    Structure s = t.structure();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("file", s.source());
    List<Map<String, Object>> chains = new ArrayList<>();
    for (Chain c : s.chains()) {
      Map<String, Object> chain = new LinkedHashMap<>();
      chain.put("id", c.id());
      List<Map<String, Object>> residues = new ArrayList<>();
      for (ResidueTopology rt : t.residues()) {
        if (!rt.chainId().equals(c.id())) {
          continue;
        }
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("number", rt.residue().label());
        res.put("name", rt.residue().name());
        res.put("template", rt.template().name());
        res.put("missingHeavyAtoms", rt.missingHeavyAtoms());
        res.put("missingHydrogens", rt.missingHydrogens().size());
        residues.add(res);
      }
      chain.put("residues", residues);
      chains.add(chain);
    }
    r.put("chains", chains);
    Map<String, Integer> states = new TreeMap<>();
    for (ResidueTopology rt : t.residues()) {
      String name = rt.template().residueName();
      if (List.of("HID", "HIE", "HIP", "ASH", "GLH", "LYN", "CYM", "CYX").contains(name)) {
        states.merge(name, 1, Integer::sum);
      }
    }
    r.put("protonationStates", states);
    r.put("disulfides", t.disulfides().stream()
        .map(p -> t.residues().get(p[0]).label() + " - " + t.residues().get(p[1]).label()).toList());
    r.put("chainBreaks", t.chainBreaks().stream().map(ChainBreak::toString).toList());
    r.put("residuesMissingHeavyAtoms", t.residues().stream().filter(x -> !x.heavyAtomsComplete())
        .map(x -> x.label() + " " + x.missingHeavyAtoms()).toList());
    List<String> notes = new ArrayList<>(s.notes());
    notes.addAll(t.notes());
    r.put("notes", notes);
    return r;
  }

  private static void printText(Topology t, PrintWriter out) {
    Structure s = t.structure();
    out.printf("%s: %d chains, %d residues, %d atoms%n", s.source(), s.chains().size(), s.residueCount(), s.atomCount());
    for (Chain c : s.chains()) {
      List<ResidueTopology> rs = t.residues().stream().filter(r -> r.chainId().equals(c.id())).toList();
      out.printf("chain %s: %d residues, %s .. %s%n", c.id(), rs.size(), rs.get(0).residue().label(), rs.get(rs.size() - 1).residue().label());
      StringBuilder line = new StringBuilder("  ");
      for (ResidueTopology r : rs) {
        line.append(r.residue().label()).append(':').append(r.template().name()).append(' ');
        if (line.length() > 100) {
          out.println(line.toString().stripTrailing());
          line = new StringBuilder("  ");
        }
      }
      if (line.length() > 2) {
        out.println(line.toString().stripTrailing());
      }
    }
    Map<String, Object> r = report(t);
    out.println("protonation states: " + r.get("protonationStates"));
    out.println("disulfides: " + r.get("disulfides"));
    out.println("chain breaks: " + r.get("chainBreaks"));
    out.println("residues missing heavy atoms: " + r.get("residuesMissingHeavyAtoms"));
    int missingH = t.residues().stream().mapToInt(x -> x.missingHydrogens().size()).sum();
    out.println("missing hydrogens: " + missingH);
    for (Object note : (List<?>) r.get("notes")) {
      out.println("note: " + note);
    }
  }
}
