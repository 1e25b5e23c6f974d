package com.epicevents.crm.persistence.internal.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.epicevents.crm.application.port.out.Credential;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Team;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cache's own rules, without a database: what it keeps, and what it must never keep. */
class CredentialCacheTest {
  private static final Instant NOW = Instant.parse("2031-05-04T10:15:30Z");
  private final CredentialCache cache = new CredentialCache(100);
  private final AtomicInteger loads = new AtomicInteger();

  private static Credential credential(long sessionId, long ownerId, boolean revoked) {
    return new Credential(sessionId, "hash" + sessionId, SessionKind.API, CollaboratorId.of(ownerId), Team.SALES, true,
        NOW.plusSeconds(3600), NOW, revoked);
  }

  private Optional<Credential> load(Credential c) {
    loads.incrementAndGet();
    return Optional.of(c);
  }

  @Test
  void nothingIsKeptUntilInvalidationsArrive() {
    Credential c = credential(1, 10, false);
    cache.get("hash1", h -> load(c));
    cache.get("hash1", h -> load(c));
    assertEquals(2, loads.get());

    cache.trust(true, 42);
    cache.get("hash1", h -> load(c));
    cache.get("hash1", h -> load(c));
    assertEquals(3, loads.get());
  }

  @Test
  void losingTheListenerEmptiesTheCacheAndStopsKeeping() {
    cache.trust(true, 42);
    Credential c = credential(1, 10, false);
    cache.get("hash1", h -> load(c));
    cache.trust(false, 0);
    assertEquals(0, cache.size());
    cache.get("hash1", h -> load(c));
    assertEquals(0, cache.size());
  }

  @Test
  void anInvalidationDuringALoadDropsWhatThatLoadRead() {
    cache.trust(true, 42);
    Credential stale = credential(1, 10, false);
    cache.get("hash1", h -> {
      cache.invalidateOwner(10); // the revocation commits while this lookup reads the old row
      return load(stale);
    });
    assertEquals(0, cache.size(), "the old state must not stay behind");
  }

  @Test
  void messagesDropBySessionOrOwnerAndAnythingElseDropsAll() {
    cache.trust(true, 42);
    cache.get("hash1", h -> load(credential(1, 10, false)));
    cache.get("hash2", h -> load(credential(2, 10, false)));
    cache.get("hash3", h -> load(credential(3, 20, false)));

    cache.apply(CredentialCache.sessionEnded(1));
    assertEquals(2, cache.size());
    cache.apply(CredentialCache.ownerChanged(10));
    assertEquals(1, cache.size());
    cache.apply("something newer");
    assertEquals(0, cache.size());
  }

  @Test
  void aRevokedCredentialIsNeverKept() {
    cache.trust(true, 42);
    assertFalse(cache.get("hash1", h -> load(credential(1, 10, true))).isEmpty());
    assertEquals(0, cache.size());
  }

  @Test
  void aKeyAndASessionWithTheSameIdAreDroppedSeparately() {
    cache.trust(true, 42);
    Credential session = credential(7, 10, false);
    Credential key = new Credential(7, "key7", SessionKind.API_KEY, CollaboratorId.of(11), Team.SALES, true,
        NOW.plusSeconds(3600), NOW, false, java.util.Set.of());
    cache.get("hash7", h -> load(session));
    cache.get("key7", h -> load(key));

    cache.apply(CredentialCache.keyRevoked(7));
    assertEquals(1, cache.size(), "the session with the same id stays");
    assertEquals(Optional.of(session), cache.get("hash7", h -> Optional.empty()));
    cache.get("key7", h -> load(key));
    cache.apply(CredentialCache.sessionEnded(7));
    assertEquals(1, cache.size(), "the key with the same id stays");
    assertEquals(Optional.of(key), cache.get("key7", h -> Optional.empty()));
  }
}
