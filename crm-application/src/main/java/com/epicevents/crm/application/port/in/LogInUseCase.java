package com.epicevents.crm.application.port.in;

import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.domain.error.ValidationFailed;
import java.time.Instant;
import java.util.Objects;

/**
 * Opens a session. Unknown username, wrong password and deactivated account all fail the same
 * way and take the same time; repeated failures throttle and then lock the username.
 */
public interface LogInUseCase {
  Result logIn(Command command);

  record Command(String username, char[] password, SessionKind kind) {
    public Command {
      username = username == null ? "" : username;
      if (username.indexOf('\u0000') >= 0) {
        // No account can have one (usernames are validated), and the database refuses the byte.
        throw ValidationFailed.of("username", "must not contain NUL characters");
      }
      password = password == null ? new char[0] : password;
      Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String toString() {
      return "LogIn[username=" + username + ", kind=" + kind + "]";
    }
  }

  /** The new session's token (shown once), when it expires at the latest, and who logged in. */
  record Result(AuthToken token, Instant expiresAt, CollaboratorView collaborator) {}
}
