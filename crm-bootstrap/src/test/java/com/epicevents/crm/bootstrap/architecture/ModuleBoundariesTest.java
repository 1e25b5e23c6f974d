package com.epicevents.crm.bootstrap.architecture;

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
    for (String module : new String[] {DOMAIN, APPLICATION, PERSISTENCE, TUI, HTTP, BOOTSTRAP}) {
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
  void nothingUsesJavaxInjectWhichGuiceSevenSilentlyIgnores() {
    check(noClasses().should().dependOnClassesThat().resideInAPackage("javax.inject.."));
  }

  @Test
  void theCoreCarriesNoGuiceAnnotations() {
    check(noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
        .should().dependOnClassesThat().resideInAPackage("com.google.inject.."));
  }
}
