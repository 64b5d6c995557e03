package org.backmap.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code backmap.jar}.
 *
 * <p>The numeric kernels need the incubating module {@code jdk.incubator.vector}, which a jar manifest cannot
 * add. When the JVM was started without it (plain {@code java -jar backmap.jar}), {@link #main} starts the same
 * JVM again with {@code --add-modules jdk.incubator.vector} and forwards the exit code.
 */
@Command(
    name = "backmap",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Backmap coarse-grained proteins to all-atom structures with exact probabilities.",
    subcommands = {DemoCommand.class, CgCommand.class, InspectCommand.class, EnergyCommand.class, MinimizeCommand.class, MdCommand.class, CommandLine.HelpCommand.class})
public final class Main {

  static final String VECTOR_MODULE = "jdk.incubator.vector";

  public static void main(String[] args) throws Exception {
    if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty() && System.getenv("BACKMAP_NO_RELAUNCH") == null) {
      System.exit(relaunchWithVectorModule(args));
    }
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line; tests call this to run commands in-process. */
  public static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(Main::reportError);
    return cli;
  }

  /**
   * Failures are reported as one message line naming what went wrong (set {@code BACKMAP_DEBUG=1} for the stack
   * trace) with exit code 1; usage errors keep picocli's exit code 2.
   */
  private static int reportError(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    java.io.PrintWriter err = cli.getErr();
    StringBuilder message = new StringBuilder("backmap ").append(cli.getCommandName()).append(": error: ")
        .append(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
        message.append("\n  caused by: ").append(cause.getMessage());
      }
    }
    err.println(message);
    if (System.getenv("BACKMAP_DEBUG") != null) {
      e.printStackTrace(err);
    }
    err.flush();
    return 1;
  }

  private static int relaunchWithVectorModule(String[] args) throws Exception {
    ProcessHandle.Info self = ProcessHandle.current().info();
    String javaBinary = self.command().orElse(System.getProperty("java.home") + "/bin/java");
    List<String> command = new ArrayList<>();
    command.add(javaBinary);
    command.add("--add-modules");
    command.add(VECTOR_MODULE);
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().put("BACKMAP_NO_RELAUNCH", "1");
    return builder.start().waitFor();
  }
}
