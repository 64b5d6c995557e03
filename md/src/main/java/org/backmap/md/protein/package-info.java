/**
 * A protein ready for work: read from a file, templates assigned, missing hydrogens completed, mapped to CG and
 * parameterised with AMBER14SB + GBn2, in a few lines. Commands and training pipelines start from
 * {@link org.backmap.md.protein.PreparedProtein}, so the read &rarr; topology &rarr; hydrogens &rarr; system chain
 * is written once.
 *
 * <pre>{@code
 * PreparedProtein protein = PreparedProtein.read(Path.of("1UAO.pdb"));
 * EnergyEvaluation e = protein.energy(2).evaluate(protein.positionsNm());
 * CgStructure cg = protein.cg();
 * }</pre>
 */
package org.backmap.md.protein;
