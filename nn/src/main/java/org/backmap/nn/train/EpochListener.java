package org.backmap.nn.train;

/** Called by the {@link Trainer} after every epoch, e.g. to log, plot or adjust a learning rate. */
@FunctionalInterface
public interface EpochListener {

  /** Receives the losses of the epoch that has just finished. */
  void onEpoch(EpochResult result);
}
