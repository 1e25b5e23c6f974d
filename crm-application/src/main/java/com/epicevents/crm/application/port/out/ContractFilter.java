package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.collaborator.CollaboratorId;

/** Contract filter; a null field does not filter. */
public record ContractFilter(ClientId clientId, Boolean signed, Boolean fullyPaid, CollaboratorId salesContactId) {
  public static final ContractFilter ALL = new ContractFilter(null, null, null, null);
}
