package org.backmap.backmapping.train;

/**
 * One finished epoch, as written to the training log.
 *
 * @param epoch 1-based epoch
 * @param trainNll mean negative log-likelihood of the epoch's training batches (nats per example)
 * @param validationNll mean negative log-likelihood of the validation examples after the epoch
 * @param improved whether this epoch gave the best validation NLL so far (and so the model file)
 * @param examples training examples seen
 * @param examplesPerSecond training examples per second of wall time
 * @param wallSeconds wall time of the epoch, validation included
 */
public record EpochRecord(int epoch, double trainNll, double validationNll, boolean improved, long examples,
    double examplesPerSecond, double wallSeconds) {}
