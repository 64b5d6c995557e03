package org.backmap.md.trajectory;

import java.nio.file.Path;
import java.util.Locale;
import org.backmap.md.energy.EnergyBreakdown;
import org.backmap.md.energy.EnergyComponent;

/**
 * Streams energies as CSV, one row per frame: {@code replica, temperature_K, step, time_ps, kinetic_temperature_K},
 * one column per {@link EnergyComponent} (kJ/mol), then {@code potential} and {@code kinetic} (kJ/mol). The file
 * appears at {@link #finish()}. {@link #continuing} continues an existing table after its first rows.
 */
public final class EnergyCsvWriter extends TextOutput {

  /** Opens {@code file} and writes the header. */
  public EnergyCsvWriter(Path file) {
    super(file);
    write(header() + "\n");
  }

  private EnergyCsvWriter(Path file, long keptBytes) {
    super(file, keptBytes);
  }

  /**
   * Continues {@code file}, a table of this class, after its header and first {@code rows} rows; later rows are
   * dropped. The file itself is replaced only at {@link #finish()}.
   *
   * @throws java.io.UncheckedIOException when the file is no such table or holds fewer rows
   */
  public static EnergyCsvWriter continuing(Path file, long rows) {
    if (!firstLine(file).equals(header())) {
      throw new java.io.UncheckedIOException(file + ": not an energy table of this run", new java.io.IOException(file + ": unexpected header"));
    }
    long bytes = lengthThrough(file, rows + 1, line -> true);
    if (bytes < 0) {
      throw tooShort(file, "rows", rows);
    }
    return new EnergyCsvWriter(file, bytes);
  }

  private static String header() {
    StringBuilder h = new StringBuilder("replica,temperature_K,step,time_ps,kinetic_temperature_K");
    for (EnergyComponent c : EnergyComponent.values()) {
      h.append(',').append(c.key());
    }
    return h.append(",potential,kinetic").toString();
  }

  /** Appends one row. */
  public void append(int replica, double bathTemperature, long step, double timePs, double kineticTemperature,
      EnergyBreakdown potential, double kinetic) {
    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%d,%.3f,%d,%.4f,%.4f", replica, bathTemperature, step, timePs, kineticTemperature));
    for (EnergyComponent c : EnergyComponent.values()) {
      row.append(String.format(Locale.ROOT, ",%.6f", potential.get(c)));
    }
    row.append(String.format(Locale.ROOT, ",%.6f,%.6f%n", potential.total(), kinetic));
    write(row.toString());
  }
}
