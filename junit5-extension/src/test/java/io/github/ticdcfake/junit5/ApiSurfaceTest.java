package io.github.ticdcfake.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The extension's public surface stays small and free of core internals, Undertow and Jackson. */
class ApiSurfaceTest {

  @Test
  void publicTypesAreTheAnnotationsTheExtensionAndItsBuilder() throws Exception {
    List<String> publicTypes =
        mainClasses().stream()
            .map(ApiSurfaceTest::load)
            .filter(type -> Modifier.isPublic(type.getModifiers()))
            .map(Class::getName)
            .toList();

    assertThat(publicTypes)
        .containsExactlyInAnyOrder(
            TiCdcServer.class.getName(),
            TiCdcUrl.class.getName(),
            TiCdcExtension.class.getName(),
            TiCdcExtension.Builder.class.getName());
    assertThat(TiCdcExtension.class.getConstructors()).isEmpty();
  }

  @Test
  void noClassReferencesCoreInternalsUndertowOrJackson() throws Exception {
    for (String name : mainClasses()) {
      // Every type a class uses is named in its constant pool, so a byte search finds them all.
      String bytes =
          new String(
              Files.readAllBytes(classesDirectory().resolve(name.replace('.', '/') + ".class")),
              StandardCharsets.ISO_8859_1);
      assertThat(bytes)
          .as(name)
          .doesNotContain("io/github/ticdcfake/internal/")
          .doesNotContain("io/undertow/")
          .doesNotContain("com/fasterxml/");
    }
  }

  private static List<String> mainClasses() throws IOException, URISyntaxException {
    Path root = classesDirectory();
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(file -> file.toString().endsWith(".class"))
          .map(file -> root.relativize(file).toString())
          .map(file -> file.substring(0, file.length() - ".class".length()).replace('/', '.'))
          .filter(name -> !name.endsWith("package-info"))
          .toList();
    }
  }

  private static Path classesDirectory() throws URISyntaxException {
    return Path.of(
        TiCdcExtension.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ApiSurfaceTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
