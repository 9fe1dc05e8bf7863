package io.github.ticdcfake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Layering of the scripting and failure-injection code (issue #5). */
class FaultPackageArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.github.ticdcfake");

  @Test
  void faultPackageDependsOnTheJdkOnly() {
    noClasses()
        .that()
        .resideInAPackage("io.github.ticdcfake.fault..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("io.github.ticdcfake.fault..", "java..")
        .because("the cluster owns fault rules and the journal; a dependency back would be a cycle")
        .check(CLASSES);
  }

  @Test
  void domainAndFaultsKnowNeitherUndertowNorJackson() {
    noClasses()
        .that()
        .resideInAnyPackage("io.github.ticdcfake.cluster..", "io.github.ticdcfake.fault..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.undertow..", "org.xnio..", "com.fasterxml..")
        .because("HTTP and JSON stay in internal.http and internal.json (architecture.md, Layers)")
        .check(CLASSES);
  }
}
