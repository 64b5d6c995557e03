package org.backmap.backmapping.reweight;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.backmap.backmapping.decode.DecodedEnergies;
import org.backmap.backmapping.decode.ProteinLayout;
import org.backmap.backmapping.report.Divergence;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.energy.EnergyBreakdown;
import org.backmap.md.geometry.Superposition;
import org.backmap.md.protein.PreparationOptions;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureException;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.trajectory.DcdReader;
import org.backmap.plot.FreeEnergyMap;
import org.backmap.plot.Histogram;
import org.backmap.plot.HistogramChart;
import org.backmap.plot.Png;
import org.backmap.plot.ScatterChart;
import org.jfree.chart.JFreeChart;

/**
 * Compares reweighted generated samples ({@link ReweightJob}'s CSV) with a reference simulation of the same
 * protein: effective sample size, side-chain torsion histograms (Jensen-Shannon divergence to the reference before
 * and after reweighting), potential energies by term (the share of generated structures below the reference's
 * largest energy), the free-energy surface over end-to-end CA distance and CA RMSD to the folded structure, and
 * the diagnostic scatter of {@code -U/kT} against {@code log P2(R) + log P2(r|R) - log P1(R|r)} (points on a line
 * of slope 1 when the weights are constant). Writes PNG figures; the numbers come back as records for JSON.
 */
public final class ReweightingStudy {
  /** Bins of the torsion histograms (10 degrees). */
  public static final int CHI_BINS = 36;
  /** Bins of the energy histograms. */
  public static final int ENERGY_BINS = 50;

  private ReweightingStudy() {}

  /**
   * Observables of the reference simulation's frames.
   *
   * @param frames frames used
   * @param chiNames the side-chain torsions ({@link SideChainTorsions#names()})
   * @param chis degrees, {@code [torsion][frame]}
   * @param endToEnd CA(first)-CA(last) distance per frame (Angstrom)
   * @param rmsd CA RMSD to the folded structure per frame (Angstrom)
   * @param energy potential energy per frame (kJ/mol)
   * @param terms energy per term {@code [term of ReweightJob#TERMS][frame]}
   */
  public record Reference(int frames, List<String> chiNames, double[][] chis, double[] endToEnd, double[] rmsd, double[] energy,
      double[][] terms) {
    /** The largest potential energy of the frames. */
    public double maxEnergy() {
      return Arrays.stream(energy).max().orElse(Double.NaN);
    }
  }

  /**
   * Reads the reference: every {@code stride}-th frame of a DCD after the first {@code skip}, whose atoms are those of
   * the all-atom {@code topology} file in its order.
   *
   * @param folded the folded structure the CA RMSD is measured against
   * @throws StructureException naming the file when the topology's atoms do not fit the DCD or a template
   */
  public static Reference reference(Path dcd, Path topology, int skip, int stride, CgStructure folded, int threads) throws IOException {
    Structure top = StructureReader.read(topology);
    CgStructure cg = PreparedProtein.read(topology, PreparationOptions.defaults().withRepair(false)).cg();
    ProteinLayout layout = new ProteinLayout(cg, TemplateLibrary.ff14SB());
    if (top.atomCount() != layout.atoms()) {
      throw new StructureException(topology.toString(), top.atomCount() + " atoms, its templates have " + layout.atoms());
    }
    SideChainTorsions torsions = new SideChainTorsions(layout);
    int[] ca = caIndices(layout);
    double[] foldedCa = ReweightJob.ca(folded);
    List<double[]> chis = new ArrayList<>();
    List<double[]> obs = new ArrayList<>();
    try (DcdReader in = new DcdReader(dcd)) {
      if (in.atoms() != top.atomCount()) {
        throw new StructureException(dcd.toString(), in.atoms() + " atoms per frame, the topology " + topology + " has " + top.atomCount());
      }
      double[] frame = new double[3 * in.atoms()];
      DecodedEnergies energies = null;
      for (long f = 0; in.hasNext(); f++) {
        in.next(frame);
        if (f < skip || (f - skip) % stride != 0) {
          continue;
        }
        double[] xyz = layout.coordinatesOf(top.withCoordinates(dcd + " frame " + (f + 1), frame));
        if (energies == null) {
          energies = new DecodedEnergies(layout, xyz, threads);
        }
        chis.add(torsions.compute(xyz));
        EnergyBreakdown e = energies.terms(xyz);
        double[] row = new double[3 + ReweightJob.TERMS.size()];
        double[] caXyz = gather(xyz, ca);
        row[0] = ReweightJob.endToEnd(caXyz);
        row[1] = Superposition.rmsd(caXyz, foldedCa);
        row[2] = e.total();
        for (int t = 0; t < ReweightJob.TERMS.size(); t++) {
          row[3 + t] = e.get(ReweightJob.TERMS.get(t));
        }
        obs.add(row);
      }
    }
    if (obs.isEmpty()) {
      throw new StructureException(dcd.toString(), "holds no frame after the first " + skip);
    }
    int n = obs.size();
    double[][] chiCols = new double[torsions.count()][n];
    double[][] cols = new double[3 + ReweightJob.TERMS.size()][n];
    for (int f = 0; f < n; f++) {
      for (int c = 0; c < chiCols.length; c++) {
        chiCols[c][f] = chis.get(f)[c];
      }
      for (int c = 0; c < cols.length; c++) {
        cols[c][f] = obs.get(f)[c];
      }
    }
    return new Reference(n, torsions.names(), chiCols, cols[0], cols[1], cols[2], Arrays.copyOfRange(cols, 3, cols.length));
  }

