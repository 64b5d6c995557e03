package org.backmap.cli;

import org.backmap.autodiff.backend.Backends;
import org.backmap.autodiff.backend.cpu.Parallel;
import org.backmap.base.concurrent.Threads;
import picocli.CommandLine.Option;

/** Options every compute command shares: the kernel backend, the thread count and the random seed. */
final class RuntimeOptions {

  @Option(names = "--backend", paramLabel = "NAME",
      description = "Kernel backend (cpu, scalar, or an installed GPU backend); default: the best available.")
  String backend;

  @Option(names = "--threads", paramLabel = "N", description = "Threads for numeric kernels and energies; default: -Dbackmap.threads, else all cores.")
  Integer threads;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  /** Applies backend and thread settings; call before any tensor work. */
  void apply() {
    if (threads != null) {
      if (threads < 1) {
        throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
      }
      Parallel.setThreads(threads);
    }
    if (backend != null) {
      Backends.use(backend);
    }
  }

  /** The thread count to pass to whatever computes in parallel: {@code --threads}, else the default. */
  int threads() {
    return threads != null ? threads : Threads.defaultCount();
  }
}
