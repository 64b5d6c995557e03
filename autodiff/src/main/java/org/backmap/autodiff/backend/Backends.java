package org.backmap.autodiff.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the backend used by all tensor ops. The system property {@code backmap.backend} names one (e.g.
 * {@code -Dbackmap.backend=scalar}); without it the available backend with the highest priority wins.
 */
public final class Backends {

  /** System property that selects a backend by name. */
  public static final String PROPERTY = "backmap.backend";

  private static volatile Backend current;

  private Backends() {}

  /** Every backend on the class path, available or not, highest priority first. */
  public static List<Backend> all() {
    List<Backend> found = new ArrayList<>();
    ServiceLoader.load(Backend.class, Backends.class.getClassLoader()).forEach(found::add);
    found.sort(Comparator.comparingInt(Backend::priority).reversed());
    return found;
  }

  /** The backend in use, chosen on first call. */
  public static Backend current() {
    Backend b = current;
    if (b == null) {
      synchronized (Backends.class) {
        if (current == null) {
          current = choose(System.getProperty(PROPERTY));
        }
        b = current;
      }
    }
    return b;
  }

  /** Switches all subsequent ops to the backend with this name. */
  public static void use(String name) {
    Backend chosen = choose(name);
    synchronized (Backends.class) {
      current = chosen;
    }
  }

  private static Backend choose(String name) {
    List<Backend> all = all();
    if (name != null && !name.isBlank()) {
      for (Backend b : all) {
        if (b.name().equals(name)) {
          if (!b.isAvailable()) {
            throw new IllegalStateException("backend '" + name + "' is installed but not available on this machine");
          }
          return b;
        }
      }
      throw new IllegalArgumentException("no backend named '" + name + "'; installed: "
          + all.stream().map(Backend::name).toList());
    }
    for (Backend b : all) {
      if (b.isAvailable()) {
        return b;
      }
    }
    throw new IllegalStateException("no available backend among " + all.stream().map(Backend::name).toList());
  }
}
