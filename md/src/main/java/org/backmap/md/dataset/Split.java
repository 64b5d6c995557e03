package org.backmap.md.dataset;

/** The two parts of a dataset; whole structures go to one or the other. */
public enum Split {
  /** Examples the models are fitted on. */
  TRAIN("train"),
  /** Examples held out to measure the models. */
  VALIDATION("validation");

  private final String folder;

  Split(String folder) {
    this.folder = folder;
  }

  /** The sub-folder of the dataset holding this part's streams, and its name in the manifest. */
  public String folder() {
    return folder;
  }
}
