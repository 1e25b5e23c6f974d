package com.epicevents.crm.application.port.in;

import com.epicevents.crm.domain.collaborator.CollaboratorId;

/** Management deactivates (never deletes) a collaborator, ending their sessions at once. */
public interface DeactivateCollaboratorUseCase {
  /** {@code expectedVersion} (a version read, or {@link ExpectedVersion#ANY}) refuses the change if the record changed since it was read. */
  CollaboratorView deactivate(AuthToken token, CollaboratorId id, Long expectedVersion);
}
