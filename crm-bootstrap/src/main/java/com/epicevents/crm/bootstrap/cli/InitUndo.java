package com.epicevents.crm.bootstrap.cli;

import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.bootstrap.embedded.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an initialisation may create, noted before it starts, so that a refused or failed one
 * leaves nothing behind (the command-line contract): the configuration file is put back as it
 * was (or removed), and the embedded database's files and the CRM home are removed when this
 * initialisation created them. Things that existed before are never touched.
 */
final class InitUndo {
  private static final Logger LOG = LoggerFactory.getLogger(InitUndo.class);

  private final Path home;
  private final boolean homeExisted;
  private final Path configFile;
  private final byte[] configBefore;
  private final Path[] embeddedFiles;
  private final boolean[] embeddedFilesExisted;

  private InitUndo(CrmConfig config) {
    home = config.home();
    homeExisted = Files.exists(home);
    configFile = config.configFile();
    configBefore = read(configFile);
    embeddedFiles = new Path[] {EmbeddedDatabase.dataDirectory(home), EmbeddedDatabase.lockFile(home),
        EmbeddedDatabase.logFile(home)};
    embeddedFilesExisted = new boolean[embeddedFiles.length];
    for (int i = 0; i < embeddedFiles.length; i++) {
      embeddedFilesExisted[i] = Files.exists(embeddedFiles[i]);
    }
  }

  /** Notes the state before an initialisation with this configuration. */
  static InitUndo before(CrmConfig config) {
    return new InitUndo(config);
  }

  /** Puts back the state noted; problems are logged, never thrown (the first failure matters). */
  void undo() {
    try {
      if (configBefore == null) {
        Files.deleteIfExists(configFile);
      } else if (!java.util.Arrays.equals(configBefore, read(configFile))) {
        Files.write(configFile, configBefore);
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("could not put {} back as it was: {}", configFile, e.getMessage());
    }
    for (int i = 0; i < embeddedFiles.length; i++) {
      if (!embeddedFilesExisted[i]) {
        deleteRecursively(embeddedFiles[i]);
      }
    }
    if (!homeExisted) {
      try (Stream<Path> left = Files.exists(home) ? Files.list(home) : Stream.empty()) {
        if (left.findAny().isEmpty()) {
          Files.deleteIfExists(home);
        }
      } catch (IOException e) {
        LOG.warn("could not remove {}: {}", home, e.getMessage());
      }
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.exists(file) ? Files.readAllBytes(file) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          LOG.warn("could not remove {}: {}", p, e.getMessage());
        }
      });
    } catch (IOException e) {
      LOG.warn("could not remove {}: {}", path, e.getMessage());
    }
  }
}
