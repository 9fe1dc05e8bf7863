package io.github.ticdcfake.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository's Markdown documentation, read as fenced blocks and prose lines. */
final class Docs {
  /** The repository root: this module's parent directory. */
  static final Path ROOT =
      Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();

  private static final Pattern MARKER = Pattern.compile("^<!-- ([\\w-]+): (\\S+) -->\\s*$");

  private Docs() {}

  /** A fenced block: its info string, text, 1-based opening line and the marker just before it. */
  record Block(Path file, int line, String language, String text, String marker, String target) {
    String where() {
      return ROOT.relativize(file) + ":" + line;
    }
  }

  /** README.md, every docs/*.md and every module README, in a stable order. */
  static List<Path> markdownFiles() {
    List<Path> files = new ArrayList<>();
    files.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"));
        Stream<Path> modules = Files.list(ROOT)) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
      modules
          .filter(Files::isDirectory)
          .map(dir -> dir.resolve("README.md"))
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** The fenced blocks of {@code file}, each with the {@code <!-- kind: target -->} before it. */
  static List<Block> blocks(Path file) {
    List<String> lines = lines(file);
    List<Block> blocks = new ArrayList<>();
    String marker = null;
    String target = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher m = MARKER.matcher(line);
      if (m.matches()) {
        marker = m.group(1);
        target = m.group(2);
        continue;
      }
      if (!line.startsWith("```")) {
        if (!line.isBlank()) {
          marker = null; // a marker applies to the very next block only
          target = null;
        }
        continue;
      }
      int start = i;
      StringBuilder text = new StringBuilder();
      for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
        text.append(lines.get(i)).append('\n');
      }
      blocks.add(
          new Block(file, start + 1, line.substring(3).strip(), text.toString(), marker, target));
      marker = null;
      target = null;
    }
    return blocks;
  }

  /** The lines of {@code file} outside fenced blocks (blank for lines inside, to keep numbers). */
  static List<String> prose(Path file) {
    List<String> out = new ArrayList<>();
    boolean fenced = false;
    for (String line : lines(file)) {
      if (line.startsWith("```")) {
        fenced = !fenced;
        out.add("");
      } else {
        out.add(fenced ? "" : line);
      }
    }
    return out;
  }

  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
