package org.backmap.md.dataset;

import org.backmap.md.bat.BatGroup;

/**
 * One training example.
 *
 * @param template ff14SB template of the target residue
 * @param group the decoded atom group
 * @param bat the target BAT vector (layout of {@link org.backmap.md.bat.ZMatrix})
 * @param bead target bead position (Angstrom, 3 values); environment coordinates are relative to it
 * @param roots the group's three Z-matrix roots (Angstrom, 9 values, same frame as the bead): with {@code bat}
 *     they give the group's Cartesian atoms ({@link org.backmap.md.bat.BatConverter#toCartesian})
 * @param environment {@link ExampleExtractor#ENVIRONMENT_SIZE} particles x 3 coordinates relative to the bead (Angstrom),
 *     nearest first, zeros for padding
 * @param labels particle classes ({@link ParticleClasses}), 0 for padding
 * @param mask 1 for a real particle within the cutoff, 0 for padding
 */
public record TrainingExample(String template, BatGroup group, double[] bat, double[] bead, double[] roots, float[] environment, byte[] labels, byte[] mask) {
  /** Number of real (unmasked) environment particles. */
  public int particleCount() {
    int n = 0;
    for (byte m : mask) {
      n += m;
    }
    return n;
  }
}
