package com.epicevents.crm.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The CRM's scripts live only in their namespaced location: a script left in Flyway's default
 * location would be applied by a host's Flyway to the host's schema (and never by the CRM's).
 */
class MigrationLocationTest {
  @Test
  void theMainArtifactHasNoScriptInFlywaysDefaultLocation() throws URISyntaxException {
    Path classes = Path.of(CrmDatabase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertNotNull(CrmDatabase.class.getClassLoader().getResource("com/epicevents/crm/db/migration/V1__tables.sql"));
    assertFalse(Files.exists(classes.resolve("db/migration")),
        "move new migrations to src/main/resources/com/epicevents/crm/db/migration (found some in db/migration)");
  }
}
