package com.epicevents.crm.application.port.in;

import com.epicevents.crm.application.port.out.CollaboratorFilter;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.collaborator.CollaboratorId;

/**
 * The collaborator directory, open to every active collaborator. E-mail and phone of colleagues
 * are shown to management only.
 */
public interface ViewCollaboratorsUseCase {
  CollaboratorView get(AuthToken token, CollaboratorId id);

  Page<CollaboratorView> list(AuthToken token, CollaboratorFilter filter, PageRequest page);
}
