package org.backmap.md.protonation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.backmap.md.structure.ResidueKey;

/**
 * What decides protonation beyond the structure: the pH and the caller's per-residue variants.
 *
 * @param pH the pH, finite, within 0..14
 * @param overrides ff14SB variant names by residue (upper case), applied before every other rule
 */
public record ProtonationOptions(double pH, Map<ResidueKey, String> overrides) {
  /** The pH used unless told otherwise, as in OpenMM. */
  public static final double DEFAULT_PH = 7.0;

  public ProtonationOptions {
    checkPh(pH);
    Map<ResidueKey, String> copy = new LinkedHashMap<>();
    if (overrides != null) {
      overrides.forEach((k, v) -> {
        if (k == null || v == null || v.isBlank()) {
          throw new IllegalArgumentException("override " + k + "=" + v + ": needs a residue and a variant name");
        }
        copy.put(k, v.strip().toUpperCase(Locale.ROOT));
      });
    }
    overrides = Collections.unmodifiableMap(copy);
  }

  /** pH 7, no overrides. */
  public static ProtonationOptions defaults() {
    return new ProtonationOptions(DEFAULT_PH, Map.of());
  }

  /** The same options at {@code newPh}. */
  public ProtonationOptions withPh(double newPh) {
    return new ProtonationOptions(newPh, overrides);
  }

  /**
   * The same options with residue {@code residueKey} (e.g. {@code A:57}, {@code A:57A}) set to {@code variant}
   * (e.g. {@code HID}); whether the residue exists and the variant fits is checked when deciding.
   */
  public ProtonationOptions withVariant(String residueKey, String variant) {
    Map<ResidueKey, String> m = new LinkedHashMap<>(overrides);
    m.put(ResidueKey.parse(residueKey), variant);
    return new ProtonationOptions(pH, m);
  }

  /** The same options with every entry of {@code variants} (residue key text to variant name) added. */
  public ProtonationOptions withVariants(Map<String, String> variants) {
    ProtonationOptions out = this;
    for (Map.Entry<String, String> e : variants.entrySet()) {
      out = out.withVariant(e.getKey(), e.getValue());
    }
    return out;
  }

  /**
   * Checks a pH value.
   *
   * @throws IllegalArgumentException unless finite and within 0..14
   */
  public static void checkPh(double pH) {
    if (!(pH >= 0 && pH <= 14)) {
      throw new IllegalArgumentException("pH must be a finite number within 0..14, got " + pH);
    }
  }
}
