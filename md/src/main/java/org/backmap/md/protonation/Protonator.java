package org.backmap.md.protonation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.Chain;
import org.backmap.md.structure.Element;
import org.backmap.md.structure.Residue;
import org.backmap.md.structure.ResidueKey;
import org.backmap.md.structure.Structure;
import org.backmap.md.topology.Disulfides;
import org.backmap.md.topology.Topology;

/**
 * Decides the ff14SB protonation variant of every titratable residue of a structure as read.
 *
 * <p>Rules, first match wins: an override from {@link ProtonationOptions#overrides()}; CYX for a cysteine in a
 * disulfide; the variant stated by the residue name as written ({@code HID}, {@code HSE}, {@code ASH}, ...; a
 * {@code CYX} without a partner is CYM); the hydrogens present (HIS: HD1 / HE2, when either is there; ASH / GLH
 * with HD2 / HE2, LYN with some but not all of HZ1 HZ2 HZ3, CYM without HG, when the residue has any hydrogen); else the pH against
 * {@link PkaThresholds}, a neutral histidine choosing HID or HIE by {@link HistidineHydrogenBonds}. A chain end
 * whose variant has no terminal template (ASH GLH LYN CYM) keeps the standard state.
 */
public final class Protonator {
  private Protonator() {}

  /** Decides at pH 7 without overrides. */
  public static Protonation decide(Structure structure) {
    return decide(structure, ProtonationOptions.defaults());
  }

  /**
   * Decides every titratable residue of {@code structure}.
   *
   * @throws IllegalArgumentException naming the residue when an override names no residue of the structure, or a
   *     variant that does not fit it
   */
  public static Protonation decide(Structure structure, ProtonationOptions options) {
    List<Residue> flat = new ArrayList<>();
    List<String> chainOf = new ArrayList<>();
    List<Boolean> chainEnd = new ArrayList<>();
    for (Chain c : structure.chains()) {
      List<Residue> rs = c.residues();
      for (int i = 0; i < rs.size(); i++) {
        flat.add(rs.get(i));
        chainOf.add(c.id());
        chainEnd.add(i == 0 || i == rs.size() - 1);
      }
    }
    int[] partner = Disulfides.partners(flat);
    Map<Integer, String> overrides = checkedOverrides(structure, options, flat, chainOf, chainEnd, partner);
    List<HistidineHydrogenBonds.Acceptor> acceptors = acceptors(flat, chainOf);
    List<ProtonationDecision> out = new ArrayList<>();
    for (int i = 0; i < flat.size(); i++) {
      Residue r = flat.get(i);
      if (!Variants.isTitratable(r.name())) {
        continue;
      }
      ResidueKey key = ResidueKey.of(chainOf.get(i), r);
      ProtonationDecision d = overrides.containsKey(i)
          ? new ProtonationDecision(key, r.name(), overrides.get(i), Reason.OVERRIDE, "")
          : decideOne(key, r, i, partner[i] >= 0 ? ResidueKey.of(chainOf.get(partner[i]), flat.get(partner[i])) : null,
              options.pH(), acceptors);
      if (chainEnd.get(i) && !Variants.hasTerminalTemplate(d.variant())) {
        String why = d.detail().isEmpty() ? d.reason().label() : d.reason().label() + " " + d.detail();
        d = new ProtonationDecision(key, r.name(), Variants.terminalFallback(d.variant()), Reason.TERMINAL,
            "residue, ff14SB has no terminal " + d.variant() + "; " + why);
      }
      out.add(d);
    }
    return new Protonation(options.pH(), out);
  }

  private static ProtonationDecision decideOne(ResidueKey key, Residue r, int index, ResidueKey disulfidePartner, double pH,
      List<HistidineHydrogenBonds.Acceptor> acceptors) {
    String name = r.name();
    if (disulfidePartner != null) {
      return new ProtonationDecision(key, name, "CYX", Reason.DISULFIDE, "with " + disulfidePartner);
    }
    String stated = Variants.stated(r.nameAsWritten());
    if (stated != null && Variants.of(name).contains(stated)) {
      // CYX names a cysteine without HG; without a bonded partner that is the thiolate, CYM, in ff14SB.
      return stated.equals("CYX")
          ? new ProtonationDecision(key, name, "CYM", Reason.STATED, "as CYX, no disulfide partner")
          : new ProtonationDecision(key, name, stated, Reason.STATED, "as " + r.nameAsWritten());
    }
    ProtonationDecision byHydrogens = byHydrogens(key, r);
    if (byHydrogens != null) {
      return byHydrogens;
    }
    String variant = PkaThresholds.variantAt(name, pH);
    if (variant.equals("HIS")) {
      HistidineHydrogenBonds.Choice c = HistidineHydrogenBonds.choose(r, index, acceptors);
      return new ProtonationDecision(key, name, c.variant(), Reason.HYDROGEN_BOND, c.detail());
    }
    return new ProtonationDecision(key, name, variant, Reason.PH, PkaThresholds.comparison(name, pH));
  }

