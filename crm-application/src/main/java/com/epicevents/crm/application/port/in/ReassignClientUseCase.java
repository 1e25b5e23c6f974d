package com.epicevents.crm.application.port.in;

import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.collaborator.CollaboratorId;

/**
 * Management, or the client's current sales contact, hands the client (and so its contracts) to
 * another active salesperson.
 */
public interface ReassignClientUseCase {
  ClientView reassign(AuthToken token, ClientId clientId, CollaboratorId newSalesContactId, Long expectedVersion);
}
