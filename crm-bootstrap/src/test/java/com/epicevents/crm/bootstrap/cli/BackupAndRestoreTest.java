package com.epicevents.crm.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CreateClientUseCase;
import com.epicevents.crm.application.port.in.CreateCollaboratorUseCase;
import com.epicevents.crm.application.port.in.CreateManagerAsAdminUseCase;
import com.epicevents.crm.application.port.in.LogInUseCase;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.core.CrmCore;
import com.epicevents.crm.persistence.AuditVerification;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.backup.BackupManifest;
import com.epicevents.crm.persistence.backup.DatabaseBackup;
import com.epicevents.crm.persistence.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm admin backup} while writers run, then {@code crm admin restore} into another
 * database: the restored counts and audit chain are the snapshot's, the audit verifies, and a
 * restore into a database that has rows is refused.
 */
class BackupAndRestoreTest {
  @TempDir Path home;
  @TempDir Path userHome;
  @TempDir Path backups;

  record Result(int status, String out, String err) {
    @Override
    public String toString() {
      return "exit " + status + "\n" + out + err;
    }
  }

  @Test
  void aBackupTakenWhileWritersRunRestoresElsewhereWithTheSnapshotsCountsAndAnIntactAuditTrail() throws Exception {
    Path file = backups.resolve("crm.backup");
    try (TestDatabase source = TestDatabase.fresh(); TestDatabase copy = TestDatabase.fresh();
         HikariDataSource pool = CrmDatabase.pooledDataSource(source.jdbcUrl(), source.appRole(), source.appPassword(), 8)) {
      UseCases crm = CrmCore.builder(pool).build().useCases();
      AuthToken seller = seller(crm);
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicInteger created = new AtomicInteger();
      ExecutorService writers = Executors.newFixedThreadPool(4);
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        int writer = w;
        running.add(writers.submit(() -> {
          for (int n = 0; writing.get(); n++) {
            crm.createClient().create(seller, CreateClientUseCase.Command.of("Client " + writer + " " + n, null,
                "0612345678", "Company " + writer + " " + n, null));
            created.incrementAndGet();
          }
          return null;
        }));
      }
      Result backup;
      try {
        while (created.get() < 20) {
          Thread.sleep(20);
        }
        backup = crm(source, "admin", "backup", "--to", file.toString());
        Thread.sleep(200);
      } finally {
        writing.set(false);
        for (Future<?> r : running) {
          r.get(60, TimeUnit.SECONDS);
        }
        writers.shutdownNow();
      }
      assertEquals(0, backup.status(), backup::toString);
      assertTrue(backup.out().startsWith("Backup written to " + file), backup::toString);
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      BackupManifest manifest;
      try (InputStream in = Files.newInputStream(file)) {
        manifest = DatabaseBackup.readManifest(in);
      }
      long clientsInSnapshot = manifest.rows("clients");
      assertTrue(clientsInSnapshot >= 20, "the snapshot has the clients created before it: " + clientsInSnapshot);
      assertTrue(CrmDatabase.recordCounts(source.ownerDataSource()).get("clients") > clientsInSnapshot,
          "writers went on after the snapshot");

      Result restore = crm(copy, "admin", "restore", "--from", file.toString());

      assertEquals(0, restore.status(), restore::toString);
      Map<String, Long> restored = CrmDatabase.recordCounts(copy.ownerDataSource());
      for (BackupManifest.Table table : manifest.tables()) {
        assertEquals(table.rows(), countOf(copy, table.name()), table.name());
      }
      assertEquals(clientsInSnapshot, restored.get("clients"));
      AuditVerification audit = CrmDatabase.verifyAudit(copy.ownerDataSource());
      assertTrue(audit.intact(), audit::toString);
      assertEquals(manifest.rows("audit_entries"), audit.checked());
      Result verify = crm(copy, "admin", "verify-audit");
      assertEquals(0, verify.status(), verify::toString);
      assertEquals("Audit trail intact: " + manifest.rows("audit_entries") + " entries checked.", verify.out().strip());

      UseCases restoredCrm = CrmCore.builder(copy.appDataSource()).build().useCases();
      AuthToken sameSeller = restoredCrm.logIn().logIn(new LogInUseCase.Command("bob",
          "a seller's long passphrase".toCharArray(), SessionKind.API)).token();
      restoredCrm.createClient().create(sameSeller, CreateClientUseCase.Command.of("After The Restore", null,
          "0612345678", "New Co", null));
      assertTrue(CrmDatabase.verifyAudit(copy.ownerDataSource()).intact(), "the chain goes on after the restore");

      Result again = crm(copy, "admin", "restore", "--from", file.toString());
      assertEquals(1, again.status(), again::toString);
      assertTrue(again.err().contains("the database is not empty"), again::toString);
    }
  }

  @Test
  void aBackupNeverOverwritesAFile() throws Exception {
    Path existing = Files.writeString(backups.resolve("taken"), "mine");
    try (TestDatabase source = TestDatabase.fresh()) {
      Result backup = crm(source, "admin", "backup", "--to", existing.toString());
      assertEquals(1, backup.status(), backup::toString);
      assertEquals("mine", Files.readString(existing));
    }
  }

  private static long countOf(TestDatabase db, String table) throws Exception {
    try (var c = db.ownerDataSource().getConnection(); var s = c.createStatement();
         var rs = s.executeQuery("SELECT count(*) FROM crm." + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static AuthToken seller(UseCases crm) {
    crm.createManagerAsAdmin().execute(CreateManagerAsAdminUseCase.Command.of(
        "ada", "Ada Lovelace", "+44 20 7946 0000", "ada@epic-events.test", "a long and private passphrase".toCharArray()));
    AuthToken ada = crm.logIn().logIn(new LogInUseCase.Command(
        "ada", "a long and private passphrase".toCharArray(), SessionKind.API)).token();
    crm.createCollaborator().create(ada, CreateCollaboratorUseCase.Command.of(
        "bob", "Bob Seller", null, "0102030405", "SALES", "a seller's long passphrase".toCharArray()));
    return crm.logIn().logIn(new LogInUseCase.Command(
        "bob", "a seller's long passphrase".toCharArray(), SessionKind.API)).token();
  }

  /** {@code crm} in-process on this test database, as its owner. */
  private Result crm(TestDatabase db, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> variables = new java.util.HashMap<>(Map.of("CRM_HOME", home.toString(),
        "CRM_DB_URL", db.jdbcUrl(), "CRM_DB_USER", db.ownerUser()));
    if (db.ownerPassword() != null) { // the embedded test server trusts local connections
      variables.put("CRM_DB_PASSWORD", db.ownerPassword());
    }
    CliEnvironment environment = new CliEnvironment(variables, userHome, new ByteArrayInputStream(new byte[0]),
        new PrintWriter(out, true), new PrintWriter(err, true), null);
    int status = Main.run(environment, args);
    return new Result(status, out.toString(), err.toString());
  }
}
