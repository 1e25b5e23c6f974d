package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.client.Client;

/** A client as shown to users: with its sales contact's name. */
public record ClientView(Client client, String salesContactName) {}
