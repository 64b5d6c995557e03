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
 */
public record BeadDeviation(long examples, double scaleX, double scaleY, double scaleZ, double scale, double meanX,
    double meanY, double meanZ) {}
