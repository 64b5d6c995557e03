package org.backmap.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Range checks of numeric options; a failure is a usage error (exit 2 with the usage). */
final class OptionChecks {
  private final CommandSpec spec;

  OptionChecks(CommandSpec spec) {
    this.spec = spec;
  }

  /** Fails unless {@code value} is finite and greater than zero. */
  OptionChecks positive(String option, double value) {
    return require(Double.isFinite(value) && value > 0, option, value, "a finite number greater than 0");
  }

  /** Fails unless {@code value} is finite and not negative. */
  OptionChecks nonNegative(String option, double value) {
    return require(Double.isFinite(value) && value >= 0, option, value, "a finite number >= 0");
  }

  /** Fails unless {@code value} lies in {@code [min, max]}. */
  OptionChecks between(String option, double value, double min, double max) {
    return require(value >= min && value <= max, option, value, "between " + format(min) + " and " + format(max));
  }

  /** Fails unless {@code value >= min}. */
  OptionChecks atLeast(String option, long value, long min) {
    return require(value >= min, option, value, "at least " + min);
  }

  /** Fails with {@code message} unless {@code condition}. */
  OptionChecks require(boolean condition, String message) {
    if (!condition) {
      throw new ParameterException(spec.commandLine(), message);
    }
    return this;
  }

  private OptionChecks require(boolean condition, String option, Object value, String what) {
    return require(condition, option + " must be " + what + ", got " + (value instanceof Double d ? format(d) : value));
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
