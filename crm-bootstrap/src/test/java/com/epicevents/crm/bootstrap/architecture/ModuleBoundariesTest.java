package com.epicevents.crm.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency table of the project guide, one rule per arrow. Imports the production classes
 * of every module (bootstrap sees them all on its class path).
 */
class ModuleBoundariesTest {
  static final String DOMAIN = "com.epicevents.crm.domain..";
  static final String APPLICATION = "com.epicevents.crm.application..";
  static final String PERSISTENCE = "com.epicevents.crm.persistence..";
  static final String TUI = "com.epicevents.crm.tui..";
  static final String HTTP = "com.epicevents.crm.http..";
  static final String BOOTSTRAP = "com.epicevents.crm.bootstrap..";
  /** crm-core: the lean library module (use cases + persistence + Argon2id), what embedders depend on. */
  static final String CORE = "com.epicevents.crm.core..";
  /** Only the application (crm-bootstrap and the two adapters) may use these; never the library. */
  static final String[] APPLICATION_ONLY_LIBRARIES = {"com.googlecode.lanterna..", "io.javalin..",
      "org.eclipse.jetty..", "kotlin..", "picocli..", "io.zonky..", "io.sentry..", "ch.qos.logback..",
      "com.fasterxml.jackson.datatype.."};
  /** Persistence internals: other modules go through CrmDatabase and the ports. */
  static final String[] PERSISTENCE_INTERNALS = {"com.epicevents.crm.persistence.internal.."};

  static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
        .importPackages("com.epicevents.crm");
  }

  @Test
  void everyModuleIsImportedSoNoRuleHoldsVacuously() {
    for (String module : new String[] {DOMAIN, APPLICATION, PERSISTENCE, TUI, HTTP, BOOTSTRAP, CORE}) {
      String prefix = module.substring(0, module.length() - 2);
      boolean present = classes.stream().anyMatch(c -> c.getPackageName().startsWith(prefix));
      org.junit.jupiter.api.Assertions.assertTrue(present, "no production class imported from " + prefix);
    }
  }

  private static void check(ArchRule rule) {
    rule.check(classes);
  }

  @Test
  void theDomainDependsOnNothingButTheJdk() {
    check(noClasses().that().resideInAPackage(DOMAIN)
        .should().dependOnClassesThat().resideOutsideOfPackages(DOMAIN, "java..")
        .because("the domain is plain Java"));
  }

  @Test
  void theApplicationDependsOnlyOnTheDomainTheJdkAndJakartaInject() {
    check(noClasses().that().resideInAPackage(APPLICATION)
        .should().dependOnClassesThat().resideOutsideOfPackages(APPLICATION, DOMAIN, "java..", "jakarta.inject.."));
  }

  @Test
  void persistenceDoesNotDependOnAdaptersOrBootstrap() {
    check(noClasses().that().resideInAPackage(PERSISTENCE)
        .should().dependOnClassesThat().resideInAnyPackage(TUI, HTTP, BOOTSTRAP));
  }

  @Test
  void theTextUiDoesNotDependOnPersistenceHttpOrBootstrap() {
    check(noClasses().that().resideInAPackage(TUI)
        .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE, HTTP, BOOTSTRAP));
  }

  @Test
  void theHttpApiDoesNotDependOnPersistenceTuiOrBootstrap() {
    check(noClasses().that().resideInAPackage(HTTP)
        .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE, TUI, BOOTSTRAP));
  }

  @Test
  void adaptersReachTheCoreOnlyThroughItsPortsNotItsServices() {
    check(noClasses().that().resideInAnyPackage(TUI, HTTP)
        .should().dependOnClassesThat().resideInAPackage("com.epicevents.crm.application.service.."));
  }

  @Test
  void theCoreLibraryDependsOnNoAdapterAndNotOnTheApplication() {
    check(noClasses().that().resideInAPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage(TUI, HTTP, BOOTSTRAP)
        .because("crm-core is what an embedder depends on: it must not drag the application in"));
  }

  @Test
  void theLibraryModulesUseNoUiHttpServerCliEmbeddedServerMonitoringOrLoggingBackend() {
    check(noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION, PERSISTENCE, CORE)
        .should().dependOnClassesThat().resideInAnyPackage(APPLICATION_ONLY_LIBRARIES)
        .because("a host's class path gets none of them (ConsumerProjectIT checks the jars too)"));
  }

  @Test
  void onlyTheCoreModulesGuiceModuleKnowsGuiceInTheLibrary() {
    check(noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION, PERSISTENCE)
        .should().dependOnClassesThat().resideInAPackage("com.google.inject.."));
    check(noClasses().that().resideInAPackage(CORE).and().doNotHaveSimpleName("CrmModule")
        .and().areNotNestedClasses()
        .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
        .because("Guice is an optional dependency of crm-core: only CrmModule may load it"));
  }

  @Test
  void persistenceInternalsAreUsedOnlyInsidePersistence() {
    check(noClasses().that().resideOutsideOfPackage(PERSISTENCE)
        .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE_INTERNALS)
        .because("the public face of persistence is CrmDatabase, PersistenceAdapters and the ports"));
  }

  @Test
  void useCaseServicesAreNotPublicOnlyTheirInterfacesAre() {
    check(classes().that().resideInAPackage("com.epicevents.crm.application.service..")
        .and().haveSimpleNameEndingWith("Service")
        .should().notBePublic()
        .because("callers use port.in interfaces; CrmServices builds the services"));
  }

  @Test
  void nothingUsesJavaxInjectWhichGuiceSevenSilentlyIgnores() {
    check(noClasses().should().dependOnClassesThat().resideInAPackage("javax.inject.."));
  }

  @Test
  void theCoreCarriesNoGuiceAnnotations() {
    check(noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
        .should().dependOnClassesThat().resideInAPackage("com.google.inject.."));
  }
}
