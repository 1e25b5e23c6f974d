package com.epicevents.crm.application.port.in;

import com.epicevents.crm.domain.collaborator.CollaboratorId;

/** Management sets another collaborator's password; that collaborator's sessions end and any lock is lifted. */
public interface ResetPasswordUseCase {
  void resetPassword(AuthToken token, CollaboratorId id, char[] newPassword);
}
