package com.epicevents.crm.application.service;

import com.epicevents.crm.domain.audit.Changes;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.event.Event;

/** The old → new fields of each record type for the audit trail (null "before" for a creation). */
final class AuditChanges {
  private AuditChanges() {}

  static Changes of(Collaborator before, Collaborator after) {
    boolean created = before == null;
    return new Changes()
        .field("username", created ? null : before.username(), after.username())
        .field("fullName", created ? null : before.fullName(), after.fullName())
        .field("email", created ? null : before.email(), after.email())
        .field("phone", created ? null : before.phone(), after.phone())
        .field("team", created ? null : before.team(), after.team())
        .field("active", created ? null : before.active(), after.active());
  }

  static Changes of(Client before, Client after) {
    boolean created = before == null;
    return new Changes()
        .field("fullName", created ? null : before.fullName(), after.fullName())
        .field("email", created ? null : before.email(), after.email())
        .field("phone", created ? null : before.phone(), after.phone())
        .field("companyName", created ? null : before.companyName(), after.companyName())
        .field("lastContactAt", created ? null : before.lastContactAt(), after.lastContactAt())
        .field("salesContactId", created ? null : before.salesContactId(), after.salesContactId());
  }

  static Changes of(Contract before, Contract after) {
    boolean created = before == null;
    return new Changes()
        .field("clientId", created ? null : before.clientId(), after.clientId())
        .field("totalAmount", created ? null : before.totalAmount(), after.totalAmount())
        .field("amountDue", created ? null : before.amountDue(), after.amountDue())
        .field("signed", created ? null : before.signed(), after.signed());
  }

  static Changes of(Event before, Event after) {
    boolean created = before == null;
    return new Changes()
        .field("contractId", created ? null : before.contractId(), after.contractId())
        .field("name", created ? null : before.details().name(), after.details().name())
        .field("clientContact", created ? null : before.details().clientContact(), after.details().clientContact())
        .field("startAt", created ? null : before.schedule().startAt(), after.schedule().startAt())
        .field("endAt", created ? null : before.schedule().endAt(), after.schedule().endAt())
        .field("supportContactId", created ? null : before.supportContactId(), after.supportContactId())
        .field("location", created ? null : before.details().location(), after.details().location())
        .field("attendees", created ? null : before.details().attendees(), after.details().attendees())
        .field("notes", created ? null : before.details().notes(), after.details().notes());
  }
}
