package org.backmap.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

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
    subcommands = {DemoCommand.class, CheckCommand.class, CgCommand.class, InspectCommand.class, EnergyCommand.class, MinimizeCommand.class, MdCommand.class, PrepareCommand.class, ExtractCommand.class, TrainCommand.class, ModelReportCommand.class, DecodeCommand.class, ScoreLogpCommand.class, MetricsCommand.class, BenchCommand.class, EvaluateCommand.class, FramesCommand.class, CgFlowCommand.class, ReweightCommand.class, ReweightStudyCommand.class, ReweightResiduesCommand.class, CommandLine.HelpCommand.class})
public final class Main {

  static final String VECTOR_MODULE = "jdk.incubator.vector";

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "On an error, print the stack trace and the causes as well as the one-line message.")
  boolean verbose;

  public static void main(String[] args) throws Exception {
    if (!List.of(args).contains("--verbose") && System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "backmap-quiet-log4j2.xml");
    }
    if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty() && System.getenv("BACKMAP_NO_RELAUNCH") == null) {
      System.exit(relaunchWithVectorModule(args));
    }
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line; tests call this to run commands in-process. */
  public static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(ErrorReport::report);
    return cli;
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
    Process child = builder.start();
    // a signal to this JVM reaches the child as SIGTERM, and this one waits while it finishes its files
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      child.destroy();
      try {
        child.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "backmap-forward-stop"));
    return child.waitFor();
  }
}
