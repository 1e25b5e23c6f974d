package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.event.Event;

/**
 * An event as shown to users: with its client (name and id), the client's sales contact, and
 * the support contact's name (null when unassigned).
 */
public record EventView(
    Event event, ClientId clientId, String clientName, CollaboratorId salesContactId, String supportContactName) {}
