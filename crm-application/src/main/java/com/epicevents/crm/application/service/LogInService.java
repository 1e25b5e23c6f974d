package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.application.port.in.LogInUseCase;
import com.epicevents.crm.application.port.out.LoginAttempts;
import com.epicevents.crm.application.port.out.Session;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.domain.audit.Changes;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.error.AuthenticationFailed;
import com.epicevents.crm.domain.error.LoginThrottled;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Log-in with brute-force defence. Checks the password even for unknown usernames (against a
 * dummy hash) so that every failure costs the same; the outcome is committed (counters, audit)
 * before a failure is reported.
 *
 * <p>The password check is slow on purpose (Argon2, tens of milliseconds of CPU), so it runs
 * between two short transactions and never holds a connection or a lock: the first reads the
 * throttling state and the stored hash, the second records the outcome after reading that state
 * again under its lock (parallel failures all count; a lock-out that happened meanwhile wins).
 */
final class LogInService implements LogInUseCase {
  private static final int KEY_MAX = 100;
  private static final long MAX_BACKOFF_SECONDS = 300;

  private final CorePorts ports;
  private final Guard guard;
  private volatile String dummyHash;

  LogInService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public Result logIn(Command command) {
    try {
      ports.passwordHasher().requireCapacity();
      Precheck precheck = guard.run(() -> precheck(command));
      if (precheck.throttled() != null) {
        throw precheck.throttled();
      }
      String hash = precheck.hash() != null ? precheck.hash() : dummyHash();
      boolean passwordOk = ports.passwordHasher().verify(command.password(), hash);
      String rehashed = passwordOk && precheck.hash() != null && ports.passwordHasher().needsRehash(hash)
          ? ports.passwordHasher().hash(command.password())
          : null;
      Outcome outcome = guard.run(() -> record(command, passwordOk, hash, rehashed));
      if (outcome.throttled() != null) {
        throw outcome.throttled();
      }
      if (outcome.result() == null) {
        throw AuthenticationFailed.badCredentials();
      }
      return outcome.result();
    } finally {
      Arrays.fill(command.password(), '\0');
    }
  }

  /** The stored hash to check against (null for an unknown username), unless throttled. */
  private record Precheck(String hash, LoginThrottled throttled) {}

  private record Outcome(Result result, LoginThrottled throttled) {}

  private Precheck precheck(Command command) {
    Instant now = guard.now();
    String key = keyOf(command.username());
    LoginAttempts attempts = ports.loginAttempts().find(key);
    Optional<Collaborator> found = ports.collaborators().findByUsername(command.username());
    LoginThrottled throttled = throttling(command, key, attempts, found, now);
    return new Precheck(found.map(Collaborator::passwordHash).orElse(null), throttled);
  }

  /** The refusal when the username is locked or throttled now (audited); null otherwise. */
  private LoginThrottled throttling(Command command, String key, LoginAttempts attempts,
      Optional<Collaborator> found, Instant now) {
    Long entityId = found.map(c -> c.id().value()).orElse(null);
    if (attempts.lockedUntil() != null) {
      if (now.isBefore(attempts.lockedUntil())) {
        guard.audit((Long) null, "LOGIN_THROTTLED", EntityType.COLLABORATOR, entityId, usernameChange(command));
        return new LoginThrottled(secondsUntil(attempts.lockedUntil(), now), true);
      }
      ports.loginAttempts().save(key, LoginAttempts.NONE);
      guard.audit((Long) null, "UNLOCKED", EntityType.COLLABORATOR, entityId, usernameChange(command));
      return null;
    }
    if (attempts.consecutiveFailures() >= ports.settings().throttleAfterFailures()) {
      Instant retryAt = attempts.lastFailureAt().plusSeconds(backoffSeconds(attempts.consecutiveFailures()));
      if (now.isBefore(retryAt)) {
        guard.audit((Long) null, "LOGIN_THROTTLED", EntityType.COLLABORATOR, entityId, usernameChange(command));
        return new LoginThrottled(secondsUntil(retryAt, now), false);
      }
    }
    return null;
  }

