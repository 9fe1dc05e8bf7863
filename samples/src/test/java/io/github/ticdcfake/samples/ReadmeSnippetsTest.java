package io.github.ticdcfake.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the READMEs and docs honest: a Java block marked as a snippet is a copy of a region of a
 * samples test, and the build fails when the two differ.
 *
 * <p>Convention. In a samples test, a region is marked with {@code // tag::name[]} and {@code //
 * end::name[]} lines (a tag may have several regions; they are joined, marker lines of other tags
 * inside are dropped, and the common indentation is removed). In a README, the fenced block right
 * after {@code <!-- snippet: name -->} must equal that region, and the block right after {@code
 * <!-- file: path/from/repo/root -->} must equal that whole file. A {@code java} block without a
 * marker must be a complete, package-less file: the docs-examples module compiles it against the
 * published modules and runs it ({@code DocExamplesTest}); a fragment without a marker fails the
 * build.
 */
class ReadmeSnippetsTest {
  private static final Pattern TAG = Pattern.compile("^\\s*// (tag|end)::([\\w-]+)\\[]\\s*$");
  private static final Pattern MARKER = Pattern.compile("^<!-- (snippet|file): (\\S+) -->\\s*$");
  private static final Pattern COMPLETE_FILE =
      Pattern.compile(
          "^(?:import |(?:public |final )*(?:class|record|interface|enum) )", Pattern.MULTILINE);
  private static final Path ROOT =
      Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();

  static Stream<String> readmes() throws IOException {
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      return Stream.concat(
          Stream.of("README.md", "junit5-extension/README.md"),
          docs
              .filter(f -> f.toString().endsWith(".md"))
              .map(f -> ROOT.relativize(f).toString())
              .sorted()
              .toList()
              .stream());
    }
  }

  @ParameterizedTest
  @MethodSource("readmes")
  void everyJavaBlockIsATaggedRegionOfASamplesTestOrAWholeFile(String readme) {
    Map<String, String> regions = regions(ROOT.resolve("samples/src/test/java"));
    List<String> lines = read(ROOT.resolve(readme));
    List<String> problems = new ArrayList<>();
    String marker = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher m = MARKER.matcher(line);
      if (m.matches()) {
        marker = line;
        continue;
      }
      if (!line.startsWith("```") || line.equals("```")) {
        if (!line.isBlank()) {
          marker = null; // a marker applies to the very next block only
        }
        continue;
      }
      int start = i;
      StringBuilder block = new StringBuilder();
      for (i++; i < lines.size() && !lines.get(i).equals("```"); i++) {
        block.append(lines.get(i)).append('\n');
      }
      String where = readme + ":" + (start + 1);
      if (marker == null) {
        if (line.equals("```java") && !COMPLETE_FILE.matcher(block).find()) {
          problems.add(
              where + ": java fragment without <!-- snippet: name --> marker (or a whole file)");
        }
        continue;
      }
      Matcher mm = MARKER.matcher(marker);
      mm.matches();
      marker = null;
      String expected;
      if (mm.group(1).equals("file")) {
        expected = String.join("\n", read(ROOT.resolve(mm.group(2)))) + "\n";
      } else {
        expected = regions.get(mm.group(2));
        if (expected == null) {
          problems.add(where + ": no region tagged '" + mm.group(2) + "' in samples tests");
          continue;
        }
      }
      if (!expected.equals(block.toString())) {
        problems.add(
            where
                + ": block differs from "
                + mm.group(1)
                + " '"
                + mm.group(2)
                + "'; copy this into the README:\n"
                + expected);
      }
    }
    assertThat(problems).as("README blocks out of sync with the samples").isEmpty();
  }

  /** Every tagged region under {@code dir}, by tag name. */
  static Map<String, String> regions(Path dir) {
    Map<String, List<String>> byTag = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        List<String> open = new ArrayList<>();
        for (String line : read(file)) {
          Matcher m = TAG.matcher(line);
          if (m.matches()) {
            if (m.group(1).equals("tag")) {
              open.add(m.group(2));
              byTag.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(null); // region start
            } else {
              open.remove(m.group(2));
            }
            continue;
          }
          for (String tag : open) {
            byTag.get(tag).add(line);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> out = new LinkedHashMap<>();
    byTag.forEach((tag, lines) -> out.put(tag, join(lines)));
    return out;
  }

  /** Joins regions (separated by null), trimming trailing blank lines of each, then dedents. */
  private static String join(List<String> lines) {
    List<String> kept = new ArrayList<>();
    for (String line : lines) {
      if (line == null) {
        trimTrailingBlanks(kept);
      } else {
        kept.add(line);
      }
    }
    trimTrailingBlanks(kept);
    int indent = Integer.MAX_VALUE;
    for (String line : kept) {
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String line : kept) {
      out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return out.toString();
  }

  private static void trimTrailingBlanks(List<String> lines) {
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
