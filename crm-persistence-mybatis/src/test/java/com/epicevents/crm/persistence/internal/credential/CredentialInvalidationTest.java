package com.epicevents.crm.persistence.internal.credential;

import static com.epicevents.crm.persistence.internal.credential.TwoProcesses.cache;
import static com.epicevents.crm.persistence.internal.credential.TwoProcesses.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.out.Credential;
import com.epicevents.crm.application.port.out.Session;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.persistence.internal.repository.MyBatisSessionStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Two sets of adapters on one database stand for two CRM processes: each keeps resolved
 * credentials in memory, and a revocation through one is refused by the other at once.
 */
class CredentialInvalidationTest extends OnTwoProcesses {
  @Test
  void credentialsAreServedFromMemoryUntilTheirTimeToLiveEnds() {
    Session session = newSession(processes.newCollaborator(Team.SALES, NOW));
    b.sessions().findCredential(session.tokenHash());

    processes.ownerSql("UPDATE crm.sessions SET revoked = true, revoked_at = now() WHERE id = ?", session.id());

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
    Collaborator owner = processes.newCollaborator(Team.SUPPORT, NOW);
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
    Collaborator owner = processes.newCollaborator(Team.SALES, NOW);
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
    Collaborator owner = processes.newCollaborator(Team.MANAGEMENT, NOW);
    Session session = newSession(owner);
    b.sessions().findCredential(session.tokenHash());
    int killed = cache(b).listenerBackendPid();
    assertNotEquals(0, killed);

    processes.ownerSql("SELECT pg_terminate_backend(?::int)", killed);
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
    Session session = newSession(processes.newCollaborator(Team.SALES, NOW));
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

  private Session newSession(Collaborator owner) {
    byte[] random = new byte[32];
    ThreadLocalRandom.current().nextBytes(random);
    return a.sessions().create(new Session(0, HexFormat.of().formatHex(random), owner.id(), SessionKind.API, NOW, NOW,
        NOW.plus(12, ChronoUnit.HOURS), NOW, false));
  }
}
