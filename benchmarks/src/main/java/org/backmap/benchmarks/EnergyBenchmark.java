package org.backmap.benchmarks;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.backmap.md.energy.EnergyBreakdown;
import org.backmap.md.energy.ForceFieldEnergy;
import org.backmap.md.energy.Precision;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.system.SystemBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * AMBER14SB + GBn2 energy and forces (no cutoff) of one configuration: chignolin (138 atoms) and T4 lysozyme (2603
 * atoms), on {@code threads} threads, with the pair loops in float64 ({@code DOUBLE}) or float32 ({@code MIXED}).
 * {@code energyOnly} times the energy without forces, and {@code manyEnergies} the energies of 16 configurations
 * through {@link ForceFieldEnergy#energies} (one per thread; the score is per call, so divide by 16). Structures are
 * read from {@code backmap.structures} (default {@code md/src/test/resources/energy}, run from the repository root).
 * {@code openmm_energy_bench.py} times OpenMM's CPU platform on the same files and prints the ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EnergyBenchmark {

  @Param({"1UAO", "lysozyme-implicit"})
  public String structure;

  @Param({"2"})
  public int threads;

  @Param({"DOUBLE", "MIXED"})
  public Precision precision;

  private ForceFieldEnergy energy;
  private double[] x;
  private double[] forces;
  private double[][] configurations;

  @Setup
  public void setUp() {
    Path dir = Path.of(System.getProperty("backmap.structures", "md/src/test/resources/energy"));
    Structure s = StructureReader.read(dir.resolve(structure + ".pdb"));
    energy = ForceFieldEnergy.of(SystemBuilder.build(s), threads, precision);
    x = SystemBuilder.positionsNm(s);
    forces = new double[x.length];
    configurations = new double[16][];
    Random random = new Random(16);
    for (int c = 0; c < configurations.length; c++) {
      configurations[c] = x.clone();
      for (int k = 0; k < x.length; k++) {
        configurations[c][k] += 0.01 * random.nextGaussian();
      }
    }
  }

  @Benchmark
  public EnergyBreakdown energyAndForces() {
    return energy.evaluate(x, forces);
  }

  @Benchmark
  public double energyOnly() {
    return energy.energy(x);
  }

  @Benchmark
  public double[] manyEnergies() {
    return energy.energies(configurations);
  }
}
