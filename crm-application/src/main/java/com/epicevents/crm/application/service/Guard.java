package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.ExpectedVersion;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.out.RecordChange;
import com.epicevents.crm.application.port.out.Credential;
import com.epicevents.crm.application.port.out.Session;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.domain.access.AccessPolicy;
import com.epicevents.crm.domain.access.Actor;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Decision;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.domain.audit.Changes;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.audit.FieldChange;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.error.AccessDenied;
import com.epicevents.crm.domain.error.AuthenticationFailed;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.domain.error.ReauthenticationRequired;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The steps every use case shares: resolve the session to a freshly read actor, ask the access
 * policy, ask for a fresh password before interactive changes, run in one transaction, audit.
 * A refusal rolls the work back and is then audited in its own transaction.
 */
final class Guard {
  static final String SESSION_ENDED = "your session has ended: please log in again";
  static final String KEY_UNKNOWN = "this API key is not valid";
  static final String KEY_REVOKED = "this API key has been revoked";
  static final String KEY_EXPIRED = "this API key has expired";
  /** Told only to the holder of the account's own session (a login attempt gets the usual message). */
  static final String ACCOUNT_DEACTIVATED = "your account has been deactivated: ask a manager if this is a mistake";
  /** Attempts of a change without an expected version before a conflict is reported after all. */
  static final int UPDATE_ATTEMPTS = 50;
  private static final Duration STORE_USE_EVERY = Duration.ofMinutes(1);
  /** How long before the stored last use would make the session idle a later use must be stored. */
  static final Duration STORE_MARGIN = Duration.ofSeconds(5);

  private final CorePorts ports;
  private final AccessPolicy policy = new AccessPolicy();

  Guard(CorePorts ports) {
    this.ports = ports;
  }

  Instant now() {
    return ports.clock().instant();
  }

  /** Runs the work in one transaction; an access refusal is audited after the rollback. */
  <T> T run(Supplier<T> work) {
    try {
      return ports.transactions().inTransaction(work);
    } catch (AccessDenied denied) {
      auditRefusal(denied);
      throw denied;
    } catch (AuthenticationFailed failed) {
      auditKeyRefusal(failed);
      throw failed;
    }
  }

