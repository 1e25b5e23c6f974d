package com.epicevents.crm.bootstrap.cli;

import com.epicevents.crm.bootstrap.config.ConfigFile;
import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.persistence.backup.BackupException;
import com.epicevents.crm.persistence.backup.BackupManifest;
import com.epicevents.crm.persistence.backup.DatabaseBackup;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm admin backup --to FILE}: a consistent snapshot of the CRM database, taken while the
 * CRM runs, into a new compressed owner-only file (see {@link DatabaseBackup}). An existing file
 * is never overwritten; a failed backup leaves no file.
 */
@Command(name = "backup", description = "Write a consistent, compressed snapshot of the CRM database to a new FILE "
    + "(works while the CRM runs).")
final class AdminBackup implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--to", required = true, paramLabel = "FILE", description = "the backup file to create")
  Path to;

  @Override
  public Integer call() throws IOException {
    Main main = Main.of(spec);
    CrmConfig config = main.config();
    Path file = to.toAbsolutePath();
    if (Files.exists(file)) {
      throw new CliFailure(file + " already exists: choose a new file name (a backup never overwrites one)");
    }
    Path directory = file.getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      throw new CliFailure("the directory of " + file + " does not exist");
    }
    BackupManifest manifest;
    try (DatabaseTarget target = DatabaseTarget.open(config, false)) {
      Path partial = Files.createTempFile(directory, ".crm-backup-", ".partial");
      try {
        ConfigFile.makeOwnerOnly(partial);
        try (OutputStream out = Files.newOutputStream(partial)) {
          manifest = DatabaseBackup.backup(target.owner(), out);
        }
        try {
          Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(partial, file);
        }
      } catch (BackupException e) {
        throw new CliFailure(e.getMessage());
      } finally {
        Files.deleteIfExists(partial);
      }
    }
    long rows = manifest.tables().stream().mapToLong(BackupManifest.Table::rows).sum();
    main.environment().out().println("Backup written to " + file + " (" + Files.size(file) + " bytes, owner-only): "
        + rows + " rows in " + manifest.tables().size() + " tables, schema version " + manifest.schemaVersion()
        + ", " + entries(manifest.rows("audit_entries"))
        + (manifest.auditHeadHash() == null ? "" : " ending at " + manifest.auditHeadHash()) + ".");
    return Failures.SUCCESS;
  }

  static String entries(long count) {
    return count + (count == 1 ? " audit entry" : " audit entries");
  }
}
