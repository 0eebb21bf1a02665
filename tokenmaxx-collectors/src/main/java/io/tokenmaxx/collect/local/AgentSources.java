package io.tokenmaxx.collect.local;

import java.util.List;

/** The agents read through {@link AgentSource}, one per {@link LogFile.Format}. */
final class AgentSources {
  static final AgentSource OPENCODE = OpenCodeLogs.opencode();
  static final AgentSource KILO = OpenCodeLogs.kilo();
  static final AgentSource COPILOT = new CopilotLogs();
  static final AgentSource AMP = new AmpLogs();
  static final AgentSource KIMI = new KimiLogs();
  static final AgentSource DROID = new DroidLogs();
  static final List<AgentSource> ALL = List.of(OPENCODE, COPILOT, AMP, KIMI, DROID, KILO);

  private AgentSources() {}

  static AgentSource of(LogFile.Format f) {
    return switch (f) {
      case OPENCODE -> OPENCODE;
      case COPILOT -> COPILOT;
      case AMP -> AMP;
      case KIMI -> KIMI;
      case DROID -> DROID;
      case KILO -> KILO;
      default -> null;
    };
  }

  static AgentSource byTool(String tool) {
    for (AgentSource a : ALL) if (a.tool().equals(tool)) return a;
    return null;
  }
}
