package com.epicevents.crm.persistence.internal.credential;

import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.Username;
import com.epicevents.crm.domain.common.Email;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.PersistenceAdapters;
import com.epicevents.crm.persistence.internal.repository.MyBatisSessionStore;
import com.epicevents.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Two sets of adapters on one database, standing for two CRM processes, each with its credential
 * cache trusted (its invalidation listener connected) before a test starts.
 */
final class TwoProcesses implements AutoCloseable {
  private static final AtomicInteger NAMES = new AtomicInteger();

  final TestDatabase db;
  final PersistenceAdapters a;
  final PersistenceAdapters b;

  TwoProcesses(TestDatabase db, Clock clock) {
    this.db = db;
    this.a = CrmDatabase.adapters(db.appDataSource(), clock);
    this.b = CrmDatabase.adapters(db.appDataSource(), clock);
    waitUntil(() -> cache(a).trusted() && cache(b).trusted(), Duration.ofSeconds(10));
  }

  static CredentialCache cache(PersistenceAdapters adapters) {
    return ((MyBatisSessionStore) adapters.sessions()).credentialCache();
  }

  /** A new collaborator of this team, stored through A. */
  Collaborator newCollaborator(Team team, Instant now) {
    String username = "u" + NAMES.incrementAndGet() + "x" + ThreadLocalRandom.current().nextInt(1_000_000);
    return a.collaborators().insert(Collaborator.create(new Username(username), new PersonName("Name " + username),
        new Email(username + "@epic.example"), new Phone("+33 1 23 45 67 89"), team,
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", now));
  }

  /** A statement run as the database owner, behind the CRM's back (no announcement). */
  void ownerSql(String sql, long parameter) {
    try (Connection c = db.ownerDataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, parameter);
      ps.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void waitUntil(BooleanSupplier condition, Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not true within " + atMost.toMillis() + " ms");
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Override
  public void close() {
    a.close();
    b.close();
  }
}
