package org.backmap.backmapping.model;

import java.util.Locale;

/**
 * Named architectures. {@link #REFERENCE} is the published one; {@link #DEFAULT} is about a hundred times cheaper
 * per batch so that every residue type trains on a few cores.
 */
public enum Preset {
  /**
   * 150 particles; encoder width 10 x side-chain heavy atoms (CB included), two attention blocks and pooling;
   * three spline blocks on every dimension, 20 bins, MADE with one tanh hidden layer of 100.
   */
  REFERENCE,
  /**
   * The 32 nearest particles; encoder width 16, one attention block and pooling; two spline blocks of 8 bins on
   * the torsions only (bonds and angles from the conditional base distribution; the unconditional types keep the
   * splines on every dimension, since their base is fixed).
   */
  DEFAULT;

  /** The lower-case name used on the command line and in files. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The preset called {@code id} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the presets when there is none
   */
  public static Preset of(String id) {
    for (Preset p : values()) {
      if (p.id().equalsIgnoreCase(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown preset '" + id + "': use reference or default");
  }
}
