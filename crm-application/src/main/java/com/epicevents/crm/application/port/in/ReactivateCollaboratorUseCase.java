package com.epicevents.crm.application.port.in;

import com.epicevents.crm.domain.collaborator.CollaboratorId;

/** Management reactivates a deactivated collaborator. */
public interface ReactivateCollaboratorUseCase {
  /** {@code expectedVersion} (a version read, or {@link ExpectedVersion#ANY}) refuses the change if the record changed since it was read. */
  CollaboratorView reactivate(AuthToken token, CollaboratorId id, Long expectedVersion);
}
