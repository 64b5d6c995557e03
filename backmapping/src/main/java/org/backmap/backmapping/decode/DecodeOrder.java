package org.backmap.backmapping.decode;

import java.util.Locale;

/** The order in which the conditional side chains are decoded (the unconditional groups always come first). */
public enum DecodeOrder {
  /** From the N- to the C-terminus, chain by chain, as the residues appear. */
  SEQUENCE,
  /** A uniformly random permutation drawn from the run's seed. */
  RANDOM;

  /** The lower-case name used on the command line and in reports. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The order called {@code id} (case-insensitive). */
  public static DecodeOrder of(String id) {
    for (DecodeOrder o : values()) {
      if (o.id().equalsIgnoreCase(id)) {
        return o;
      }
    }
    throw new IllegalArgumentException("unknown decoding order '" + id + "': use sequence or random");
  }
}
