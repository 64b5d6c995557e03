package org.backmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.backmap.backmapping.train.TrainingDivergedException;
import org.backmap.md.dynamics.SimulationDivergedException;
import org.backmap.md.minimize.MinimizationDivergedException;
import org.backmap.md.simulation.RestartException;
import org.backmap.md.structure.StructureException;
import org.backmap.nn.checkpoint.CheckpointException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The one way a command reports a failure. Usage errors (bad or missing options) never get here: picocli prints
 * them with the usage and exit code {@value #USAGE}. Input and data errors (a file that does not exist or cannot be
 * used, a corrupt checkpoint, a restart checkpoint of another run, dynamics or a minimization that diverged on
 * the data given, training whose loss became NaN) print one line naming the file and the problem and exit with {@value #INPUT}.
 * Anything else is an internal error: one line with a hint to rerun with {@code --verbose}, exit {@value #INTERNAL}.
 * With {@code --verbose} (or {@code BACKMAP_DEBUG} set) the stack trace follows the line.
 */
final class ErrorReport {
  /** Exit code of a usage error (picocli's). */
  static final int USAGE = CommandLine.ExitCode.USAGE;
  /** Exit code of an input or data error. */
  static final int INPUT = 1;
  /** Exit code of an internal error. */
  static final int INTERNAL = 3;

  private ErrorReport() {}

  /** Picocli's execution-exception handler. */
  static int report(Exception e, CommandLine cli, ParseResult parsed) {
    PrintWriter err = cli.getErr();
    boolean input = isInputError(e);
    String prefix = "backmap " + cli.getCommandName() + ": " + (input ? "error: " : "internal error: ");
    String hint = input ? "" : " (rerun with --verbose for details)";
    err.println(prefix + message(e) + hint);
    if (verbose(parsed) || System.getenv("BACKMAP_DEBUG") != null) {
      e.printStackTrace(err);
    }
    err.flush();
    return input ? INPUT : INTERNAL;
  }

  /** Failures caused by what the user gave: files, their content, and runs that cannot go on with them. */
  static boolean isInputError(Throwable e) {
    return e instanceof StructureException || e instanceof CheckpointException || e instanceof IOException
        || e instanceof UncheckedIOException || e instanceof RestartException || e instanceof SimulationDivergedException
        || e instanceof MinimizationDivergedException || e instanceof TrainingDivergedException;
  }

  /** The message and the cause that says what happened (for a missing file: "does not exist"). */
  private static String message(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    Throwable cause = e.getCause();
    String why = cause == null ? null : describe(cause);
    return why == null || message.contains(why) ? message : message + ": " + why;
  }

  /** A file-system failure's reason in words; the exception's own message is only the path. */
  private static String describe(Throwable cause) {
    return switch (cause) {
      case java.nio.file.NoSuchFileException _ -> "does not exist";
      case java.nio.file.AccessDeniedException _ -> "permission denied";
      case java.nio.file.FileSystemException f -> f.getReason() != null ? f.getReason().toLowerCase(java.util.Locale.ROOT) : f.getClass().getSimpleName();
      // the first line only: parsers add their position on lines of their own
      default -> cause.getMessage() == null ? null : cause.getMessage().lines().findFirst().orElse("");
    };
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
