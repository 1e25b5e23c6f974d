package com.epicevents.crm.application.service;

import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.LogOutUseCase;
import com.epicevents.crm.domain.audit.EntityType;

final class LogOutService implements LogOutUseCase {
  private final CorePorts ports;
  private final Guard guard;

  LogOutService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public void logOut(AuthToken token) {
    guard.run(() -> {
      Authenticated who = guard.authenticatePerson(token, Action.LOG_OUT);
      ports.sessions().revoke(who.session().id());
      guard.audit(who, "LOGGED_OUT", EntityType.SESSION, who.session().id(), null);
      return null;
    });
  }
}
