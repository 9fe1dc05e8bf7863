package io.github.ticdcfake.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python example of docs/other-languages.md runs as written: the standalone jar is started the
 * way the page says (port 0, the URL read from the first ready line) and the script is run against
 * it with {@code python3}. Skipped, with the reason, where {@code python3} is absent.
 */
class PythonExampleTest {
  private static final Path PAGE = Docs.ROOT.resolve("docs/other-languages.md");
  private static final Pattern READY =
      Pattern.compile("^ticdc-fake capture (\\S+) listening on (\\S+)$");

  @TempDir Path work;
  private Process fake;

  @AfterEach
  void stop() throws InterruptedException {
    if (fake != null) {
      fake.destroy();
      fake.waitFor();
    }
  }

  @Test
  void thePythonExampleRunsAgainstTheStandaloneJar() throws Exception {
    String python = python3();
    Path jar = Path.of(System.getProperty("standalone.jar"));
    assertThat(jar).as("the standalone jar (built by core's package phase)").isRegularFile();
    List<Docs.Block> scripts =
        Docs.blocks(PAGE).stream().filter(b -> b.language().equals("python")).toList();
    assertThat(scripts).as("python blocks of docs/other-languages.md").hasSize(1);
    Path script = Files.writeString(work.resolve("example.py"), scripts.get(0).text());

    fake =
        new ProcessBuilder(javaBinary(), "-jar", jar.toString(), "--addr", "127.0.0.1:0")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(fake.getInputStream(), StandardCharsets.UTF_8));
    String url = null;
    String line;
    while (url == null && (line = out.readLine()) != null) { // stop at the first ready line
      Matcher ready = READY.matcher(line);
      if (ready.matches()) {
        url = ready.group(2);
      }
    }
    assertThat(url).as("a ready line from the jar").isNotNull();

    Process run =
        new ProcessBuilder(python, script.toString(), url).redirectErrorStream(true).start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(run.waitFor()).as("python3 exit code; output:%n%s", output).isZero();
    assertThat(output).contains("retried past the injected 500: ok");
  }

  private static String python3() throws InterruptedException {
    try {
      Process version =
          new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      version.getInputStream().readAllBytes();
      Assumptions.assumeTrue(
          version.waitFor() == 0, "python3 --version failed: skipping the Python example");
      return "python3";
    } catch (IOException e) {
      Assumptions.abort("python3 is not installed: skipping the Python example (" + e + ")");
      throw new AssertionError(e);
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
