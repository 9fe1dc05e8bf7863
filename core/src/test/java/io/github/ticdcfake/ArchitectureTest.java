package io.github.ticdcfake;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.ticdcfake.cluster.TiCdcVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The layout of core, enforced: layers in one direction (entry → http → json → cluster → fault), no
 * package cycles, views and route tables per API version, and flavour decisions only in the
 * strategy classes.
 */
class ArchitectureTest {
  private static final String ROOT = "io.github.ticdcfake";
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  /**
   * The classes that may ask which release they serve, one per layer: the enum itself, the HTTP
   * surface and the v2 views. The domain package decides its own rules (see {@link
   * #onlyStrategyClassesDecideByFlavour}).
   */
  private static final Set<String> FLAVOUR_STRATEGIES =
      Set.of(
          ROOT + ".cluster.TiCdcVersion",
          ROOT + ".internal.http.ApiSurface",
          ROOT + ".internal.json.v2.V2ViewFlavour");

  @Test
  void layersDependInOneDirectionOnly() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Entry")
        .definedBy(ROOT, ROOT + ".standalone..")
        .layer("Http")
        .definedBy(ROOT + ".internal.http..")
        .layer("Json")
        .definedBy(ROOT + ".internal.json..")
        .layer("Domain")
        .definedBy(ROOT + ".cluster..")
        .layer("Fault")
        .definedBy(ROOT + ".fault..")
        .whereLayer("Entry")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Http")
        .mayOnlyBeAccessedByLayers("Entry")
        .whereLayer("Json")
        .mayOnlyBeAccessedByLayers("Entry", "Http")
        .whereLayer("Domain")
        .mayOnlyBeAccessedByLayers("Entry", "Http", "Json")
        .because("the domain is driven by Java, scenario files and HTTP alike")
        .check(CLASSES);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void faultPackageDependsOnTheJdkOnly() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".fault..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(ROOT + ".fault..", "java..")
        .because("the cluster owns fault rules and the journal; a dependency back would be a cycle")
        .check(CLASSES);
  }

  @Test
  void domainKnowsNothingOfHttpOrJson() {
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".cluster..", ROOT + ".fault..")
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
        .resideOutsideOfPackage(ROOT + ".internal.http..")
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
        .resideOutsideOfPackage(ROOT + ".internal.json..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.fasterxml..")
        .because("Jackson is an implementation detail that may be shaded later")
        .check(CLASSES);
  }

  @Test
  void viewsOfOneApiVersionKnowNoOtherVersion() {
    slices()
        .matching(ROOT + ".internal.json.(*)..")
        .should()
        .notDependOnEachOther()
        .because("each API version renders its own wire models from the domain snapshots")
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".internal.json")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".internal.json.(*)..")
        .because("the shared JSON code (Go formats, the error envelope) serves every version")
        .check(CLASSES);
  }

  @Test
  void viewsReadNoFlavourFromTheSnapshot() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".internal.json..")
        .should()
        .callMethod(ROOT + ".cluster.Changefeed", "flavour")
        .because("error visibility per release is the view strategy's (V2ViewFlavour) decision")
        .check(CLASSES);
  }

  @Test
  void routeTablesAreRegisteredInTheRouterOnly() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".internal.http")
        .and()
        .haveSimpleNameEndingWith("Routes")
        .should()
        .onlyHaveDependentClassesThat(
            describe(
                "the Router, the pipeline head or the table itself",
                c ->
                    c.getSimpleName().equals("Router")
                        || c.getSimpleName().equals("ApiHandler")
                        || c.getSimpleName().endsWith("Routes")
                        || c.getName().contains("Routes$")))
        .because("a server's tables are listed in one place, one line per API version")
        .check(CLASSES);
  }

  @Test
  void routeTablesAreIndependent() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("Routes")
        .should()
        .dependOnClassesThat(
            describe(
                "are another route table", (JavaClass c) -> c.getSimpleName().endsWith("Routes")))
        .because("route tables of different API versions are independent")
        .check(
            CLASSES.that(
                describe(
                    "route tables",
                    (JavaClass c) -> c.getPackageName().equals(ROOT + ".internal.http"))));
  }

  @Test
  void theErrorEnvelopeHasOneWriter() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(ROOT + ".internal.http.ErrorMapper")
        .and()
        .doNotHaveFullyQualifiedName(ROOT + ".internal.json.Json$WarmUp")
        .should()
        .callConstructor(ROOT + ".internal.json.HttpError", "java.lang.String", "java.lang.String")
        .because("TiCDC errors, fault rules and /__fake errors share ErrorMapper.envelope")
        .check(CLASSES);
  }

  @Test
  void handlersSeeACallNeverTheExchange() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".internal.http")
        .and()
        .haveSimpleNameEndingWith("Handlers")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.undertow..", "org.xnio..")
        .because("the pipeline owns the exchange; handlers parse a Call and return a Response")
        .check(CLASSES);
  }

  @Test
  void onlyStrategyClassesDecideByFlavour() {
    DescribedPredicate<JavaAccess<?>> asksWhichRelease =
        describe(
            "a TiCdcVersion constant, values() or ordinal() (an if or a switch on the release)",
            access -> isReleaseQuestion(access.getTarget()));
    noClasses()
        .that(
            describe(
                "are neither a flavour strategy " + FLAVOUR_STRATEGIES + " nor in the domain",
                (JavaClass c) ->
                    !isStrategy(c) && !c.getPackageName().startsWith(ROOT + ".cluster")))
        .should()
        .accessTargetWhere(asksWhichRelease)
        .because(
            "each layer decides per flavour in one strategy built by one exhaustive switch, so a"
                + " new release fails compilation at every decision point")
        .check(CLASSES);
  }

  private static boolean isReleaseQuestion(AccessTarget target) {
    return target.getOwner().isEquivalentTo(TiCdcVersion.class)
        && (target.getName().equals("values")
            || target.getName().equals("ordinal")
            || Arrays.stream(TiCdcVersion.values())
                .anyMatch(v -> v.name().equals(target.getName())));
  }

  /** A strategy class or one of its nested or synthetic classes (a switch's map). */
  private static boolean isStrategy(JavaClass c) {
    String name = c.getName();
    return FLAVOUR_STRATEGIES.stream().anyMatch(s -> name.equals(s) || name.startsWith(s + "$"));
  }

  @Test
  void publicSignaturesExposeNoInternalUndertowOrJacksonTypes() {
    List<String> leaks = new ArrayList<>();
    for (JavaClass type : CLASSES) {
      if (type.getPackageName().contains(".internal")
          || !type.getModifiers().contains(JavaModifier.PUBLIC)) {
        continue;
      }
      for (JavaCodeUnit member : type.getCodeUnits()) {
        if (!member.getModifiers().contains(JavaModifier.PUBLIC)) {
          continue;
        }
        List<JavaClass> used = new ArrayList<>(member.getRawParameterTypes());
        used.add(member.getRawReturnType());
        for (JavaClass t : used) {
          String name = t.getName();
          if (name.contains(".internal.")
              || name.startsWith("io.undertow")
              || name.startsWith("com.fasterxml")) {
            leaks.add(member.getFullName() + " uses " + name);
          }
        }
      }
    }
    assertThat(leaks)
        .as("Undertow, Jackson and internal types may be shaded later; keep them out of the API")
        .isEmpty();
  }
}
