package com.epicevents.crm.application.port.in;

/** Changes the caller's password (current one required); the caller's other sessions end. */
public interface ChangeOwnPasswordUseCase {
  void changeOwnPassword(AuthToken token, char[] currentPassword, char[] newPassword);
}
