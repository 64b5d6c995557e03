package org.backmap.md.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.backmap.md.structure.Chain;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureReader;
import org.junit.jupiter.api.Test;

/** PDB unless its columns cannot hold the structure. */
class OutputFormatTest {
  @Test
  void longChainIdsNeedMmcif() {
    Structure s = StructureReader.read(PrepareJobTest.FIXTURES.resolve("1bbo.pdb.gz"));
    assertEquals(OutputFormat.PDB, OutputFormat.of(s));
    Chain c = s.chains().get(0);
    assertEquals(OutputFormat.MMCIF, OutputFormat.of(s.withChains(List.of(new Chain("AB", c.residues())))));
    assertEquals("1bbo.cif", OutputFormat.MMCIF.fileName(InputFiles.stem(Path.of("x/1bbo.pdb.gz"))));
  }

  @Test
  void stemsDropStructureAndCompressionEndings() {
    assertEquals("1abc", InputFiles.stem(Path.of("1abc.ent.gz")));
    assertEquals("4m4b", InputFiles.stem(Path.of("d/4m4b.cif.gz")));
    assertEquals("T0922", InputFiles.stem(Path.of("T0922.pdb")));
  }
}
