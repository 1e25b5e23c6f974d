package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.collaborator.CollaboratorId;

/**
 * Client filter; a null field does not filter. {@code text} matches name, company or e-mail,
 * case-insensitively, anywhere in the value.
 */
public record ClientFilter(CollaboratorId salesContactId, String text) {
  public static final ClientFilter ALL = new ClientFilter(null, null);
}
