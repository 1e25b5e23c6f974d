package com.epicevents.crm.persistence.internal.credential;

import static com.epicevents.crm.persistence.internal.credential.TwoProcesses.cache;
import static com.epicevents.crm.persistence.internal.credential.TwoProcesses.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.out.ApiKey;
import com.epicevents.crm.application.port.out.ApiKeyFilter;
import com.epicevents.crm.application.port.out.Credential;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.domain.access.Scope;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * API keys on PostgreSQL, through two sets of adapters standing for two CRM processes: a key
 * resolves through the same credential cache as a session, and a revocation through one process
 * is refused by the other at once.
 */
class ApiKeyStoreTest extends OnTwoProcesses {
  @Test
  void aKeyIsStoredAsItsHashAndResolvesToItsOwnerAndScopes() {
    Collaborator owner = processes.newCollaborator(Team.SALES, NOW);
    ApiKey key = newKey(owner, Set.of(Scope.CLIENTS_READ, Scope.EVENTS_WRITE));

    Credential credential = b.apiKeys().findCredential(key.tokenHash()).orElseThrow();
    assertEquals(SessionKind.API_KEY, credential.kind());
    assertEquals(key.id(), credential.sessionId());
    assertEquals(owner.id(), credential.ownerId());
    assertEquals(Team.SALES, credential.ownerTeam());
    assertEquals(Set.of(Scope.CLIENTS_READ, Scope.EVENTS_WRITE), credential.scopes());
    assertEquals(key.expiresAt(), credential.absoluteExpiresAt());
    assertFalse(credential.revoked());
    assertEquals(1, cache(b).size(), "kept in memory like a session");

    ApiKey read = a.apiKeys().findById(key.id()).orElseThrow();
    assertEquals(owner.fullName().value(), read.ownerName());
    assertEquals(key.prefix(), read.prefix());
    assertEquals(read, key, "create answers the key as stored");
  }

  @Test
  void aRevocationThroughOneProcessIsRefusedByTheOtherWithinHalfASecond() {
    ApiKey key = newKey(processes.newCollaborator(Team.SUPPORT, NOW), Set.of(Scope.EVENTS_READ));
    b.apiKeys().findCredential(key.tokenHash());

    assertTrue(a.transactions().inTransaction(() -> a.apiKeys().revoke(key.id(), NOW)));
    assertTrue(a.apiKeys().findCredential(key.tokenHash()).orElseThrow().revoked(), "at once in the revoking process");
    waitUntil(() -> b.apiKeys().findCredential(key.tokenHash()).orElseThrow().revoked(), Duration.ofMillis(500));
    assertFalse(a.transactions().inTransaction(() -> a.apiKeys().revoke(key.id(), NOW)), "already revoked");
  }

  @Test
  void anOwnersTeamChangeMakesTheKeyRevokedEvenBeforeItIsMarked() {
    Collaborator owner = processes.newCollaborator(Team.SALES, NOW);
    ApiKey key = newKey(owner, Set.of(Scope.CLIENTS_READ));
    processes.ownerSql("UPDATE crm.collaborators SET team = 'SUPPORT' WHERE id = ?", owner.id().value());
    assertTrue(a.apiKeys().findCredential(key.tokenHash()).orElseThrow().revoked());
  }

  @Test
  void revokingAllOfAnOwnersKeysReturnsThemAndReachesTheOtherProcess() {
    Collaborator owner = processes.newCollaborator(Team.MANAGEMENT, NOW);
    ApiKey one = newKey(owner, Set.of(Scope.AUDIT_READ));
    ApiKey two = newKey(owner, Set.of(Scope.CHANGES_READ));
    ApiKey other = newKey(processes.newCollaborator(Team.MANAGEMENT, NOW), Set.of(Scope.AUDIT_READ));
    b.apiKeys().findCredential(one.tokenHash());
    b.apiKeys().findCredential(two.tokenHash());

    List<ApiKey> revoked = a.transactions().inTransaction(() -> a.apiKeys().revokeAllOf(owner.id(), NOW));

    assertEquals(List.of(one.id(), two.id()), revoked.stream().map(ApiKey::id).toList());
    waitUntil(() -> b.apiKeys().findCredential(two.tokenHash()).orElseThrow().revoked(), Duration.ofMillis(500));
    assertTrue(b.apiKeys().findCredential(one.tokenHash()).orElseThrow().revoked());
    assertFalse(b.apiKeys().findCredential(other.tokenHash()).orElseThrow().revoked());
  }