  /**
   * Runs a change to one record. With an expected version (If-Match, or the version a form was
   * filled from) a concurrent change is the caller's conflict to resolve. Without one the change
   * applies to the current version: when another writer got there first, the work runs again on
   * a fresh read, up to {@value #UPDATE_ATTEMPTS} times, with a short random pause between tries.
   */
  <T> T runUpdate(Long expectedVersion, Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return run(work);
      } catch (ConcurrentModification conflict) {
        if (!ExpectedVersion.isAny(expectedVersion) || attempt >= UPDATE_ATTEMPTS) {
          throw conflict;
        }
        pauseBeforeRetry(attempt);
      }
    }
  }

  private static void pauseBeforeRetry(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + Math.min(attempt, 10)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a change", e);
    }
  }

  /**
   * Runs a read: no unit of work around it (each statement stands alone); an access refusal is
   * audited in a unit of its own.
   */
  <T> T read(Supplier<T> work) {
    try {
      return work.get();
    } catch (AccessDenied denied) {
      auditRefusal(denied);
      throw denied;
    } catch (AuthenticationFailed failed) {
      auditKeyRefusal(failed);
      throw failed;
    }
  }

  /** A known API key that was refused (expired, revoked): audited on its own, after the rollback. */
  private void auditKeyRefusal(AuthenticationFailed failed) {
    if (failed.refusedKeyId() != null) {
      Changes changes = new Changes().field("reason", null, failed.getMessage());
      ports.transactions().inNewTransaction(() -> {
        ports.auditTrail().append(new AuditEntry(now(), failed.keyOwnerId(), "API_KEY_REFUSED", EntityType.API_KEY,
            failed.refusedKeyId(), changes.toOrderedMap()));
        return null;
      });
    }
  }

  /**
   * For changes: the session behind the token, if it is open, and its owner freshly read if
   * still active, both inside the unit of work.
   */
  Authenticated authenticate(AuthToken token) {
    if (token == null) {
      throw new AuthenticationFailed(SESSION_ENDED);
    }
    if (token.apiKey()) {
      Credential key = usableKey(token);
      Collaborator owner = ports.collaborators().findById(key.ownerId())
          .filter(c -> c.active() && c.team() == key.ownerTeam())
          .orElseThrow(() -> AuthenticationFailed.keyRefused(KEY_REVOKED, key.sessionId(), key.ownerId().value()));
      return new Authenticated(null, owner, key);
    }
    Session session = ports.sessions().findByTokenHash(Tokens.sha256(token.value()))
        .orElseThrow(() -> new AuthenticationFailed(SESSION_ENDED));
    Instant now = now();
    if (session.revoked()) {
      throw new AuthenticationFailed(deactivated(session) ? ACCOUNT_DEACTIVATED : SESSION_ENDED);
    }
    refuseIfExpired(session.absoluteExpiresAt(), session.lastUsedAt(), now);
    Collaborator collaborator = ports.collaborators().findById(session.collaboratorId())
        .orElseThrow(() -> new AuthenticationFailed(SESSION_ENDED));
    if (!collaborator.active()) {
      throw new AuthenticationFailed(ACCOUNT_DEACTIVATED);
    }
    recordUse(session.id(), session.lastUsedAt(), now);
    return new Authenticated(session.touched(now), collaborator);
  }

  /**
   * For reads: the credential behind the token (one read, possibly answered from memory, which
   * every revocation empties at once). A session that looks idle here is looked up in the store
   * before it is refused, since another process may have recorded a later use.
   */
  Reader authenticateToRead(AuthToken token) {
    if (token == null) {
      throw new AuthenticationFailed(SESSION_ENDED);
    }
    if (token.apiKey()) {
      Credential key = usableKey(token);
      return new Reader(new Actor(key.ownerId(), key.ownerTeam(), key.ownerActive()).through(key.keyGrant()));
    }
    String tokenHash = Tokens.sha256(token.value());
    Credential credential = ports.sessions().findCredential(tokenHash)
        .orElseThrow(() -> new AuthenticationFailed(SESSION_ENDED));
    Instant now = now();
    if (idle(credential.lastUsedAt(), now)) {
      credential = ports.sessions().findCredentialInStore(tokenHash)
          .orElseThrow(() -> new AuthenticationFailed(SESSION_ENDED));
    }
    if (credential.revoked()) {
      throw new AuthenticationFailed(credential.ownerActive() ? SESSION_ENDED : ACCOUNT_DEACTIVATED);
    }
    refuseIfExpired(credential.absoluteExpiresAt(), credential.lastUsedAt(), now);
    if (!credential.ownerActive()) {
      throw new AuthenticationFailed(ACCOUNT_DEACTIVATED);
    }
    recordUse(credential.sessionId(), credential.lastUsedAt(), now);
    return new Reader(new Actor(credential.ownerId(), credential.ownerTeam(), credential.ownerActive()));
  }

  /**
   * The API key behind the token, if it may be used now: known, not revoked (its owner's
   * deactivation or team change revokes it), not expired. A refusal of a known key is audited.
   * A use is noted (stored at most once a minute).
   */
  private Credential usableKey(AuthToken token) {
    Credential key = ports.apiKeys().findCredential(Tokens.sha256(token.value()))
        .orElseThrow(() -> new AuthenticationFailed(KEY_UNKNOWN));
    long owner = key.ownerId().value();
    if (key.revoked() || !key.ownerActive()) {
      throw AuthenticationFailed.keyRefused(KEY_REVOKED, key.sessionId(), owner);
    }
    Instant now = now();
    if (!now.isBefore(key.absoluteExpiresAt())) {
      throw AuthenticationFailed.keyRefused(KEY_EXPIRED, key.sessionId(), owner);
    }
    ports.apiKeys().recordUse(key.sessionId(), now);
    return key;
  }

  /**
   * For what only a person may do (log out, confirm or change a password, manage their own keys):
   * the caller's session; an API key is refused (audited) whatever its scopes.
   */
  Authenticated authenticatePerson(AuthToken token, Action action) {
    Authenticated who = authenticate(token);
    if (who.viaApiKey()) {
      throw new AccessDenied("not allowed: an API key may not " + action.description()
          + "; this needs a person's session", who.actorId(), action.name(), EntityType.API_KEY.name(),
          who.key().sessionId());
    }
    return who;
  }

  private void refuseIfExpired(Instant absoluteExpiresAt, Instant lastUsedAt, Instant now) {
    if (!now.isBefore(absoluteExpiresAt) || idle(lastUsedAt, now)) {
      throw new AuthenticationFailed("your session has expired: please log in again");
    }
  }

  private boolean idle(Instant lastUsedAt, Instant now) {
    return !now.isBefore(lastUsedAt.plus(ports.settings().idleTimeout()));
  }

  /**
   * The idle-expiry clock restarts at every use, exactly. The use is written behind: at most once
   * a minute per session, and always {@link #STORE_MARGIN} before the stored value would let
   * another process think the session idle.
   */
  private void recordUse(long sessionId, Instant lastUsedAt, Instant now) {
    Instant byInterval = lastUsedAt.plus(STORE_USE_EVERY);
    Instant beforeIdle = lastUsedAt.plus(ports.settings().idleTimeout()).minus(STORE_MARGIN);
    ports.sessions().recordUse(sessionId, now, byInterval.isBefore(beforeIdle) ? byInterval : beforeIdle);
  }

  private boolean deactivated(Session session) {
    return ports.collaborators().findById(session.collaboratorId()).filter(c -> !c.active()).isPresent();
  }

  /** Refuses unless the policy allows this action on a target with these ownership facts. */
  void permit(Authenticated who, Action action, Ownership target, EntityType type, Long entityId) {
    permit(who.actor(), action, target, type, entityId);
  }

  void permit(Reader who, Action action, Ownership target, EntityType type, Long entityId) {
    permit(who.actor(), action, target, type, entityId);
  }

  private void permit(Actor actor, Action action, Ownership target, EntityType type, Long entityId) {
    Decision decision = policy.decide(actor, action, target);
    if (!decision.allowed()) {
      throw new AccessDenied(decision.reason(), actor.id().value(), action.name(), type.name(), entityId);
    }
    requireScope(actor, action, type);
  }

  /** The key's half of every permission check: a missing scope is refused and audited against the key. */
  private void requireScope(Actor actor, Action action, EntityType type) {
    Decision scope = policy.scopeAllows(actor, action, type);
    if (!scope.allowed()) {
      throw new AccessDenied(scope.reason(), actor.id().value(), action.name(), EntityType.API_KEY.name(),
          actor.key().keyId());
    }
  }

  /** Whether the permission table (and the key's scope, if any) lets this caller's team do this at all; no refusal. */
  boolean teamMay(Authenticated who, Action action, EntityType type) {
    return policy.decideForTeam(who.actor(), action, type).allowed();
  }

  /** Refuses a team that may never do this action, before the target is even loaded. */
  void permitTeam(Authenticated who, Action action, EntityType type, Long entityId) {
    Decision decision = policy.decideForTeam(who.actor(), action);
    if (!decision.allowed()) {
      throw new AccessDenied(decision.reason(), who.actorId(), action.name(), type.name(), entityId);
    }
    requireScope(who.actor(), action, type);
  }

  /**
   * Interactive changes need the password typed within the configured window; with a zero
   * window each confirmation is good for one change. API sessions rely on their expiry instead.
   */
  void requirePasswordConfirmed(Authenticated who) {
    Session session = who.session();
    if (session == null || session.kind() == SessionKind.API) {
      return; // an API key or an API session: their expiry stands in for the password
    }
    Instant confirmed = session.passwordConfirmedAt();
    Duration window = ports.settings().reauthenticationWindow();
    if (confirmed == null) {
      throw new ReauthenticationRequired();
    }
    if (window.isZero()) {
      ports.sessions().update(session.confirmed(null));
      return;
    }
    if (confirmed.plus(window).isBefore(now())) {
      throw new ReauthenticationRequired();
    }
  }

  boolean passwordNeededForChanges(Session session) {
    if (session == null || session.kind() == SessionKind.API) {
      return false;
    }
    Instant confirmed = session.passwordConfirmedAt();
    Duration window = ports.settings().reauthenticationWindow();
    return confirmed == null || (!window.isZero() && confirmed.plus(window).isBefore(now()));
  }

  void audit(Long actorId, String action, EntityType type, Long entityId, Changes changes) {
    Map<String, FieldChange> map = changes == null ? Map.of() : changes.toOrderedMap();
    ports.auditTrail().append(new AuditEntry(now(), actorId, action, type, entityId, map));
  }

  void audit(Authenticated who, String action, EntityType type, Long entityId, Changes changes) {
    audit(who.actorId(), action, type, entityId, changes);
  }

  /**
   * Announces a committed-to-be change of a record on the changes feed and to webhook
   * subscribers, in the current transaction (call it next to the change's audit entry).
   *
   * @param record the record as management reads it: the view the use case returns
   */
  void announce(Authenticated who, String action, EntityType type, long entityId, Changes changes, Object record) {
    announce(who == null ? null : who.actorId(), action, type, entityId, changes, record);
  }

  void announce(Long actorId, String action, EntityType type, long entityId, Changes changes, Object record) {
    List<String> fields = changes == null ? List.of() : List.copyOf(changes.toOrderedMap().keySet());
    ports.changes().announce(new RecordChange(now(), actorId, type, entityId, action, Announcements.versionOf(record),
        fields, Announcements.eventType(type, action), record));
  }

  /**
   * In a unit of its own, independent of any unit the caller may have open (an idempotent
   * request runs its use case inside one): the refusal stays audited when that unit rolls back.
   */
  private void auditRefusal(AccessDenied denied) {
    ports.transactions().inNewTransaction(() -> {
      ports.auditTrail().append(refusal(denied));
      return null;
    });
  }

  private AuditEntry refusal(AccessDenied denied) {
    EntityType type = denied.entityType() == null ? EntityType.SESSION : EntityType.valueOf(denied.entityType());
    Changes changes = new Changes().field("action", null, denied.action()).field("reason", null, denied.reason());
    return new AuditEntry(now(), denied.actorId(), "ACCESS_DENIED", type, denied.entityId(), changes.toOrderedMap());
  }
}
