package com.epicevents.crm.bootstrap.cli;

import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.persistence.backup.BackupException;
import com.epicevents.crm.persistence.backup.BackupManifest;
import com.epicevents.crm.persistence.backup.DatabaseBackup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm admin restore --from FILE}: a backup into the configured database, which must be
 * initialised ({@code crm admin init}) at the backup's schema version and empty. All or nothing:
 * the manifest is checked, the rows counted and the audit trail verified before it is committed.
 */
@Command(name = "restore", description = "Restore a backup FILE into the configured database, which must be "
    + "initialised and empty; the audit trail is verified before anything is kept.")
final class AdminRestore implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "FILE", description = "a file written by crm admin backup")
  Path from;

  @Override
  public Integer call() throws IOException {
    Main main = Main.of(spec);
    CrmConfig config = main.config();
    BackupManifest manifest;
    try (DatabaseTarget target = DatabaseTarget.open(config, false);
         InputStream in = Files.newInputStream(from)) {
      manifest = DatabaseBackup.restore(target.owner(), in);
    } catch (NoSuchFileException e) {
      throw new CliFailure("no backup file " + from);
    } catch (BackupException e) {
      throw new CliFailure(e.getMessage());
    }
    long rows = manifest.tables().stream().mapToLong(BackupManifest.Table::rows).sum();
    main.environment().out().println("Restored " + rows + " rows in " + manifest.tables().size()
        + " tables from the backup of " + manifest.takenAt() + " (schema version " + manifest.schemaVersion()
        + "); audit trail intact: " + AdminBackup.entries(manifest.rows("audit_entries")) + " checked.");
    return Failures.SUCCESS;
  }
}
