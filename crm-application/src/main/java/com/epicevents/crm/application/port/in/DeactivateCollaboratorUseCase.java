package com.epicevents.crm.application.port.in;

import com.epicevents.crm.domain.collaborator.CollaboratorId;

/** Management deactivates (never deletes) a collaborator, ending their sessions at once. */
public interface DeactivateCollaboratorUseCase {
  CollaboratorView deactivate(AuthToken token, CollaboratorId id);
}
