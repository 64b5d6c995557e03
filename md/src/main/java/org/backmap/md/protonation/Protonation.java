package org.backmap.md.protonation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backmap.md.structure.ResidueKey;

/**
 * The protonation decisions for one structure: one per titratable residue (HIS, ASP, GLU, LYS, CYS), in chain
 * order. {@link #variants()} is what {@code Topology.build} takes.
 *
 * @param pH the pH decided at
 * @param decisions one per titratable residue, in chain order
 */
public record Protonation(double pH, List<ProtonationDecision> decisions) {

  public Protonation {
    decisions = List.copyOf(decisions);
  }

  /** The chosen variant by residue. */
  public Map<ResidueKey, String> variants() {
    Map<ResidueKey, String> out = new LinkedHashMap<>();
    for (ProtonationDecision d : decisions) {
      out.put(d.key(), d.variant());
    }
    return out;
  }

  /** The decision for {@code key}, or {@code null} when that residue is not titratable or absent. */
  public ProtonationDecision decision(ResidueKey key) {
    for (ProtonationDecision d : decisions) {
      if (d.key().equals(key)) {
        return d;
      }
    }
    return null;
  }

  /** The variant of {@code key} (e.g. {@code A:57}), or {@code null} when that residue is not titratable or absent. */
  public String variant(String key) {
    ProtonationDecision d = decision(ResidueKey.parse(key));
    return d == null ? null : d.variant();
  }

  /** Decisions other than a default standard state: every histidine, each ASH GLH LYN CYM CYX, overrides, fallbacks. */
  public List<ProtonationDecision> changes() {
    return decisions.stream().filter(d -> !d.isDefault()).toList();
  }

  /** {@link #changes()} as lines, e.g. {@code A 57 HIS -> HID (hydrogen bond ND1...O A 12)}. */
  public List<String> lines() {
    return changes().stream().map(ProtonationDecision::line).toList();
  }
}
