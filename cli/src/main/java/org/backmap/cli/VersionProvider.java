package org.backmap.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the backmap version from the jar manifest, and the JVM it runs on. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "backmap " + (version == null ? "(development build)" : version),
      "JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version()
    };
  }
}