  /** One torsion's divergence from the reference, raw and reweighted. */
  public record ChiDivergence(String chi, double raw, double reweighted) {}

  /**
   * What one run of generated samples gave.
   *
   * @param name the run's label
   * @param samples samples in the CSV
   * @param kishEss Kish's effective sample size
   * @param essFraction {@code kishEss / samples}
   * @param belowReferenceMaxEnergy share of samples whose energy is below the reference's largest
   * @param chis per torsion, JS divergence to the reference (nats) before and after reweighting
   * @param figures the PNG files written
   */
  public record Run(String name, long samples, double kishEss, double essFraction, double belowReferenceMaxEnergy,
      List<ChiDivergence> chis, List<String> figures) {}

  /** Analyses the CSV of {@link ReweightJob} against {@code md}, writing {@code NAME-*.png} into {@code dir}. */
  public static Run analyse(String name, Path csv, Reference md, double kelvin, Path dir) throws IOException {
    Map<String, double[]> c = readCsv(csv);
    for (String need : List.of("logW", "energy_kJ_per_mol", "endToEndCaAngstrom", "caRmsdToReferenceAngstrom", "logP2R", "logP2rR", "logP1Rr")) {
      if (!c.containsKey(need)) {
        throw new IOException(csv + ": no column " + need + " (not written by backmap reweight?)");
      }
    }
    LogWeights w = LogWeights.of(c.get("logW"));
    double[] p = w.probabilities();
    int n = p.length;
    List<ChiDivergence> divergences = new ArrayList<>();
    List<JFreeChart> chiPanels = new ArrayList<>();
    for (int k = 0; k < md.chiNames().size(); k++) {
      String chi = md.chiNames().get(k);
      double[] x = c.get(chi);
      if (x == null) {
        continue;
      }
      divergences.add(divergence(chi, md.chis()[k], x, p));
      chiPanels.add(chiPanel(divergences.getLast(), md.chis()[k], x, p));
    }
    List<String> figures = new ArrayList<>();
    if (!chiPanels.isEmpty()) {
      figures.add(write(dir, name + "-chis.png", chiPanels, 4, 340, 240));
    }
    // energies by term: the reference's range widened, generated values beyond it left out of the plot
    double maxU = md.maxEnergy();
    double[] u = c.get("energy_kJ_per_mol");
    long below = Arrays.stream(u).filter(v -> v < maxU).count();
    List<JFreeChart> energyPanels = new ArrayList<>();
    energyPanels.add(energyPanel("total", md.energy(), u, p));
    for (int t = 0; t < ReweightJob.TERMS.size(); t++) {
      double[] g = c.get("U_" + ReweightJob.TERMS.get(t).key());
      if (g != null) {
        energyPanels.add(energyPanel(ReweightJob.TERMS.get(t).key(), md.terms()[t], g, p));
      }
    }
    figures.add(write(dir, name + "-energy.png", energyPanels, 4, 340, 240));
    // free-energy surfaces
    double[] e2e = c.get("endToEndCaAngstrom");
    double[] rmsd = c.get("caRmsdToReferenceAngstrom");
    double xMax = Math.ceil(Math.max(max(md.endToEnd()), max(e2e)));
    double yMax = Math.ceil(Math.max(max(md.rmsd()), max(rmsd)));
    List<JFreeChart> fes = List.of(
        FreeEnergyMap.of("reference MD", "end-to-end CA distance (A)", "CA RMSD to folded (A)", 0, xMax, 40, 0, yMax, 40)
            .add(md.endToEnd(), md.rmsd(), null).chart(),
        FreeEnergyMap.of(name + ": CG model", "end-to-end CA distance (A)", "CA RMSD to folded (A)", 0, xMax, 40, 0, yMax, 40)
            .add(e2e, rmsd, null).chart(),
        FreeEnergyMap.of(name + ": reweighted", "end-to-end CA distance (A)", "CA RMSD to folded (A)", 0, xMax, 40, 0, yMax, 40)
            .add(e2e, rmsd, p).chart());
    figures.add(write(dir, name + "-fes.png", fes, 3, 420, 340));
    // the diagnostic: -U/kT against log P2(R) + log P2(r|R) - log P1(R|r); log w is their difference
    double kT = LogWeights.kT(kelvin);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = c.get("logP2R")[i] + c.get("logP2rR")[i] - c.get("logP1Rr")[i];
      y[i] = -u[i] / kT;
    }
    // a few atoms placed on top of others give energies 10^20 kJ/mol and more: the plot keeps the lowest-energy half
    double[] sortedY = y.clone();
    Arrays.sort(sortedY);
    double cut = sortedY[n / 2];
    List<Double> keptX = new ArrayList<>();
    List<Double> keptY = new ArrayList<>();
    List<Double> keptW = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (y[i] >= cut) {
        keptX.add(x[i]);
        keptY.add(y[i]);
        keptW.add(y[i] - x[i]);
      }
    }
    double[] lw = keptW.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    ScatterChart scatter = ScatterChart.of(name + ": -U/kT against the generation log-probability (lowest-energy half)",
        "log P2(R) + log P2(r|R) - log P1(R|r)", "-U/kT").add("samples", keptX.stream().mapToDouble(Double::doubleValue).toArray(),
            keptY.stream().mapToDouble(Double::doubleValue).toArray()).diagonal(lw[lw.length / 2]);
    Path diag = dir.resolve(name + "-diagnostic.png");
    Png.write(diag, scatter.chart(), 640, 480);
    figures.add(diag.getFileName().toString());
    return new Run(name, n, w.kishEss(), w.essFraction(), (double) below / n, divergences, figures);
  }

  /** JS divergence of {@code generated} torsions (degrees) to {@code reference}, unweighted and weighted by {@code p}. */
  static ChiDivergence divergence(String chi, double[] reference, double[] generated, double[] p) {
    double[] ref = fractions(reference, null);
    return new ChiDivergence(chi, Divergence.jensenShannon(fractions(generated, null), ref), Divergence.jensenShannon(fractions(generated, p), ref));
  }

  /** One torsion's histograms: the reference, the generated samples and the same reweighted by {@code p}. */
  static JFreeChart chiPanel(ChiDivergence d, double[] reference, double[] generated, double[] p) {
    HistogramChart h = HistogramChart.of(String.format(Locale.ROOT, "%s  JS %.3f -> %.3f", d.chi(), d.raw(), d.reweighted()), "degrees",
        "density", -180, 180, CHI_BINS);
    h.add("reference MD", counted(reference, null, -180, 180, CHI_BINS));
    h.add("generated", counted(generated, null, -180, 180, CHI_BINS));
    h.add("reweighted", counted(generated, p, -180, 180, CHI_BINS));
    return h.chart();
  }

  private static JFreeChart energyPanel(String term, double[] md, double[] generated, double[] p) {
    double lo = min(md), hi = max(md);
    double pad = Math.max(hi - lo, 1);
    lo -= pad;
    hi += 2 * pad;
    HistogramChart h = HistogramChart.of(term + " (kJ/mol)", "kJ/mol", "density", lo, hi, ENERGY_BINS);
    h.add("reference MD", counted(md, null, lo, hi, ENERGY_BINS));
    h.add("generated", counted(generated, null, lo, hi, ENERGY_BINS));
    h.add("reweighted", counted(generated, p, lo, hi, ENERGY_BINS));
    return h.chart();
  }

  private static String write(Path dir, String file, List<JFreeChart> panels, int columns, int w, int h) {
    Png.write(dir.resolve(file), panels, Math.min(columns, panels.size()), w, h);
    return file;
  }

  /** Bin fractions over [-180, 180] degrees, weighted by {@code p} when given. */
  static double[] fractions(double[] chi, double[] p) {
    double[] f = new double[CHI_BINS];
    double total = 0;
    for (int i = 0; i < chi.length; i++) {
      double w = p == null ? 1 : p[i];
      int b = (int) Math.floor((chi[i] + 180) / 360 * CHI_BINS);
      f[Math.max(0, Math.min(CHI_BINS - 1, b))] += w;
      total += w;
    }
    for (int b = 0; b < CHI_BINS; b++) {
      f[b] /= total;
    }
    return f;
  }

  /** A histogram of the values within [lo, hi] for plotting, weights (when given) as counts per million. */
  private static Histogram counted(double[] values, double[] p, double lo, double hi, int bins) {
    Histogram h = new Histogram(lo, hi, bins);
    for (int i = 0; i < values.length; i++) {
      if (values[i] >= lo && values[i] <= hi) {
        h.add(values[i], p == null ? 1 : Math.round(p[i] * 1e6));
      }
    }
    if (h.total() == 0) {
      h.add(hi, 0);
    }
    return h;
  }

  /** The columns of a CSV with a header row, as numbers (empty fields NaN). */
  static Map<String, double[]> readCsv(Path csv) throws IOException {
    List<String[]> rows = new ArrayList<>();
    String[] header;
    try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String line = in.readLine();
      if (line == null) {
        throw new IOException(csv + " is empty");
      }
      header = line.split(",", -1);
      for (int row = 2; (line = in.readLine()) != null; row++) {
        if (line.isEmpty()) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length != header.length) {
          throw new IOException(csv + ": row " + row + " has " + f.length + " fields, the header " + header.length);
        }
        rows.add(f);
      }
    }
    if (rows.isEmpty()) {
      throw new IOException(csv + " holds no samples");
    }
    Map<String, double[]> out = new HashMap<>();
    for (int col = 0; col < header.length; col++) {
      double[] v = new double[rows.size()];
      for (int r = 0; r < v.length; r++) {
        String s = rows.get(r)[col];
        try {
          v[r] = s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
          throw new IOException(csv + ": row " + (r + 2) + ", column " + header[col] + ": not a number: " + s);
        }
      }
      out.put(header[col], v);
    }
    return out;
  }

  private static int[] caIndices(ProteinLayout layout) {
    int[] ca = new int[layout.residues()];
    for (int i = 0; i < ca.length; i++) {
      ca[i] = layout.firstAtom(i) + layout.template(i).indexOf("CA");
    }
    return ca;
  }

  private static double[] gather(double[] xyz, int[] atoms) {
    double[] out = new double[3 * atoms.length];
    for (int i = 0; i < atoms.length; i++) {
      System.arraycopy(xyz, 3 * atoms[i], out, 3 * i, 3);
    }
    return out;
  }

  private static double max(double[] v) {
    return Arrays.stream(v).filter(Double::isFinite).max().orElse(1);
  }

  private static double min(double[] v) {
    return Arrays.stream(v).filter(Double::isFinite).min().orElse(0);
  }
}
