package io.tokenmaxx.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar's manifest (or "dev" when run from classes). */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = TokenmaxxCli.class.getPackage().getImplementationVersion();
    return new String[] {"tokenmaxx " + (v == null ? "dev" : v)
        + " (Java " + Runtime.version() + ")"};
  }
}
