package org.backmap.cli;

import org.backmap.autodiff.backend.Backends;
import org.backmap.autodiff.backend.cpu.Parallel;
import org.backmap.base.concurrent.Threads;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options every compute command shares: the kernel backend, the thread count and the random seed. */
final class RuntimeOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--backend", paramLabel = "NAME",
      description = "Kernel backend (cpu, scalar, or an installed GPU backend); default: the best available.")
  String backend;

  @Option(names = "--threads", paramLabel = "N", description = "Threads for numeric kernels and energies; default: -Dbackmap.threads, else all cores.")
  Integer threads;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  /** The thread count: {@code --threads}, else the default of the runtime. */
  int threads() {
    checkThreads();
    return threads != null ? threads : Threads.defaultCount();
  }

  /** Applies backend and thread settings; call before any tensor work. A bad value is a usage error. */
  void apply() {
    checkThreads();
    if (threads != null) {
      Parallel.setThreads(threads);
    }
    if (backend != null) {
      try {
        Backends.use(backend);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new ParameterException(command.commandLine(), "--backend: " + e.getMessage(), e, null, backend);
      }
    }
  }

  private void checkThreads() {
    if (threads != null && threads < 1) {
      throw new ParameterException(command.commandLine(), "--threads must be at least 1, got " + threads);
    }
  }
}
