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
      Outcome outcome = guard.run(() -> attempt(command));
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

  private record Outcome(Result result, LoginThrottled throttled) {}

  private Outcome attempt(Command command) {
    Instant now = guard.now();
    String key = keyOf(command.username());
    LoginAttempts attempts = ports.loginAttempts().find(key);
    Optional<Collaborator> found = ports.collaborators().findByUsername(command.username());
    Long entityId = found.map(c -> c.id().value()).orElse(null);

    if (attempts.lockedUntil() != null) {
      if (now.isBefore(attempts.lockedUntil())) {
        guard.audit((Long) null, "LOGIN_THROTTLED", EntityType.COLLABORATOR, entityId, usernameChange(command));
        return new Outcome(null, new LoginThrottled(secondsUntil(attempts.lockedUntil(), now), true));
      }
      attempts = LoginAttempts.NONE;
      ports.loginAttempts().save(key, attempts);
      guard.audit((Long) null, "UNLOCKED", EntityType.COLLABORATOR, entityId, usernameChange(command));
    }
    if (attempts.consecutiveFailures() >= ports.settings().throttleAfterFailures()) {
      Instant retryAt = attempts.lastFailureAt().plusSeconds(backoffSeconds(attempts.consecutiveFailures()));
      if (now.isBefore(retryAt)) {
        guard.audit((Long) null, "LOGIN_THROTTLED", EntityType.COLLABORATOR, entityId, usernameChange(command));
        return new Outcome(null, new LoginThrottled(secondsUntil(retryAt, now), false));
      }
    }

    String hash = found.map(Collaborator::passwordHash).orElseGet(this::dummyHash);
    boolean passwordOk = ports.passwordHasher().verify(command.password(), hash);
    if (!passwordOk || found.isEmpty() || !found.get().active()) {
      return failed(command, key, attempts, entityId, now);
    }

    Collaborator collaborator = found.get();
    if (attempts.consecutiveFailures() > 0) {
      ports.loginAttempts().save(key, LoginAttempts.NONE);
    }
    if (ports.passwordHasher().needsRehash(collaborator.passwordHash())) {
      collaborator = ports.collaborators().update(
          collaborator.withPasswordHash(ports.passwordHasher().hash(command.password()), now));
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
    int failures = attempts.consecutiveFailures() + 1;
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
