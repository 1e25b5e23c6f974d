package com.epicevents.crm.persistence.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A restore checks the file before it keeps anything: a refused one leaves the database empty. */
class RestoreRefusalsTest {
  static TestDatabase source;
  static TestDatabase target;
  static byte[] backup;

  @BeforeAll
  static void backUpAnEmptyCrm() {
    source = TestDatabase.fresh();
    target = TestDatabase.fresh();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BackupManifest manifest = DatabaseBackup.backup(source.ownerDataSource(), out);
    assertEquals(CrmDatabase.schemaVersion(source.ownerDataSource()).orElseThrow(), manifest.schemaVersion());
    assertTrue(manifest.tables().stream().anyMatch(t -> t.name().equals("audit_entries")));
    backup = out.toByteArray();
  }

  @AfterAll
  static void dropThem() {
    source.close();
    target.close();
  }

  @Test
  void aFileThatIsNotABackupIsRefused() {
    BackupException refused = assertThrows(BackupException.class, () -> DatabaseBackup.restore(target.ownerDataSource(),
        new ByteArrayInputStream("just some text".getBytes(StandardCharsets.UTF_8))));
    assertTrue(refused.getMessage().contains("not a CRM backup"), refused.getMessage());
  }

  @Test
  void aBackupOfAnotherSchemaVersionIsRefused() throws IOException {
    byte[] other = withManifest(json -> json.replaceFirst("\"schemaVersion\" : \"[^\"]*\"", "\"schemaVersion\" : \"1\""));
    BackupException refused = assertThrows(BackupException.class,
        () -> DatabaseBackup.restore(target.ownerDataSource(), new ByteArrayInputStream(other)));
    assertTrue(refused.getMessage().startsWith("the backup is of schema version 1 but this database is at"),
        refused.getMessage());
  }

  @Test
  void aManifestThatDoesNotMatchTheRowsIsRefusedAndNothingIsKept() throws IOException {
    byte[] damaged = withManifest(json -> json.replaceFirst(
        "(\"name\" : \"collaborators\",[^}]*\"rows\" : )0", "$11"));
    BackupException refused = assertThrows(BackupException.class,
        () -> DatabaseBackup.restore(target.ownerDataSource(), new ByteArrayInputStream(damaged)));
    assertTrue(refused.getMessage().contains("collaborators has 0 rows in the backup, the manifest says 1"),
        refused.getMessage());
    assertTrue(CrmDatabase.recordCounts(target.ownerDataSource()).values().stream().allMatch(n -> n == 0));
  }

  @Test
  void theUntouchedBackupRestoresIntoAnEmptyDatabase() {
    try (TestDatabase fresh = TestDatabase.fresh()) {
      BackupManifest restored = DatabaseBackup.restore(fresh.ownerDataSource(), new ByteArrayInputStream(backup));
      assertEquals(0, restored.rows("collaborators"));
    }
  }

  /** The backup with its manifest rewritten. */
  private static byte[] withManifest(UnaryOperator<String> edit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(backup));
         ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        byte[] content = in.readAllBytes();
        if (entry.getName().equals("manifest.json")) {
          String json = new String(content, StandardCharsets.UTF_8);
          String edited = edit.apply(json);
          assertTrue(!edited.equals(json), "the edit changed the manifest");
          content = edited.getBytes(StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(entry.getName()));
        zip.write(content);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
