package com.epicevents.crm.http.json;

import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.application.port.out.AuditRecord;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.ContractView;
import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.event.Event;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the contract, field for field: camelCase names, money as strings with two
 * decimals, instants as ISO-8601 UTC strings ending in {@code Z}, absent values as {@code null}.
 */
public final class Representations {
  private Representations() {}

  @JsonPropertyOrder({"id", "username", "fullName", "email", "phone", "team", "active", "version", "createdAt", "updatedAt"})
  public record CollaboratorJson(
      long id, String username, String fullName, String email, String phone, String team, boolean active,
      long version, String createdAt, String updatedAt) {}

  @JsonPropertyOrder({"id", "fullName", "email", "phone", "companyName", "createdAt", "updatedAt", "lastContactAt",
      "salesContactId", "salesContactName", "version"})
  public record ClientJson(
      long id, String fullName, String email, String phone, String companyName, String createdAt, String updatedAt,
      String lastContactAt, long salesContactId, String salesContactName, long version) {}

  @JsonPropertyOrder({"id", "clientId", "clientName", "salesContactId", "totalAmount", "amountDue", "signed", "signedAt",
      "createdAt", "updatedAt", "version"})
  public record ContractJson(
      long id, long clientId, String clientName, Long salesContactId, String totalAmount, String amountDue,
      boolean signed, String signedAt, String createdAt, String updatedAt, long version) {}

  @JsonPropertyOrder({"id", "contractId", "clientId", "clientName", "name", "clientContact", "startAt", "endAt",
      "supportContactId", "supportContactName", "location", "attendees", "notes", "createdAt", "updatedAt", "version"})
  public record EventJson(
      long id, long contractId, Long clientId, String clientName, String name, String clientContact, String startAt,
      String endAt, Long supportContactId, String supportContactName, String location, int attendees, String notes,
      String createdAt, String updatedAt, long version) {}

  @JsonPropertyOrder({"id", "at", "actorId", "action", "entityType", "entityId", "changes"})
  public record AuditJson(
      long id, String at, Long actorId, String action, String entityType, Long entityId,
      Map<String, ChangeJson> changes) {}

  @JsonPropertyOrder({"from", "to"})
  public record ChangeJson(String from, String to) {}

  @JsonPropertyOrder({"items", "nextCursor"})
  public record PageJson(List<?> items, String nextCursor) {}

  @JsonPropertyOrder({"token", "expiresAt", "collaborator"})
  public record LoginJson(String token, String expiresAt, CollaboratorJson collaborator) {}

  @JsonPropertyOrder({"status", "database"})
  public record HealthJson(String status, String database, String pool) {}

  /** A single record's body and the version its ETag carries. */
  public record Versioned(Object body, long version) {}

  public static CollaboratorJson collaborator(CollaboratorView c) {
    return new CollaboratorJson(c.id(), c.username(), c.fullName(), c.email(), c.phone(), c.team().name(),
        c.active(), c.version(), instant(c.createdAt()), instant(c.updatedAt()));
  }

  public static ClientJson client(ClientView view) {
    Client c = view.client();
    return new ClientJson(c.id().value(), c.fullName().value(), c.email() == null ? null : c.email().value(),
        c.phone().value(), c.companyName().value(), instant(c.createdAt()), instant(c.updatedAt()),
        instant(c.lastContactAt()), c.salesContactId().value(), view.salesContactName(), c.version());
  }

  public static ContractJson contract(ContractView view) {
    Contract c = view.contract();
    return new ContractJson(c.id().value(), c.clientId().value(), view.clientName(), id(view.salesContactId()),
        c.totalAmount().toString(), c.amountDue().toString(), c.signed(), instant(c.signedAt()),
        instant(c.createdAt()), instant(c.updatedAt()), c.version());
  }

  public static EventJson event(EventView view) {
    Event e = view.event();
    return new EventJson(e.id().value(), e.contractId().value(), view.clientId() == null ? null : view.clientId().value(),
        view.clientName(), e.details().name(), e.details().clientContact(), instant(e.schedule().startAt()),
        instant(e.schedule().endAt()), id(e.supportContactId()), view.supportContactName(), e.details().location(),
        e.details().attendees(), e.details().notes(), instant(e.createdAt()), instant(e.updatedAt()), e.version());
  }

  public static AuditJson audit(AuditRecord record) {
    AuditEntry e = record.entry();
    Map<String, ChangeJson> changes = new LinkedHashMap<>();
    e.changes().forEach((field, change) -> changes.put(field, new ChangeJson(change.from(), change.to())));
    return new AuditJson(record.id(), instant(e.at()), e.actorId(), e.action(), e.entityType().name(), e.entityId(),
        changes);
  }

  /**
   * The representation of any record the core hands back (e.g. the current record of a
   * conflict), or null for something that is not a record. A bare {@link Collaborator} is shown
   * through its full view, which never carries the password hash.
   */
  public static Versioned ofAny(Object record) {
    if (record instanceof ClientView v) {
      return new Versioned(client(v), v.client().version());
    }
    if (record instanceof ContractView v) {
      return new Versioned(contract(v), v.contract().version());
    }
    if (record instanceof EventView v) {
      return new Versioned(event(v), v.event().version());
    }
    if (record instanceof CollaboratorView v) {
      return new Versioned(collaborator(v), v.version());
    }
    if (record instanceof Collaborator c) {
      return new Versioned(collaborator(CollaboratorView.full(c)), c.version());
    }
    return null;
  }

  public static String instant(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static Long id(CollaboratorId id) {
    return id == null ? null : id.value();
  }
}
