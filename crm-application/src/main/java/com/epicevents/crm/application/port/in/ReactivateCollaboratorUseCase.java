package com.epicevents.crm.application.port.in;

import com.epicevents.crm.domain.collaborator.CollaboratorId;

/** Management reactivates a deactivated collaborator. */
public interface ReactivateCollaboratorUseCase {
  CollaboratorView reactivate(AuthToken token, CollaboratorId id);
}