  @Test
  void listsFilterByOwnerAndUsabilityInIdOrder() {
    Collaborator owner = processes.newCollaborator(Team.SALES, NOW);
    ApiKey usable = newKey(owner, Set.of(Scope.CLIENTS_READ));
    ApiKey revoked = newKey(owner, Set.of(Scope.CLIENTS_READ));
    a.transactions().run(() -> a.apiKeys().revoke(revoked.id(), NOW));
    ApiKey soonExpired = a.apiKeys().create(key(owner, Set.of(Scope.CLIENTS_READ), NOW.plusSeconds(10)));

    var mine = a.apiKeys().list(new ApiKeyFilter(owner.id(), null), PageRequest.first(10), NOW);
    assertEquals(List.of(usable.id(), revoked.id(), soonExpired.id()), mine.items().stream().map(ApiKey::id).toList());
    var active = a.apiKeys().list(new ApiKeyFilter(owner.id(), true), PageRequest.first(10), NOW.plusSeconds(20));
    assertEquals(List.of(usable.id()), active.items().stream().map(ApiKey::id).toList());
    var inactive = a.apiKeys().list(new ApiKeyFilter(owner.id(), false), PageRequest.first(10), NOW.plusSeconds(20));
    assertEquals(List.of(revoked.id(), soonExpired.id()), inactive.items().stream().map(ApiKey::id).toList());
    var firstPage = a.apiKeys().list(new ApiKeyFilter(owner.id(), null), PageRequest.first(2), NOW);
    assertEquals(revoked.id(), firstPage.nextAfter());
    assertEquals(1, a.apiKeys().countActive(owner.id(), NOW.plusSeconds(20)));
  }

  @Test
  void aUseIsWrittenAtMostOnceAMinute() {
    ApiKey key = newKey(processes.newCollaborator(Team.SALES, NOW), Set.of(Scope.CLIENTS_READ));
    assertNull(lastUsed(key));
    a.apiKeys().recordUse(key.id(), NOW.plusSeconds(1));
    assertEquals(NOW.plusSeconds(1), lastUsed(key));
    a.apiKeys().recordUse(key.id(), NOW.plusSeconds(30));
    b.apiKeys().recordUse(key.id(), NOW.plusSeconds(40));
    assertEquals(NOW.plusSeconds(1), lastUsed(key), "neither process writes again within the minute");
    a.apiKeys().recordUse(key.id(), NOW.plusSeconds(62));
    assertEquals(NOW.plusSeconds(62), lastUsed(key), "a minute after its last write");
    b.apiKeys().recordUse(key.id(), NOW.plusSeconds(101));
    assertEquals(NOW.plusSeconds(62), lastUsed(key), "the database refuses a write within the minute of another's");
  }

  @Test
  void theDatabaseRefusesAnExpiryBeyond366DaysAndAnUnknownScope() {
    Collaborator owner = processes.newCollaborator(Team.SALES, NOW);
    assertThrows(RuntimeException.class, () -> a.apiKeys().create(
        key(owner, Set.of(Scope.CLIENTS_READ), NOW.plus(367, ChronoUnit.DAYS))));
    ApiKey key = newKey(owner, Set.of(Scope.CLIENTS_READ));
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> processes.ownerSql("UPDATE crm.api_keys SET scopes = ARRAY['clients:everything'] WHERE id = ?", key.id()));
    assertTrue(refused.getCause().getMessage().contains("api_keys_scopes_check"), refused.getCause().getMessage());
  }

  private ApiKey newKey(Collaborator owner, Set<Scope> scopes) {
    return a.apiKeys().create(key(owner, scopes, NOW.plus(90, ChronoUnit.DAYS)));
  }

  @Test
  void createAnswersTimesAtTheDatabasesPrecision() {
    Instant nanos = NOW.plusNanos(123_456_789);
    ApiKey created = a.apiKeys().create(new ApiKey(0, processes.newCollaborator(Team.SALES, NOW).id(), null, Team.SALES, "n",
        "Nn" + ThreadLocalRandom.current().nextInt(100_000, 999_999), randomHash(), Set.of(Scope.CLIENTS_READ), nanos,
        nanos.plus(1, ChronoUnit.DAYS), null, null));
    assertEquals(nanos.truncatedTo(ChronoUnit.MICROS), created.createdAt());
    assertEquals(created, a.apiKeys().findById(created.id()).orElseThrow());
  }

  private static ApiKey key(Collaborator owner, Set<Scope> scopes, Instant expiresAt) {
    String prefix = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36 * 36,
        36L * 36 * 36 * 36 * 36 * 36 * 36 * 36), 36);
    return new ApiKey(0, owner.id(), null, owner.team(), "key " + prefix, prefix, randomHash(), scopes, NOW,
        expiresAt, null, null);
  }

  private static String randomHash() {
    byte[] random = new byte[32];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private Instant lastUsed(ApiKey key) {
    try (Connection c = db.ownerDataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT last_used_at FROM crm.api_keys WHERE id = ?")) {
      ps.setLong(1, key.id());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        java.sql.Timestamp at = rs.getTimestamp(1);
        return at == null ? null : at.toInstant();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
