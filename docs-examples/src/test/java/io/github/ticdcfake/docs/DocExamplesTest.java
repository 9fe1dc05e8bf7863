package io.github.ticdcfake.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
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
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Every Java block of the docs is a complete file a reader can copy into a fresh project: for each
 * Markdown file, its Java blocks are compiled together with javax.tools against the published
 * modules' classpath only (core, JUnit 5 extension, AssertJ module, and JUnit, AssertJ, Jackson),
 * and their test classes are run with the JUnit Platform launcher, so every documented result is
 * checked. A block right after {@code <!-- example-resource: path -->} is put on the examples'
 * classpath at that path (a scenario file, say).
 */
class DocExamplesTest {
  private static final Pattern TOP_LEVEL_TYPE =
      Pattern.compile(
          "^(?:public |final |abstract |sealed |non-sealed )*(?:class|record|interface|enum)"
              + " (\\w+)",
          Pattern.MULTILINE);
  private static final Pattern PACKAGE = Pattern.compile("^package ", Pattern.MULTILINE);

  @TempDir Path work;

  @TestFactory
  Stream<DynamicTest> everyJavaBlockCompilesAgainstThePublishedModulesAndItsTestsPass() {
    return Docs.markdownFiles().stream()
        .filter(file -> !javaBlocks(file).isEmpty())
        .map(
            file ->
                DynamicTest.dynamicTest(
                    Docs.ROOT.relativize(file).toString(), () -> compileAndRun(file)));
  }

  @TestFactory
  Stream<DynamicTest> theDocsThatPromiseExamplesHaveThem() {
    return Stream.of("README.md", "docs/junit5.md", "docs/scripting.md", "docs/time.md")
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () -> assertThat(javaBlocks(Docs.ROOT.resolve(name))).as(name).isNotEmpty()));
  }

  private void compileAndRun(Path doc) throws Exception {
    String name = Docs.ROOT.relativize(doc).toString().replaceAll("[^\\w]", "_");
    Path sources = Files.createDirectories(work.resolve(name).resolve("src"));
    Path classes = Files.createDirectories(work.resolve(name).resolve("classes"));
    Map<String, Docs.Block> byClass = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Docs.Block block : javaBlocks(doc)) {
      Matcher type = TOP_LEVEL_TYPE.matcher(block.text());
      if (PACKAGE.matcher(block.text()).find()) {
        problems.add(block.where() + ": drop the package line: examples are package-less files");
      } else if (!type.find()) {
        problems.add(block.where() + ": not a complete file (no top-level class at column 0)");
      } else if (byClass.putIfAbsent(type.group(1), block) != null) {
        problems.add(block.where() + ": a second " + type.group(1) + " in the same document");
      } else {
        Files.writeString(sources.resolve(type.group(1) + ".java"), block.text());
      }
    }
    for (Docs.Block block : Docs.blocks(doc)) {
      if ("example-resource".equals(block.marker())) {
        Path resource = classes.resolve(block.target());
        Files.createDirectories(resource.getParent());
        Files.writeString(resource, block.text());
      }
    }
    assertThat(problems).as("Java blocks of " + Docs.ROOT.relativize(doc)).isEmpty();

    compile(sources, classes, byClass);

    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, DocExamplesTest.class.getClassLoader())) {
      LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
      for (String className : byClass.keySet()) {
        request.selectors(selectClass(loader.loadClass(className)));
      }
      TestExecutionSummary summary = run(request.build(), loader);
      StringWriter failures = new StringWriter();
      summary.printFailuresTo(new PrintWriter(failures), 30);
      assertThat(summary.getTotalFailureCount())
          .as("failed examples of %s:%n%s", Docs.ROOT.relativize(doc), failures)
          .isZero();
      assertThat(summary.getTestsSucceededCount())
          .as("tests run from the examples of %s", Docs.ROOT.relativize(doc))
          .isPositive();
    }
  }

  private static void compile(Path sources, Path classes, Map<String, Docs.Block> byClass)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      List<Path> units;
      try (Stream<Path> list = Files.list(sources)) {
        units = list.sorted().toList();
      }
      List<String> options =
          List.of(
              "--release",
              "17",
              "-proc:none",
              "-classpath",
              publishedClasspath(),
              "-d",
              classes.toString());
      boolean ok =
          javac
              .getTask(
                  null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(units))
              .call();
      List<String> errors = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          String file = Path.of(d.getSource().toUri()).getFileName().toString();
          Docs.Block block = byClass.get(file.replace(".java", ""));
          long line = block.line() + d.getLineNumber(); // the fence line, then the block's lines
          errors.add(Docs.ROOT.relativize(block.file()) + ":" + line + ": " + d.getMessage(null));
        }
      }
      assertThat(errors).as("compile errors (against the published modules only)").isEmpty();
      assertThat(ok).isTrue();
    }
  }

  private static TestExecutionSummary run(LauncherDiscoveryRequest request, ClassLoader loader) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader); // classpath resources (scenario files) resolve here
    try {
      Launcher launcher = LauncherFactory.create();
      SummaryGeneratingListener listener = new SummaryGeneratingListener();
      launcher.execute(request, listener);
      return listener.getSummary();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static List<Docs.Block> javaBlocks(Path doc) {
    return Docs.blocks(doc).stream().filter(b -> b.language().equals("java")).toList();
  }

  private static String publishedClasspath() {
    Path file = Path.of(System.getProperty("docs.classpath.file"));
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("run through Maven: it writes " + file, e);
    }
  }
}
