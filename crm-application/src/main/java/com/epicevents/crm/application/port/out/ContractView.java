package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.contract.Contract;

/** A contract as shown to users: with its client's name and (derived) sales contact. */
public record ContractView(Contract contract, String clientName, CollaboratorId salesContactId) {}
