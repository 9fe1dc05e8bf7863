package io.github.ticdcfake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of architecture.md, enforced: http → cluster, never back. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.github.ticdcfake");

  @Test
  void domainKnowsNothingOfHttpOrJson() {
    noClasses()
        .that()
        .resideInAnyPackage("..ticdcfake.cluster..", "..ticdcfake.fault..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.undertow..", "org.xnio..", "com.fasterxml..", "..internal..")
        .because("the domain is driven by Java, scenario files and HTTP alike")
        .check(CLASSES);
  }

  @Test
  void onlyInternalHttpUsesUndertow() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..ticdcfake.internal.http..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.undertow..", "org.xnio..")
        .because("Undertow is an implementation detail that may be shaded later")
        .check(CLASSES);
  }

  @Test
  void onlyInternalJsonUsesJackson() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..ticdcfake.internal.json..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.fasterxml..")
        .because("Jackson is an implementation detail that may be shaded later")
        .check(CLASSES);
  }

  @Test
  void publicSignaturesExposeNoInternalUndertowOrJacksonTypes() {
    java.util.List<String> leaks = new java.util.ArrayList<>();
    for (com.tngtech.archunit.core.domain.JavaClass type : CLASSES) {
      if (type.getPackageName().contains(".internal")
          || !type.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
        continue;
      }
      for (com.tngtech.archunit.core.domain.JavaCodeUnit member : type.getCodeUnits()) {
        if (!member.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
          continue;
        }
        java.util.List<com.tngtech.archunit.core.domain.JavaClass> used =
            new java.util.ArrayList<>(member.getRawParameterTypes());
        used.add(member.getRawReturnType());
        for (com.tngtech.archunit.core.domain.JavaClass t : used) {
          String name = t.getName();
          if (name.contains(".internal.")
              || name.startsWith("io.undertow")
              || name.startsWith("com.fasterxml")) {
            leaks.add(member.getFullName() + " uses " + name);
          }
        }
      }
    }
    org.assertj.core.api.Assertions.assertThat(leaks)
        .as("Undertow, Jackson and internal types may be shaded later; keep them out of the API")
        .isEmpty();
  }
}
