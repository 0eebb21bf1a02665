package io.tokenmaxx.agents;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One capture: an agent (its npm package and pinned version), the stand-in it talks to and the
 * usage that answers with, how it is set up (files under the fresh home, environment) and the runs
 * it makes; {@code keep} names the folders under the home that hold its logs.
 */
record Scenario(String name, String agent, String npmPackage, String version, String bin,
    String provider, String protocol, List<ServedUsage> usage, long step, List<String> keep,
    Setup setup, List<Run> runs) {

  /** Where a run happens and what it talks to. */
  record Context(Path home, Path work, String standIn, String otlp, String protocol) {}

  /** Writes configuration files before a run and adds environment variables. */
  interface Setup {
    void prepare(Context c, int run, Map<String, String> env) throws IOException;
  }

  /** One non-interactive invocation: the agent's arguments. */
  record Run(List<String> args) {}

  UsagePlan plan() {
    return new UsagePlan(usage, step);
  }
}
