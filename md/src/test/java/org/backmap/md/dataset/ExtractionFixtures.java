package org.backmap.md.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.backmap.md.TestData;
import org.backmap.md.protein.PreparationOptions;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.structure.Chain;
import org.backmap.md.structure.PdbWriter;
import org.backmap.md.structure.Residue;
import org.backmap.md.structure.ResidueKey;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.topology.ChainBreaks;

/** A small folder of prepared, hydrogen-complete structures with the cases extraction must route, plus broken files. */
final class ExtractionFixtures {
  private ExtractionFixtures() {}

  /** Hydrogen-complete structures committed as test resources. */
  static Path energy(String name) {
    try {
      return Path.of(ExtractionFixtures.class.getResource("/energy/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes into {@code dir}: ala3.pdb (NALA ALA CALA), 1UAO.pdb (N-terminal GLY), 1ab1_A.pdb and bpti.pdb
   * (disulfides), npro.pdb (crambin from its proline 5 on: an N-terminal PRO), lyso-hid.pdb (T4 lysozyme with
   * HIS 31 as HID), and, unless {@code broken} is false, garbage.pdb and empty.cif.
   */
  static Path write(Path dir, boolean broken) {
    try {
      Files.createDirectories(dir);
      Files.copy(TestData.corpus("ala_ala_ala.pdb"), dir.resolve("ala3.pdb"));
      for (String name : List.of("1UAO.pdb", "1ab1_A.pdb", "bpti.pdb")) {
        Files.copy(energy(name), dir.resolve(name));
      }
      Structure crambin = StructureReader.read(energy("1ab1_A.pdb"));
      Chain c = crambin.chains().getFirst();
      Structure fromPro = crambin.withChains(List.of(c.withResidues(c.residues().subList(4, c.residues().size()))));
      PdbWriter.write(PreparedProtein.of(fromPro, PreparationOptions.defaults()).structure(), dir.resolve("npro.pdb"));
      Structure lyso = StructureReader.read(energy("lysozyme-implicit.pdb"));
      Chain l = lyso.chains().getFirst();
      Residue his = l.residues().stream().filter(r -> r.name().equals("HIS")).findFirst().orElseThrow();
      PreparationOptions hid = new PreparationOptions(1, true, ChainBreaks.TERMINI, TemplateLibrary.ff14SB(), 7.0,
          Map.of(ResidueKey.of(l.id(), his), "HID"));
      PdbWriter.write(PreparedProtein.of(lyso, hid).structure(), dir.resolve("lyso-hid.pdb"));
      if (broken) {
        Files.writeString(dir.resolve("garbage.pdb"), "this is not a structure\n");
        Files.writeString(dir.resolve("empty.cif"), "");
      }
      Files.writeString(dir.resolve("notes.txt"), "not a structure file: never read\n");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
