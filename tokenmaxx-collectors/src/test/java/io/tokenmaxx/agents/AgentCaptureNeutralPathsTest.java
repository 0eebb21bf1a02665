package io.tokenmaxx.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AgentCaptureNeutralPathsTest {
  private final AgentCapture capture = new AgentCapture(Path.of("agents"), Path.of("out"), Path.of("/tmp/tokenmaxx-capture"));

  @Test
  void theCaptureFoldersBecomeANeutralHomeAndProject() {
    assertThat(capture.neutral("{\"cwd\":\"/tmp/tokenmaxx-capture/work\",\"bin\":\"/tmp/tokenmaxx-capture/agents/x.js\"}"))
        .isEqualTo("{\"cwd\":\"/home/dev/project\",\"bin\":\"/home/dev/agents/x.js\"}");
    assertThat(capture.neutral("home/.claude/projects/-tmp-tokenmaxx-capture-work/a.jsonl"))
        .isEqualTo("home/.claude/projects/-home-dev-project/a.jsonl");
    assertThat(capture.neutral("home/.gemini/tmp/work/chats/s.jsonl")).isEqualTo("home/.gemini/tmp/project/chats/s.jsonl");
    assertThat(capture.neutral("path=tmp/tokenmaxx-capture/work x")).isEqualTo("path=home/dev/project x");
  }

  @Test
  void otherTextIsLeftAlone() {
    assertThat(capture.neutral("/usr/bin/node --version; work; tmp")).isEqualTo("/usr/bin/node --version; work; tmp");
  }
}
