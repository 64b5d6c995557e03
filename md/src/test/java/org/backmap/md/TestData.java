package org.backmap.md;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.backmap.md.hydrogens.Completion;
import org.backmap.md.protein.PreparationOptions;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.topology.ChainBreaks;
import org.backmap.md.structure.Chain;
import org.backmap.md.structure.Element;
import org.backmap.md.structure.Residue;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureReader;

/** Test structures from {@code src/test/resources/pdb/corpus}. */
public final class TestData {
  private TestData() {}

  /** Path of a corpus file. */
  public static Path corpus(String name) {
    return corpusDir().resolve(name);
  }

  /** The corpus directory. */
  public static Path corpusDir() {
    try {
      return Path.of(TestData.class.getResource("/pdb/corpus").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** All corpus files, sorted. */
  public static List<Path> corpusFiles() {
    try (Stream<Path> s = Files.list(corpusDir())) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** First model of a corpus file. */
  public static Structure read(String name) {
    return StructureReader.read(corpus(name));
  }

  /** The structure without its hydrogens. */
  public static Structure stripHydrogens(Structure s) {
    List<Chain> chains = new ArrayList<>();
    for (Chain c : s.chains()) {
      chains.add(c.withResidues(c.residues().stream()
          .map(r -> r.withAtoms(r.atoms().stream().filter(a -> a.element() != Element.H).toList())).toList()));
    }
    return s.withChains(chains);
  }

  /** A corpus file read, stripped of hydrogens and completed (all hydrogens at template geometry). */
  public static Completion completed(String name) {
    return PreparedProtein.of(stripHydrogens(read(name)), PreparationOptions.strict().withChainBreaks(ChainBreaks.KEEP)).completion();
  }

  /** Residue by chain index and position. */
  public static Residue residue(Structure s, int chain, int index) {
    return s.chains().get(chain).residues().get(index);
  }
}
