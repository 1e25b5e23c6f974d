package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.application.port.in.CurrentSessionUseCase;

final class CurrentSessionService implements CurrentSessionUseCase {
  private final Guard guard;

  CurrentSessionService(CorePorts ports) {
    this.guard = new Guard(ports);
  }

  @Override
  public SessionInfo current(AuthToken token) {
    return guard.run(() -> {
      Authenticated who = guard.authenticate(token);
      return new SessionInfo(CollaboratorView.full(who.collaborator()),
          guard.passwordNeededForChanges(who.session()),
          who.viaApiKey() ? who.key().absoluteExpiresAt() : who.session().absoluteExpiresAt());
    });
  }
}
