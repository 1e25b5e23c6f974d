package com.epicevents.crm.application.port.in;

/** Ends the session: its token is revoked at once. */
public interface LogOutUseCase {
  void logOut(AuthToken token);
}
