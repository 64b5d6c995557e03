package org.backmap.backmapping.report;

/**
 * Where generated side chains put their bead: per axis, the deviation of the centre of mass of a side chain
 * sampled for a validation environment (rebuilt on that example's roots) from the example's bead, fitted by a
 * zero-centred Laplace law ({@link LaplaceFit}). Equal per-axis scales mean no orientation bias.
 *
 * @param examples side chains compared
 * @param scaleX MLE Laplace scale of the x deviations (Angstrom)
 * @param scaleY of y
 * @param scaleZ of z
 * @param scale of the three axes pooled: the bead's restraint width stored with the model
 * @param meanX mean x deviation (Angstrom; near 0 when the law is centred)
 * @param meanY mean y deviation
 * @param meanZ mean z deviation
 * @param truthScale the pooled scale of the same deviation for the true side chain (the example's own BAT vector
 *     rebuilt on its roots): the floor the representation sets, 0 when every bond to hydrogen of the data is at its
 *     ff14SB length (the BAT vector holds hydrogens at that length) and larger when the structures' hydrogens sit
 *     elsewhere (deposited or minimised hydrogens)
 */
public record BeadDeviation(long examples, double scaleX, double scaleY, double scaleZ, double scale, double meanX,
    double meanY, double meanZ, double truthScale) {}
