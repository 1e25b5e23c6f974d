package com.epicevents.crm.persistence.internal.credential;

import com.epicevents.crm.application.port.out.Credential;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Resolved credentials kept in memory, keyed by token hash: what every API request would
 * otherwise read from the database. It is safe because it is emptied at once by every event
 * that ends a credential:
 * <ul>
 *   <li>in this process, by the store that revokes, once its transaction has committed and before
 *       the request that revoked is answered;</li>
 *   <li>in the others, by {@link CredentialListener} (PostgreSQL {@code LISTEN/NOTIFY}).</li>
 * </ul>
 * While the listener is not connected, nothing is kept: every lookup goes to the database.
 * Entries also live at most {@link #TIME_TO_LIVE}, a second wall against anything missed.
 *
 * <p>A lookup that races an invalidation never leaves the old state behind: every invalidation
 * moves an epoch forward, and a loader that sees the epoch moved while it read removes what it
 * put. Any bearer secret (sessions and API keys) can be kept here: the key is the hash
 * of the secret, the value says whose it is (owner, team, active) and until when.
 */
public final class CredentialCache {
  public static final Duration TIME_TO_LIVE = Duration.ofSeconds(5);

  private final Cache<String, Credential> entries;
  private final AtomicLong epoch = new AtomicLong();
  private volatile boolean trusted;
  private volatile int listenerBackendPid;

  public CredentialCache(long maximumSize) {
    this.entries = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(TIME_TO_LIVE).build();
  }

  /** The credential from memory, else from {@code loader} (kept only while invalidations arrive). */
  public Optional<Credential> get(String tokenHash, Function<String, Optional<Credential>> loader) {
    if (trusted) {
      Credential known = entries.getIfPresent(tokenHash);
      if (known != null) {
        return Optional.of(known);
      }
    }
    long before = epoch.get();
    Optional<Credential> loaded = loader.apply(tokenHash);
    if (loaded.isPresent() && trusted && !loaded.get().revoked()) {
      entries.put(tokenHash, loaded.get());
      if (epoch.get() != before || !trusted) {
        entries.invalidate(tokenHash); // an invalidation ran while this was read: it may be stale
      }
    }
    return loaded;
  }

  /** Forgets the session with this id. */
  public void invalidateSession(long sessionId) {
    epoch.incrementAndGet();
    entries.asMap().values().removeIf(c -> !c.apiKey() && c.sessionId() == sessionId);
  }

  /** Forgets the API key with this id. */
  public void invalidateKey(long keyId) {
    epoch.incrementAndGet();
    entries.asMap().values().removeIf(c -> c.apiKey() && c.sessionId() == keyId);
  }

  /** Forgets every credential of this collaborator. */
  public void invalidateOwner(long collaboratorId) {
    epoch.incrementAndGet();
    entries.asMap().values().removeIf(c -> c.ownerId().value() == collaboratorId);
  }

  /** Forgets everything. */
  public void invalidateAll() {
    epoch.incrementAndGet();
    entries.invalidateAll();
  }

  /**
   * Whether invalidations from other processes are arriving. Turning it on or off empties the
   * cache; while it is off nothing is kept.
   */
  public void trust(boolean invalidationsArrive, int listenerBackendPid) {
    if (!invalidationsArrive) {
      trusted = false;
      this.listenerBackendPid = 0;
      invalidateAll();
    } else {
      invalidateAll();
      this.listenerBackendPid = listenerBackendPid;
      trusted = true;
    }
  }

  /** The database server process of the listener feeding this cache, 0 while none is connected. */
  public int listenerBackendPid() {
    return listenerBackendPid;
  }

  public boolean trusted() {
    return trusted;
  }

  /** How many credentials are kept (for tests and status). */
  public long size() {
    entries.cleanUp();
    return entries.estimatedSize();
  }

  /** What an invalidation message says, as {@link CredentialListener} receives it. */
  public void apply(String message) {
    if (message == null) {
      invalidateAll();
      return;
    }
    try {
      if (message.startsWith(SESSION)) {
        invalidateSession(Long.parseLong(message.substring(SESSION.length())));
      } else if (message.startsWith(KEY)) {
        invalidateKey(Long.parseLong(message.substring(KEY.length())));
      } else if (message.startsWith(OWNER)) {
        invalidateOwner(Long.parseLong(message.substring(OWNER.length())));
      } else {
        invalidateAll();
      }
    } catch (NumberFormatException unreadable) {
      invalidateAll();
    }
  }

  /** The NOTIFY channel and payloads every process understands. */
  public static final String CHANNEL = "crm_credentials";
  static final String SESSION = "session:";
  static final String OWNER = "collaborator:";
  static final String KEY = "key:";

  public static String keyRevoked(long keyId) {
    return KEY + keyId;
  }

  public static String sessionEnded(long sessionId) {
    return SESSION + sessionId;
  }

  public static String ownerChanged(long collaboratorId) {
    return OWNER + collaboratorId;
  }
}
