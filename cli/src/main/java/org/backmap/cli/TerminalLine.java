package org.backmap.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The one status line of a long command on stderr: rewritten in place with {@code \r}, ended before anything else
 * prints, so that reports and errors always start on a line of their own.
 */
final class TerminalLine {
  private final PrintWriter err;
  private int shownLength;
  private boolean open;

  TerminalLine(PrintWriter err) {
    this.err = err;
  }

  /** Replaces the status line with {@code text}. */
  void show(String text) {
    err.print("\r" + text + " ".repeat(Math.max(0, shownLength - text.length())));
    err.flush();
    shownLength = text.length();
    open = true;
  }

  /** Prints {@code line} on a line of its own where the status line was; the next {@link #show} starts a new one. */
  void above(String line) {
    err.println("\r" + line + " ".repeat(Math.max(0, shownLength - line.length())));
    err.flush();
    shownLength = 0;
    open = false;
  }

  /** Ends the status line, if one is shown. */
  void end() {
    if (open) {
      err.println();
      err.flush();
      open = false;
      shownLength = 0;
    }
  }

  /** A 30-character bar filled to {@code fraction}. */
  static String bar(double fraction) {
    int width = 30, filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
    return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "]";
  }

  /** {@code seconds} as {@code h:mm:ss}, or {@code -} when unknown. */
  static String clock(double seconds) {
    if (!Double.isFinite(seconds)) {
      return "-";
    }
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }
}
