package com.epicevents.crm.domain.access;

import com.epicevents.crm.domain.audit.EntityType;
import java.util.Arrays;
import java.util.Optional;

/**
 * What an API key may be used for. A key acts as its owner, narrowed: a call needs the owner's
 * permission (the table of {@link AccessPolicy}) and the scope {@link #requiredFor} names.
 */
public enum Scope {
  CLIENTS_READ("clients:read"),
  CLIENTS_WRITE("clients:write"),
  CONTRACTS_READ("contracts:read"),
  CONTRACTS_WRITE("contracts:write"),
  EVENTS_READ("events:read"),
  EVENTS_WRITE("events:write"),
  COLLABORATORS_READ("collaborators:read"),
  COLLABORATORS_WRITE("collaborators:write"),
  AUDIT_READ("audit:read"),
  CHANGES_READ("changes:read"),
  WEBHOOKS_MANAGE("webhooks:manage");

  private final String wireName;

  Scope(String wireName) {
    this.wireName = wireName;
  }

  /** The name integrators write, such as {@code clients:read}. */
  public String wireName() {
    return wireName;
  }

  public static Optional<Scope> fromWireName(String name) {
    return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
  }

  /**
   * The scope a key needs for this action on this kind of record; empty when no key may ever do
   * it (its own password, its own keys, anything that needs a person). Deny by default: an action
   * or record type not named here needs a scope no key has.
   */
  public static Optional<Scope> requiredFor(Action action, EntityType type) {
    Scope scope = switch (action) {
      case READ -> switch (type) {
        case CLIENT -> CLIENTS_READ;
        case CONTRACT -> CONTRACTS_READ;
        case EVENT -> EVENTS_READ;
        case COLLABORATOR -> COLLABORATORS_READ;
        default -> null;
      };
      case READ_AUDIT -> AUDIT_READ;
      case READ_CHANGES -> CHANGES_READ;
      case CREATE_COLLABORATOR, UPDATE_COLLABORATOR, RESET_PASSWORD, DEACTIVATE_COLLABORATOR,
          REACTIVATE_COLLABORATOR -> COLLABORATORS_WRITE;
      case CREATE_CLIENT, UPDATE_CLIENT, REASSIGN_CLIENT -> CLIENTS_WRITE;
      case CREATE_CONTRACT, UPDATE_CONTRACT -> CONTRACTS_WRITE;
      case LIST_UNSIGNED_OR_UNPAID_CONTRACTS -> CONTRACTS_READ;
      case CREATE_EVENT, ASSIGN_EVENT_SUPPORT, UPDATE_EVENT -> EVENTS_WRITE;
      case LIST_UNASSIGNED_EVENTS, LIST_MY_EVENTS -> EVENTS_READ;
      case MANAGE_WEBHOOKS -> WEBHOOKS_MANAGE;
      case CHANGE_OWN_PASSWORD, MANAGE_OWN_API_KEYS, MANAGE_API_KEYS, LOG_OUT, CONFIRM_PASSWORD -> null;
    };
    return Optional.ofNullable(scope);
  }
}
