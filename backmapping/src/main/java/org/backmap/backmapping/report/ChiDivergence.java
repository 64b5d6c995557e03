package org.backmap.backmapping.report;

/**
 * How well a model reproduces the marginal of one side-chain torsion ({@link ChiAngles}).
 *
 * @param name {@code chi1} ... {@code chi4}
 * @param atoms the dihedral's atoms, e.g. {@code C-CA-CB-CG}
 * @param jsDivergence Jensen-Shannon divergence (nats) between the histograms of the validation data and of one
 *     model sample per validation environment
 * @param samplingFloor what two samples of those sizes from one law would show on average
 *     ({@link Divergence#samplingFloor})
 */
public record ChiDivergence(String name, String atoms, double jsDivergence, double samplingFloor) {}
