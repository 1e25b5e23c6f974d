package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CheckTeamAccessUseCase;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.audit.EntityType;

final class CheckTeamAccessService implements CheckTeamAccessUseCase {
  private final Guard guard;

  public CheckTeamAccessService(CorePorts ports) {
    this.guard = new Guard(ports);
  }

  @Override
  public void requireTeamMay(AuthToken token, Action action, EntityType type, Long entityId) {
    guard.run(() -> {
      Authenticated who = guard.authenticate(token);
      guard.permitTeam(who, action, type, entityId);
      return null;
    });
  }
}
