package com.epicevents.crm.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrmConfigFileTest {
  @TempDir Path directory;

  @Test
  void aNewConfigFileAndItsDirectoryAreReadableByTheOwnerOnly() throws IOException {
    Path home = directory.resolve("new-home");
    Path file = home.resolve("crm.conf");

    ConfigFile.update(file, Map.of(Setting.DB_APP_PASSWORD, "s3cret"));

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
    assertEquals(Map.of("db.app.password", "s3cret"), ConfigFile.read(file));
    try (var leftovers = Files.list(home)) {
      assertEquals(List.of(file), leftovers.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void writingASecretIntoAnExistingWorldReadableFileMakesItOwnerOnlyAndKeepsTheUsersLines() throws IOException {
    Path file = directory.resolve("crm.conf");
    Files.writeString(file, String.join("\n",
        "# my settings",
        "http.port = 8081",
        "db.app.password=old\\",
        "  continued",
        "sentry.environment: staging",
        ""));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    Map<Setting, String> values = new LinkedHashMap<>();
    values.put(Setting.DB_APP_PASSWORD, "new\\pass word");
    values.put(Setting.DB_APP_USER, "crm_app");
    ConfigFile.update(file, values);

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(List.of(
        "# my settings",
        "http.port = 8081",
        "db.app.password=new\\\\pass word",
        "sentry.environment: staging",
        "db.app.user=crm_app"), Files.readAllLines(file));
    Map<String, String> read = ConfigFile.read(file);
    assertEquals("new\\pass word", read.get("db.app.password"));
    assertEquals("8081", read.get("http.port"));
    assertTrue(read.containsKey("sentry.environment"));
  }
}
