package com.epicevents.crm.bootstrap.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * crm.conf, a Java properties file. Reading is plain; writing keeps the user's comments and
 * other keys, and the file is owner-only (rw-------) before any secret reaches it.
 */
public final class ConfigFile {
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private ConfigFile() {}

  /** The key/value pairs of the file; empty when it does not exist. */
  public static Map<String, String> read(Path file) {
    if (!Files.exists(file)) {
      return Map.of();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new CrmConfigException("cannot read the configuration file " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
    return values;
  }

  /**
   * Sets the given keys in the file, creating it (and its directory) if needed; other lines are
   * kept. The new content is written to an owner-only temporary file and moved into place, so
   * the file is never half-written nor readable by others, even for an instant.
   */
  public static void update(Path file, Map<Setting, String> values) {
    try {
      Path target = Files.exists(file) ? file.toRealPath() : file.toAbsolutePath();
      Path directory = target.getParent();
      if (!Files.isDirectory(directory)) {
        createPrivateDirectories(directory);
      }
      List<String> lines = Files.exists(target)
          ? new ArrayList<>(Files.readAllLines(target, StandardCharsets.UTF_8))
          : new ArrayList<>(List.of(
              "# Epic Events CRM configuration (Java properties). It holds database passwords:",
              "# keep it readable by its owner only."));
      values.forEach((setting, value) -> set(lines, setting.key(), value));

      Path temporary = POSIX
          ? Files.createTempFile(directory, ".crm-conf-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
          : Files.createTempFile(directory, ".crm-conf-", ".tmp");
      try {
        Files.write(temporary, lines, StandardCharsets.UTF_8);
        try {
          Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new CrmConfigException("cannot write the configuration file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Creates a directory tree readable by its owner only (it will hold secrets and the database). */
  /**
   * Makes an existing directory (the CRM home) readable by its owner only, as a new one is.
   *
   * @return the permissions it had when they were wider (e.g. {@code rwxr-xr-x}), else empty
   */
  public static java.util.Optional<String> tightenDirectory(Path directory) throws IOException {
    if (!POSIX || !Files.isDirectory(directory)) {
      return java.util.Optional.empty();
    }
    Set<PosixFilePermission> now = Files.getPosixFilePermissions(directory);
    if (now.equals(OWNER_ONLY_DIR)) {
      return java.util.Optional.empty();
    }
    Files.setPosixFilePermissions(directory, OWNER_ONLY_DIR);
    return java.util.Optional.of(PosixFilePermissions.toString(now));
  }

  /** Makes an existing file readable and writable by its owner only (no-op elsewhere than POSIX). */
  public static void makeOwnerOnly(Path file) throws IOException {
    if (POSIX && Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
    }
  }

  /** Creates an empty owner-only file unless it exists, and makes it owner-only if it does. */
  public static void createOwnerOnlyFile(Path file) throws IOException {
    if (!Files.exists(file)) {
      try {
        if (POSIX) {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } else {
          Files.createFile(file);
        }
        return;
      } catch (java.nio.file.FileAlreadyExistsException raced) {
        // made meanwhile: tighten it below
      }
    }
    makeOwnerOnly(file);
  }

  public static void createPrivateDirectories(Path directory) throws IOException {
    if (POSIX) {
      FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR);
      Files.createDirectories(directory, ownerOnly);
    } else {
      Files.createDirectories(directory);
    }
  }

  private static void set(List<String> lines, String key, String value) {
    String line = key + "=" + escape(value);
    for (int i = 0; i < lines.size(); i++) {
      if (key.equals(keyOf(lines.get(i)))) {
        // A value continued over several lines ends each line but the last with a backslash.
        boolean continued = continues(lines.get(i));
        while (continued && i + 1 < lines.size()) {
          continued = continues(lines.get(i + 1));
          lines.remove(i + 1);
        }
        lines.set(i, line);
        return;
      }
    }
    lines.add(line);
  }

  private static String keyOf(String line) {
    String trimmed = line.stripLeading();
    if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
      return null;
    }
    int end = 0;
    while (end < trimmed.length() && "=: \t\f".indexOf(trimmed.charAt(end)) < 0) {
      end++;
    }
    return trimmed.substring(0, end);
  }

  private static boolean continues(String line) {
    int backslashes = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  private static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        out.append("\\\\");
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else if (i == 0 && (c == ' ' || c == '\t')) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
