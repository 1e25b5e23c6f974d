package com.epicevents.crm.application.service;

import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.ReauthenticateUseCase;
import com.epicevents.crm.application.port.out.LoginAttempts;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.error.AuthenticationFailed;
import com.epicevents.crm.domain.error.LoginThrottled;
import java.time.Instant;
import java.util.Arrays;

/**
 * Confirms the password before an interactive change. Failures count towards the same lock-out
 * as log-in failures, so a left-open session cannot be used to guess the password.
 */
final class ReauthenticateService implements ReauthenticateUseCase {
  private final CorePorts ports;
  private final Guard guard;

  ReauthenticateService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public void reauthenticate(AuthToken token, char[] password) {
    try {
      boolean ok = guard.run(() -> {
        Authenticated who = guard.authenticatePerson(token, Action.CONFIRM_PASSWORD);
        String key = LogInService.keyOf(who.collaborator().username().value());
        LoginAttempts attempts = ports.loginAttempts().find(key);
        Instant now = guard.now();
        if (attempts.lockedUntil() != null && now.isBefore(attempts.lockedUntil())) {
          throw new LoginThrottled(java.time.Duration.between(now, attempts.lockedUntil()).toSeconds() + 1, true);
        }
        if (!ports.passwordHasher().verify(password, who.collaborator().passwordHash())) {
          int failures = attempts.consecutiveFailures() + 1;
          boolean lock = failures >= ports.settings().lockAfterFailures();
          ports.loginAttempts().save(key, lock
              ? new LoginAttempts(0, now, now.plus(ports.settings().lockDuration()))
              : new LoginAttempts(failures, now, null));
          guard.audit(who, "REAUTHENTICATION_FAILED", EntityType.SESSION, who.session().id(), null);
          if (lock) {
            ports.sessions().revoke(who.session().id());
            guard.audit(who, "LOCKED_OUT", EntityType.COLLABORATOR, who.actorId(), null);
          }
          return false;
        }
        if (attempts.consecutiveFailures() > 0) {
          ports.loginAttempts().save(key, LoginAttempts.NONE);
        }
        ports.sessions().update(who.session().confirmed(now));
        return true;
      });
      if (!ok) {
        throw new AuthenticationFailed("the password is not correct");
      }
    } finally {
      Arrays.fill(password, '\0');
    }
  }
}
