package org.backmap.backmapping.report;

/** Hears how a {@link ModelReport} run goes (for progress lines and tests); every method defaults to nothing. */
public interface ReportProgress {

  /** A listener that ignores everything. */
  ReportProgress NONE = new ReportProgress() {};

  /** {@code type} is not evaluated, for {@code reason}. */
  default void skipped(String type, String reason) {}

  /** Evaluation of {@code type} (the {@code index}-th, 1-based, of {@code types}) starts on {@code examples} examples. */
  default void typeStarted(String type, int index, int types, long examples) {}

  /** {@code done} of the type's {@code total} validation examples are evaluated. */
  default void examplesDone(String type, long done, long total) {}

  /** Sampling in the chosen environments of {@code type} starts. */
  default void environmentsStarted(String type, int environments, int samples) {}

  /** {@code type} is evaluated. */
  default void typeDone(TypeEvaluation result) {}
}
