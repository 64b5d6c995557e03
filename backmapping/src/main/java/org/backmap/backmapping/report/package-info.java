/**
 * The per-residue evaluation of trained models ({@link org.backmap.backmapping.report.ModelReport}): validation
 * NLL, Jensen-Shannon divergences of the side-chain torsions ({@link org.backmap.backmapping.report.ChiAngles},
 * {@link org.backmap.backmapping.report.Divergence}), the Laplace scale of the generated bead's deviation
 * ({@link org.backmap.backmapping.report.SideChainBeads}, {@link org.backmap.backmapping.report.LaplaceFit}), plots
 * and the models manifest ({@link org.backmap.backmapping.report.ModelsManifest}).
 */
package org.backmap.backmapping.report;
