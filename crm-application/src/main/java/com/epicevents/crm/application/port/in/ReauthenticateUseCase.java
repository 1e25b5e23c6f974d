package com.epicevents.crm.application.port.in;

/** Confirms the password of the session's owner before a change (interactive sessions). */
public interface ReauthenticateUseCase {
  void reauthenticate(AuthToken token, char[] password);
}
