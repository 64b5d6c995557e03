/**
 * Protonation states: which ff14SB variant (HID / HIE / HIP, ASH, GLH, LYN, CYM, CYX) each titratable residue
 * takes, decided as OpenMM's {@code Modeller.addHydrogens} decides it, with every decision's reason.
 *
 * <p>Order of the rules: a caller's override; a disulfide (CYX); the variant the file states by its residue name
 * ({@code HID}, {@code HSE}, {@code ASH}, ...); the hydrogens present; else the pH against OpenMM's thresholds
 * ({@link org.backmap.md.protonation.PkaThresholds}), and for a neutral histidine OpenMM's hydrogen-bond rule
 * ({@link org.backmap.md.protonation.HistidineHydrogenBonds}).
 *
 * <pre>{@code
 * Protonation p = Protonator.decide(structure, ProtonationOptions.defaults().withPh(6.0).withVariant("A:57", "HID"));
 * p.changes().forEach(d -> System.out.println(d.line()));   // A 57 HIS -> HID (override)
 * Topology t = Topology.build(structure, TemplateLibrary.ff14SB(), false, p.variants());
 * }</pre>
 */
package org.backmap.md.protonation;
