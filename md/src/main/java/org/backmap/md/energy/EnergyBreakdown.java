package org.backmap.md.energy;

import java.util.Arrays;

/** Potential energy per {@link EnergyComponent} (kJ/mol); terms add into it. */
public final class EnergyBreakdown {
  private final double[] values = new double[EnergyComponent.values().length];

  /** Adds {@code energy} to {@code component}. */
  public void add(EnergyComponent component, double energy) {
    values[component.ordinal()] += energy;
  }

  /** The energy of one component. */
  public double get(EnergyComponent component) {
    return values[component.ordinal()];
  }

  /** The sum of all components. */
  public double total() {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }

  /** Resets every component to zero. */
  public void clear() {
    Arrays.fill(values, 0);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (EnergyComponent c : EnergyComponent.values()) {
      sb.append(c.key()).append('=').append(get(c)).append(' ');
    }
    return sb.append("total=").append(total()).toString();
  }
}
