package com.epicevents.crm.application.port.in;

import java.time.Instant;

/** Who the session belongs to, and whether a change would need the password again. */
public interface CurrentSessionUseCase {
  SessionInfo current(AuthToken token);

  record SessionInfo(CollaboratorView me, boolean passwordNeededForChanges, Instant expiresAt) {}
}
