package com.epicevents.crm.application.contract;

import com.epicevents.crm.application.port.out.AuditTrail;
import com.epicevents.crm.application.port.out.ClientRepository;
import com.epicevents.crm.application.port.out.CollaboratorRepository;
import com.epicevents.crm.application.port.out.ContractRepository;
import com.epicevents.crm.application.port.out.EventRepository;
import com.epicevents.crm.application.port.out.IdempotencyStore;
import com.epicevents.crm.application.port.out.LoginAttemptStore;
import com.epicevents.crm.application.port.out.SessionStore;
import com.epicevents.crm.application.port.out.Transactions;

/** Every persistence port of one store (in memory, or a database), sharing the same data. */
public record PortsUnderTest(
    Transactions transactions,
    CollaboratorRepository collaborators,
    ClientRepository clients,
    ContractRepository contracts,
    EventRepository events,
    SessionStore sessions,
    LoginAttemptStore loginAttempts,
    AuditTrail auditTrail,
    IdempotencyStore idempotency) {}
