package com.epicevents.crm.persistence.internal.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.MutableClock;
import com.epicevents.crm.application.port.out.Credential;
import com.epicevents.crm.application.port.out.Session;
import com.epicevents.crm.application.port.out.SessionKind;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two sets of adapters on one database stand for two CRM processes: each keeps resolved
 * credentials in memory, and a revocation through one is refused by the other at once.
 */
class CredentialInvalidationTest {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static TestDatabase db;

  private final MutableClock clock = new MutableClock(NOW);
  private PersistenceAdapters a;
  private PersistenceAdapters b;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @BeforeEach
  void twoProcesses() {
    a = CrmDatabase.adapters(db.appDataSource(), clock);
    b = CrmDatabase.adapters(db.appDataSource(), clock);
    waitUntil(() -> cache(a).trusted() && cache(b).trusted(), Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
  }

  @Test
  void credentialsAreServedFromMemoryUntilTheirTimeToLiveEnds() {
    Session session = newSession(newCollaborator(Team.SALES));
    b.sessions().findCredential(session.tokenHash());

    ownerSql("UPDATE crm.sessions SET revoked = true, revoked_at = now() WHERE id = ?", session.id());

    assertFalse(b.sessions().findCredential(session.tokenHash()).orElseThrow().revoked(),
        "a change made behind the CRM's back is not announced: memory still answers");
    assertTrue(b.sessions().findCredentialInStore(session.tokenHash()).orElseThrow().revoked());
    long started = System.nanoTime();
    waitUntil(() -> b.sessions().findCredential(session.tokenHash()).orElseThrow().revoked(), Duration.ofSeconds(8));
    long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
    assertTrue(waited <= CredentialCache.TIME_TO_LIVE.toMillis() + 500, "seen after " + waited + " ms");
  }

  @Test
  void theProcessThatRevokesRefusesTheSessionAsSoonAsTheRevocationReturns() {
    Collaborator owner = newCollaborator(Team.SUPPORT);
    Session one = newSession(owner);
    Session two = newSession(owner);
    a.sessions().findCredential(one.tokenHash());
    a.sessions().findCredential(two.tokenHash());
    assertEquals(2, cache(a).size());

    a.transactions().run(() -> a.sessions().revoke(one.id()));
    assertTrue(a.sessions().findCredential(one.tokenHash()).orElseThrow().revoked());

    a.transactions().run(() -> a.sessions().revokeAllOf(owner.id(), null));
    assertTrue(a.sessions().findCredential(two.tokenHash()).orElseThrow().revoked());
  }

  @Test
  void aRevocationThroughOneProcessReachesTheOtherWithinAFewMilliseconds() {
    Collaborator owner = newCollaborator(Team.SALES);
    Session session = newSession(owner);
    Session other = newSession(owner);
    b.sessions().findCredential(session.tokenHash());
    b.sessions().findCredential(other.tokenHash());

    a.transactions().run(() -> a.sessions().revoke(session.id()));
    long started = System.nanoTime();
    waitUntil(() -> b.sessions().findCredential(session.tokenHash()).orElseThrow().revoked(), Duration.ofSeconds(1));
    long micros = (System.nanoTime() - started) / 1000;
    assertTrue(micros < 100_000, "took " + micros + " µs");

    a.transactions().run(() -> a.sessions().revokeAllOf(owner.id(), null));
    waitUntil(() -> b.sessions().findCredential(other.tokenHash()).orElseThrow().revoked(), Duration.ofMillis(100));
  }

  @Test
  void withItsListenerKilledAProcessReadsTheDatabaseUntilTheListenerIsBackByItself() {
    Collaborator owner = newCollaborator(Team.MANAGEMENT);
    Session session = newSession(owner);
    b.sessions().findCredential(session.tokenHash());
    int killed = cache(b).listenerBackendPid();
    assertNotEquals(0, killed);

    ownerSql("SELECT pg_terminate_backend(?::int)", killed);
    a.transactions().run(() -> a.sessions().revoke(session.id()));

    // The revocation's message is lost with the listener. B notices the broken connection as
    // fast as it would have received the message (the server closes the socket at once), then
    // reads the database for every lookup: refused well within the bound of a NOTIFY, never by
    // waiting for the entry's time-to-live.
    long started = System.nanoTime();
    waitUntil(() -> b.sessions().findCredential(session.tokenHash()).orElseThrow().revoked(), Duration.ofSeconds(1));
    long micros = (System.nanoTime() - started) / 1000;
    assertTrue(micros < 100_000, "took " + micros + " µs");
    waitUntil(() -> cache(b).trusted() && cache(b).listenerBackendPid() != killed, Duration.ofSeconds(10));
    assertTrue(b.sessions().findCredential(session.tokenHash()).orElseThrow().revoked());

    Session fresh = newSession(owner);
    b.sessions().findCredential(fresh.tokenHash());
    assertEquals(1, cache(b).size(), "back to serving from memory");
    a.transactions().run(() -> a.sessions().revoke(fresh.id()));
    waitUntil(() -> b.sessions().findCredential(fresh.tokenHash()).orElseThrow().revoked(), Duration.ofSeconds(1));
  }

  @Test
  void aUseIsWrittenBehindBeforeAnyProcessCouldFindTheSessionIdle() {
    Session session = newSession(newCollaborator(Team.SALES));
    Instant used = NOW.plusSeconds(35);

    a.sessions().recordUse(session.id(), used, NOW.plusSeconds(55));

    assertEquals(used, a.sessions().findCredential(session.tokenHash()).orElseThrow().lastUsedAt());
    assertEquals(NOW, b.sessions().findCredentialInStore(session.tokenHash()).orElseThrow().lastUsedAt(),
        "not written yet: at most one write a minute per session");
    clock.set(NOW.plusSeconds(50));
    ((MyBatisSessionStore) a.sessions()).uses().flushDue();
    assertEquals(NOW, b.sessions().findCredentialInStore(session.tokenHash()).orElseThrow().lastUsedAt());
    clock.set(NOW.plusSeconds(54).plusMillis(100));
    ((MyBatisSessionStore) a.sessions()).uses().flushDue();
    Credential stored = b.sessions().findCredentialInStore(session.tokenHash()).orElseThrow();
    assertEquals(used, stored.lastUsedAt());
  }

  private static CredentialCache cache(PersistenceAdapters adapters) {
    return ((MyBatisSessionStore) adapters.sessions()).credentialCache();
  }

  private Collaborator newCollaborator(Team team) {
    String username = "u" + NAMES.incrementAndGet() + "x" + ThreadLocalRandom.current().nextInt(1_000_000);
    return a.collaborators().insert(Collaborator.create(new Username(username), new PersonName("Name " + username),
        new Email(username + "@epic.example"), new Phone("+33 1 23 45 67 89"), team,
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", NOW));
  }

  private Session newSession(Collaborator owner) {
    byte[] random = new byte[32];
    ThreadLocalRandom.current().nextBytes(random);
    return a.sessions().create(new Session(0, HexFormat.of().formatHex(random), owner.id(), SessionKind.API, NOW, NOW,
        NOW.plus(12, ChronoUnit.HOURS), NOW, false));
  }

  private static void ownerSql(String sql, long parameter) {
    try (Connection c = db.ownerDataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, parameter);
      ps.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void waitUntil(BooleanSupplier condition, Duration atMost) {
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
}
