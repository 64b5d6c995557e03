package org.backmap.backmapping.reweight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A synthetic study whose answers are known: weights that cancel the generator's bias give the reference's histogram. */
class ReweightingStudyTest {
  @TempDir Path dir;

  @Test
  void weightsThatRemoveTheBiasReproduceTheReference() throws IOException {
    // reference: chi1 only near -60; generated: half near -60, half near 180, and the weights drop the second half
    int n = 200;
    double[] refChi = new double[n];
    double[] refE2e = new double[n];
    double[] refRmsd = new double[n];
    double[] refU = new double[n];
    double[][] terms = new double[ReweightJob.TERMS.size()][n];
    for (int i = 0; i < n; i++) {
      refChi[i] = -65 + 10.0 * i / n;
      refE2e[i] = 5 + i % 7;
      refRmsd[i] = 1 + i % 3;
      refU[i] = -100 + i % 10;
      terms[0][i] = refU[i];
    }
    ReweightingStudy.Reference md = new ReweightingStudy.Reference(n, List.of("chi1_TYR2"), new double[][] {refChi}, refE2e, refRmsd, refU, terms);
    StringBuilder csv = new StringBuilder("sample,frame,cluster,logP2R,logP2rR,logP1Rr,energy_kJ_per_mol,logW,endToEndCaAngstrom,"
        + "caRmsdToReferenceAngstrom,chi1_TYR2,U_bond\n");
    for (int i = 0; i < n; i++) {
      boolean biased = i % 2 == 1;
      double chi = biased ? 175 + 10.0 * i / n : -65 + 10.0 * i / n;
      double logW = biased ? -1e4 : 0;
      double u = biased ? 1e5 : -100 + i % 10;
      csv.append(String.format(Locale.ROOT, "%d,,,%.3f,%.3f,%.3f,%.3f,%.3f,%.2f,%.2f,%.2f,%.3f%n", i + 1, -1.0, -2.0, 0.5, u, logW, 6.0, 2.0, chi, u));
    }
    Path file = dir.resolve("run.csv");
    Files.writeString(file, csv);
    ReweightingStudy.Run run = ReweightingStudy.analyse("toy", file, md, 300, dir);
    assertEquals(n, run.samples());
    assertEquals(0.5, run.essFraction(), 1e-9, "half the samples carry all the weight, equally");
    assertEquals(0.5, run.belowReferenceMaxEnergy(), 1e-12);
    ReweightingStudy.ChiDivergence chi = run.chis().get(0);
    // half the mass where the reference never is: JS = (3/4) ln(4/3)
    assertEquals(0.75 * Math.log(4.0 / 3), chi.raw(), 0.005);
    assertEquals(0, chi.reweighted(), 1e-3, "the same bins as the reference, up to the split of its values between two bins");
    for (String figure : run.figures()) {
      assertTrue(Files.size(dir.resolve(figure)) > 1000, figure);
    }
    assertEquals(4, run.figures().size());
  }

  @Test
  void csvWithoutTheWeightColumnsIsRefused() throws IOException {
    Path file = dir.resolve("other.csv");
    Files.writeString(file, "a,b\n1,2\n");
    ReweightingStudy.Reference md = new ReweightingStudy.Reference(1, List.of(), new double[0][], new double[] {1}, new double[] {1},
        new double[] {1}, new double[ReweightJob.TERMS.size()][1]);
    IOException e = assertThrows(IOException.class, () -> ReweightingStudy.analyse("x", file, md, 300, dir));
    assertTrue(e.getMessage().contains("logW"), e.getMessage());
    Files.writeString(file, "logW,b\n1\n");
    assertTrue(assertThrows(IOException.class, () -> ReweightingStudy.readCsv(file)).getMessage().contains("row 2"));
  }
}
