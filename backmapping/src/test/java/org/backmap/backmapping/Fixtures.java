package org.backmap.backmapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.backmap.backmapping.model.BatLayout;
import org.backmap.md.dataset.DatasetBuilder;
import org.backmap.md.dataset.DatasetFolder;
import org.backmap.md.dataset.DatasetManifest;
import org.backmap.md.dataset.DatasetWriter;
import org.backmap.md.dataset.ExampleExtractor;
import org.backmap.md.dataset.ExtractionOptions;
import org.backmap.md.dataset.ExtractionProgress;
import org.backmap.md.dataset.ResidueType;
import org.backmap.md.dataset.Split;
import org.backmap.md.dataset.TrainingExample;

/** Small datasets for tests: one extracted from hydrogen-complete structures, and synthetic ones of known law. */
public final class Fixtures {
  private Fixtures() {}

  /**
   * A dataset extracted by {@link DatasetBuilder} from chignolin, BPTI and crambin (hydrogen-complete), every
   * second structure of the seeded order in validation.
   */
  public static Path extracted(Path dir) {
    try {
      Path input = Files.createDirectories(dir.resolve("structures"));
      for (String name : List.of("1UAO.pdb", "bpti.pdb", "1ab1_A.pdb")) {
        Files.copy(Path.of(Fixtures.class.getResource("/structures/" + name).toURI()), input.resolve(name));
      }
      Path out = dir.resolve("dataset");
      DatasetBuilder.build(input, out, ExtractionOptions.defaults().withSplitEvery(2).withSeed(1).withThreads(1),
          ExtractionProgress.NONE);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A dataset of one side-chain type whose template is the type's name, {@code train} and {@code validation}
   * examples drawn by {@code draw} from a seeded generator.
   */
  public static Path synthetic(Path dir, String type, int train, int validation, long seed,
      Function<SplittableRandom, TrainingExample> draw) {
    try {
      Files.createDirectories(dir);
      SplittableRandom random = new SplittableRandom(seed);
      BatLayout layout = BatLayout.of(type);
      List<DatasetManifest.Stream> streams = new ArrayList<>();
      for (Split split : Split.values()) {
        int n = split == Split.TRAIN ? train : validation;
        String file = DatasetFolder.streamPath(split, type);
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        try (DatasetWriter w = new DatasetWriter(path, type, ResidueType.groupOf(type), layout.dims(), 32)) {
          for (int i = 0; i < n; i++) {
            w.write(draw.apply(random));
          }
        }
        streams.add(new DatasetManifest.Stream(type, ResidueType.groupOf(type).name(), split.folder(), file,
            layout.dims(), n, 1, Files.size(path)));
      }
      DatasetManifest m = new DatasetManifest(DatasetManifest.FORMAT, DatasetManifest.VERSION, 2, seed, 2,
          "synthetic", List.of("train.pdb"), List.of("validation.pdb"), ExampleExtractor.ENVIRONMENT_SIZE,
          ExampleExtractor.CUTOFF, 112, 32, streams, List.of());
      Files.writeString(dir.resolve(DatasetManifest.FILE), m.toJson());
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A GLY example of a known law: angles near 1.9 rad, the first torsion von Mises-like around 2.1, the offset
   * of the second around 2.0 (drawn as wrapped normals); the environment is the bead alone.
   */
  public static TrainingExample glycine(SplittableRandom r) {
    double[] bat = {
        1.9 + 0.05 * gaussian(r), 1.88 + 0.05 * gaussian(r), wrap(2.1 + 0.3 * gaussian(r)), wrap(2.0 + 0.1 * gaussian(r))};
    return example("GLY", bat, 1);
  }

  /**
   * A THR example whose BAT vector depends on a random environment of 2 to 20 particles: bonds near 1.43 and
   * 1.53 A, angles near 1.9 rad, torsions spread around the direction of the nearest other particle.
   */
  public static TrainingExample threonine(SplittableRandom r) {
    int particles = 2 + r.nextInt(19);
    TrainingExample shell = example("THR", new double[BatLayout.of("THR").dims()], particles);
    float[] env = shell.environment();
    for (int k = 1; k < particles; k++) {
      for (int c = 0; c < 3; c++) {
        env[3 * k + c] = (float) (6 * (r.nextDouble() - 0.5));
      }
      shell.labels()[k] = (byte) r.nextInt(112);
    }
    double phase = Math.atan2(env[4], env[3]);
    double[] bat = shell.bat();
    BatLayout layout = BatLayout.of("THR");
    for (int d = 0; d < bat.length; d++) {
      if (d < layout.heavyAtoms()) {
        bat[d] = 1.43 + 0.1 * d + 0.02 * gaussian(r);
      } else if (d < layout.torsionOffset()) {
        bat[d] = 1.9 + 0.05 * gaussian(r);
      } else {
        bat[d] = wrap(phase + 0.3 * d + 0.4 * gaussian(r));
      }
    }
    return shell;
  }

  /** An example whose environment holds {@code particles} real particles, the first the bead at the origin. */
  static TrainingExample example(String template, double[] bat, int particles) {
    int n = ExampleExtractor.ENVIRONMENT_SIZE;
    byte[] labels = new byte[n];
    byte[] mask = new byte[n];
    for (int k = 0; k < particles; k++) {
      mask[k] = 1;
    }
    labels[0] = 100;
    // roots C, CA, CB placed about the bead at the origin, so the bead's frame coordinates are defined
    double[] roots = {1.2, 1.9, 0.4, 0.4, 1.1, 0.1, 0.3, -0.4, -0.2};
    return new TrainingExample(template, ResidueType.groupOf(template), bat, new double[3], roots, new float[3 * n], labels,
        mask);
  }

  private static double gaussian(SplittableRandom r) {
    // Box-Muller from the seeded stream (SplittableRandom has no nextGaussian of its own on every JDK)
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  private static double wrap(double x) {
    double y = Math.IEEEremainder(x, 2 * Math.PI);
    return y == -Math.PI ? Math.PI : y;
  }
}