  /** The variant the hydrogens present state, or null when they state none. */
  private static ProtonationDecision byHydrogens(ResidueKey key, Residue r) {
    boolean anyH = r.atoms().stream().anyMatch(a -> a.element() == Element.H);
    String name = r.name();
    if (name.equals("HIS")) {
      boolean hd1 = r.has("HD1");
      boolean he2 = r.has("HE2");
      if (!hd1 && !he2) {
        return null;
      }
      return new ProtonationDecision(key, name, hd1 && he2 ? "HIP" : hd1 ? "HID" : "HIE", Reason.HYDROGENS,
          hd1 && he2 ? "HD1 and HE2 present" : hd1 ? "HD1 present" : "HE2 present");
    }
    if (!anyH) {
      return null;
    }
    return switch (name) {
      case "ASP" -> hydrogen(key, name, r.has("HD2"), "HD2", "ASH", "ASP");
      case "GLU" -> hydrogen(key, name, r.has("HE2"), "HE2", "GLH", "GLU");
      case "LYS" -> Topology.isNeutralLysine(r)
          ? new ProtonationDecision(key, name, "LYN", Reason.HYDROGENS, "fewer than three HZ")
          : new ProtonationDecision(key, name, "LYS", Reason.HYDROGENS, r.has("HZ1") ? "HZ1 HZ2 HZ3 present" : "no HZ");
      case "CYS" -> r.has("HB2") && !r.has("HG")
          ? new ProtonationDecision(key, name, "CYM", Reason.HYDROGENS, "HG absent")
          : new ProtonationDecision(key, name, "CYS", Reason.HYDROGENS, r.has("HG") ? "HG present" : "HB2 absent");
      default -> null;
    };
  }

  private static ProtonationDecision hydrogen(ResidueKey key, String name, boolean present, String atom, String with, String without) {
    return new ProtonationDecision(key, name, present ? with : without, Reason.HYDROGENS, atom + (present ? " present" : " absent"));
  }

  /** Every N and O in structure order, as OpenMM lists acceptors. */
  private static List<HistidineHydrogenBonds.Acceptor> acceptors(List<Residue> flat, List<String> chainOf) {
    List<HistidineHydrogenBonds.Acceptor> out = new ArrayList<>();
    for (int i = 0; i < flat.size(); i++) {
      for (Atom a : flat.get(i).atoms()) {
        if (a.element() == Element.N || a.element() == Element.O) {
          out.add(new HistidineHydrogenBonds.Acceptor(chainOf.get(i), i, flat.get(i), a));
        }
      }
    }
    return out;
  }

  /** Overrides by residue index, each checked against its residue. */
  private static Map<Integer, String> checkedOverrides(Structure structure, ProtonationOptions options, List<Residue> flat,
      List<String> chainOf, List<Boolean> chainEnd, int[] partner) {
    Map<ResidueKey, List<Integer>> byKey = new HashMap<>();
    for (int i = 0; i < flat.size(); i++) {
      byKey.computeIfAbsent(ResidueKey.of(chainOf.get(i), flat.get(i)), k -> new ArrayList<>()).add(i);
    }
    Map<Integer, String> out = new HashMap<>();
    options.overrides().forEach((key, variant) -> {
      String what = "override " + key + "=" + variant;
      List<Integer> found = byKey.getOrDefault(key, List.of());
      if (found.isEmpty()) {
        throw new IllegalArgumentException(what + ": no residue " + key + " in " + structure.source());
      }
      if (found.size() > 1) {
        throw new IllegalArgumentException(what + ": " + found.size() + " residues are numbered " + key + " in " + structure.source());
      }
      int i = found.get(0);
      String name = flat.get(i).name();
      String misfit = what + " does not fit residue " + key + " " + name + ": ";
      List<String> allowed = Variants.of(name);
      if (allowed.isEmpty()) {
        throw new IllegalArgumentException(misfit + name + " has no protonation variants");
      }
      if (!allowed.contains(variant)) {
        throw new IllegalArgumentException(misfit + "its variants are " + String.join(", ", allowed));
      }
      if (partner[i] >= 0 && !variant.equals("CYX")) {
        throw new IllegalArgumentException(misfit + "its SG is bonded to " + ResidueKey.of(chainOf.get(partner[i]), flat.get(partner[i])) + ", only CYX fits");
      }
      if (partner[i] < 0 && variant.equals("CYX")) {
        throw new IllegalArgumentException(misfit + "its SG has no disulfide partner (the thiolate is CYM)");
      }
      if (chainEnd.get(i) && !Variants.hasTerminalTemplate(variant)) {
        throw new IllegalArgumentException(misfit + "it ends its chain and ff14SB has no terminal " + variant + " template");
      }
      out.put(i, variant);
    });
    return out;
  }
}