  /**
   * Records the checked password's outcome. The account is read again: a password changed or an
   * account deactivated while the hash was being checked counts as a failure.
   */
  private Outcome record(Command command, boolean passwordOk, String checkedHash, String rehashed) {
    Instant now = guard.now();
    String key = keyOf(command.username());
    LoginAttempts attempts = ports.loginAttempts().find(key);
    Optional<Collaborator> found = ports.collaborators().findByUsername(command.username());
    Long entityId = found.map(c -> c.id().value()).orElse(null);
    if (attempts.lockedUntil() != null && now.isBefore(attempts.lockedUntil())) {
      // Locked by parallel failures while this password was checked: the lock wins.
      guard.audit((Long) null, "LOGIN_THROTTLED", EntityType.COLLABORATOR, entityId, usernameChange(command));
      return new Outcome(null, new LoginThrottled(secondsUntil(attempts.lockedUntil(), now), true));
    }
    boolean sameAccount = found.isPresent() && found.get().passwordHash().equals(checkedHash);
    if (!passwordOk || !sameAccount || !found.get().active()) {
      return failed(command, key, attempts, entityId, now);
    }

    Collaborator collaborator = found.get();
    if (attempts.consecutiveFailures() > 0 || attempts.lockedUntil() != null) {
      ports.loginAttempts().save(key, LoginAttempts.NONE);
    }
    if (rehashed != null) {
      collaborator = ports.collaborators().update(collaborator.withPasswordHash(rehashed, now));
    }
    String token = Tokens.newToken();
    Instant absolute = now.plus(ports.settings().absoluteTimeout()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    boolean confirmNow = command.kind() == SessionKind.INTERACTIVE
        && !ports.settings().reauthenticationWindow().isZero();
    Session session = ports.sessions().create(new Session(0, Tokens.sha256(token), collaborator.id(),
        command.kind(), now, now, absolute, confirmNow ? now : null, false));
    guard.audit(collaborator.id().value(), "LOGIN_SUCCEEDED", EntityType.SESSION, session.id(),
        new Changes().field("kind", null, command.kind()));
    return new Outcome(new Result(new AuthToken(token), absolute, CollaboratorView.full(collaborator)), null);
  }

  private Outcome failed(Command command, String key, LoginAttempts attempts, Long entityId, Instant now) {
    int failures = (attempts.lockedUntil() != null ? 0 : attempts.consecutiveFailures()) + 1;
    guard.audit((Long) null, "LOGIN_FAILED", EntityType.COLLABORATOR, entityId, usernameChange(command));
    if (failures >= ports.settings().lockAfterFailures()) {
      Instant until = now.plus(ports.settings().lockDuration());
      ports.loginAttempts().save(key, new LoginAttempts(0, now, until));
      guard.audit((Long) null, "LOCKED_OUT", EntityType.COLLABORATOR, entityId,
          usernameChange(command).field("lockedUntil", null, until));
      return new Outcome(null, new LoginThrottled(secondsUntil(until, now), true));
    }
    ports.loginAttempts().save(key, new LoginAttempts(failures, now, null));
    return new Outcome(null, null);
  }

  /** 1, 2, 4 … seconds after the throttle threshold, capped. */
  private long backoffSeconds(int failures) {
    int over = failures - ports.settings().throttleAfterFailures();
    return Math.min(MAX_BACKOFF_SECONDS, 1L << Math.min(over, 20));
  }

  private static long secondsUntil(Instant until, Instant now) {
    return Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
  }

  private static Changes usernameChange(Command command) {
    String name = command.username();
    return new Changes().field("username", null, name.length() > KEY_MAX ? name.substring(0, KEY_MAX) : name);
  }

  static String keyOf(String username) {
    String key = username.strip().toLowerCase(Locale.ROOT);
    return key.length() > KEY_MAX ? key.substring(0, KEY_MAX) : key;
  }

  private String dummyHash() {
    String hash = dummyHash;
    if (hash == null) {
      hash = ports.passwordHasher().hash(Tokens.newToken().toCharArray());
      dummyHash = hash;
    }
    return hash;
  }
}
