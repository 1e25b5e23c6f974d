package com.epicevents.crm.persistence.internal.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The CRM's migration scripts, read from {@value #LOCATION} on the class path and handed to
 * Flyway with the configured schema in place of {@code crm} (unchanged for the default schema, so
 * their checksums are those of the files). Found next to a known first script, so it works from
 * a directory, a jar, or a jar inside another jar.
 */
final class MigrationScripts implements ResourceProvider {
  static final String LOCATION = "com/epicevents/crm/db/migration";
  private static final String FIRST = "V1__tables.sql";
  private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__.+\\.sql");

  private final List<LoadableResource> scripts;

  MigrationScripts(String schema) {
    List<LoadableResource> found = new ArrayList<>();
    for (String name : names()) {
      found.add(new Script(name, SchemaName.qualify(read(name), schema)));
    }
    this.scripts = List.copyOf(found);
  }

  /** The version of the newest script: the schema version this CRM needs. */
  static MigrationVersion latestVersion() {
    return names().stream()
        .map(VERSIONED::matcher)
        .filter(Matcher::matches)
        .map(m -> MigrationVersion.fromVersion(m.group(1).replace('_', '.')))
        .max(Comparator.naturalOrder())
        .orElseThrow(() -> new IllegalStateException("no migration script in " + LOCATION));
  }

  @Override
  public LoadableResource getResource(String name) {
    return scripts.stream().filter(s -> s.getFilename().equals(name) || s.getRelativePath().equals(name))
        .findFirst().orElse(null);
  }

  @Override
  public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
    return scripts.stream()
        .filter(s -> s.getFilename().startsWith(prefix))
        .filter(s -> Arrays.stream(suffixes).anyMatch(s.getFilename()::endsWith))
        .toList();
  }

  static List<String> names() {
    URL first = MigrationScripts.class.getClassLoader().getResource(LOCATION + "/" + FIRST);
    if (first == null) {
      throw new IllegalStateException("the CRM's migrations are missing from the class path (" + LOCATION + ")");
    }
    try {
      if ("file".equals(first.getProtocol())) {
        try (Stream<Path> files = Files.list(Path.of(first.toURI()).getParent())) {
          return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
      }
      JarURLConnection jar = (JarURLConnection) first.openConnection();
      jar.setUseCaches(false);
      try (JarFile file = jar.getJarFile()) {
        String folder = LOCATION + "/";
        return file.stream().map(e -> e.getName())
            .filter(n -> n.startsWith(folder) && n.endsWith(".sql") && n.indexOf('/', folder.length()) < 0)
            .map(n -> n.substring(folder.length())).sorted().toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the CRM's migrations", e);
    } catch (URISyntaxException | ClassCastException e) {
      throw new IllegalStateException("cannot list the CRM's migrations at " + first, e);
    }
  }

  private static String read(String name) {
    try (InputStream in = MigrationScripts.class.getClassLoader().getResourceAsStream(LOCATION + "/" + name)) {
      if (in == null) {
        throw new IllegalStateException("migration " + name + " is missing from " + LOCATION);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read migration " + name, e);
    }
  }

  private static final class Script extends LoadableResource {
    private final String name;
    private final String sql;

    Script(String name, String sql) {
      this.name = name;
      this.sql = sql;
    }

    @Override
    public Reader read() {
      return new StringReader(sql);
    }

    @Override
    public String getAbsolutePath() {
      return LOCATION + "/" + name;
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return getAbsolutePath();
    }

    @Override
    public String getFilename() {
      return name;
    }

    @Override
    public String getRelativePath() {
      return name;
    }
  }
}
