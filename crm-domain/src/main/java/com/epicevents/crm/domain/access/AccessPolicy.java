package com.epicevents.crm.domain.access;

import static com.epicevents.crm.domain.access.AccessPolicy.Grant.NO;
import static com.epicevents.crm.domain.access.AccessPolicy.Grant.OWN_CLIENT;
import static com.epicevents.crm.domain.access.AccessPolicy.Grant.SUPPORTED_EVENT;
import static com.epicevents.crm.domain.access.AccessPolicy.Grant.YES;

import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.common.Team;
import java.util.EnumMap;
import java.util.Map;

/**
 * The permission table of the product specification, in one place. Deny by default: an inactive
 * actor, or an action missing from the table, is refused.
 */
public final class AccessPolicy {

  /** What one cell of the table grants. */
  public enum Grant {
    /** never */
    NO,
    /** always */
    YES,
    /** only when the actor is the sales contact of the target's client */
    OWN_CLIENT,
    /** only when the actor is the target event's support contact */
    SUPPORTED_EVENT
  }

  //                    action                              MANAGEMENT  SALES       SUPPORT
  private static final Map<Action, Map<Team, Grant>> TABLE = table(
      row(Action.READ,                              YES,        YES,        YES),
      row(Action.READ_AUDIT,                        YES,        NO,         NO),
      row(Action.CREATE_COLLABORATOR,               YES,        NO,         NO),
      row(Action.UPDATE_COLLABORATOR,               YES,        NO,         NO),
      row(Action.RESET_PASSWORD,                    YES,        NO,         NO),
      row(Action.CHANGE_OWN_PASSWORD,               YES,        YES,        YES),
      row(Action.DEACTIVATE_COLLABORATOR,           YES,        NO,         NO),
      row(Action.REACTIVATE_COLLABORATOR,           YES,        NO,         NO),
      row(Action.CREATE_CLIENT,                     NO,         YES,        NO),
      row(Action.UPDATE_CLIENT,                     NO,         OWN_CLIENT, NO),
      row(Action.REASSIGN_CLIENT,                   YES,        OWN_CLIENT, NO),
      row(Action.CREATE_CONTRACT,                   YES,        NO,         NO),
      row(Action.UPDATE_CONTRACT,                   YES,        OWN_CLIENT, NO),
      row(Action.LIST_UNSIGNED_OR_UNPAID_CONTRACTS, YES,        YES,        YES),
      row(Action.CREATE_EVENT,                      NO,         OWN_CLIENT, NO),
      row(Action.ASSIGN_EVENT_SUPPORT,              YES,        NO,         SUPPORTED_EVENT),
      row(Action.UPDATE_EVENT,                      NO,         NO,         SUPPORTED_EVENT),
      row(Action.LIST_UNASSIGNED_EVENTS,            YES,        YES,        YES),
      row(Action.LIST_MY_EVENTS,                    NO,         YES,        YES),
      row(Action.MANAGE_WEBHOOKS,                   YES,        NO,         NO),
      row(Action.READ_CHANGES,                      YES,        YES,        YES),
      row(Action.MANAGE_OWN_API_KEYS,               YES,        YES,        YES),
      row(Action.MANAGE_API_KEYS,                   YES,        NO,         NO),
      row(Action.LOG_OUT,                           YES,        YES,        YES),
      row(Action.CONFIRM_PASSWORD,                  YES,        YES,        YES));

  /** The grant of one cell; {@link Grant#NO} for anything the table does not name. */
  public Grant grant(Team team, Action action) {
    Map<Team, Grant> row = TABLE.get(action);
    if (row == null) {
      return NO;
    }
    return row.getOrDefault(team, NO);
  }

  /** May this actor do this action to a target with these ownership facts? */
  public Decision decide(Actor actor, Action action, Ownership target) {
    if (actor == null || !actor.active()) {
      return Decision.deny("not allowed: the account is deactivated");
    }
    return switch (grant(actor.team(), action)) {
      case YES -> Decision.ALLOW;
      case NO -> Decision.deny(teamMayNot(actor, action));
      case OWN_CLIENT -> actor.id().equals(target.salesContactId())
          ? Decision.ALLOW
          : Decision.deny("not allowed: you are not the sales contact in charge of this client");
      case SUPPORTED_EVENT -> actor.id().equals(target.supportContactId())
          ? Decision.ALLOW
          : Decision.deny("not allowed: you are not the support contact of this event");
    };
  }

  /**
   * The full question for a call: the owner's permission (the table above) <b>and</b>, when the
   * actor acts through an API key, the key's scope for this action on this kind of record. A key
   * only narrows: when the owner may not, no scope helps.
   */
  public Decision decide(Actor actor, Action action, EntityType type, Ownership target) {
    Decision owner = decide(actor, action, target);
    return owner.allowed() ? scopeAllows(actor, action, type) : owner;
  }

  /** As {@link #decideForTeam(Actor, Action)}, with the key's scope checked too. */
  public Decision decideForTeam(Actor actor, Action action, EntityType type) {
    Decision owner = decideForTeam(actor, action);
    return owner.allowed() ? scopeAllows(actor, action, type) : owner;
  }

  /** Does the actor's key (if any) carry the scope this action needs? A person's session is not narrowed. */
  public Decision scopeAllows(Actor actor, Action action, EntityType type) {
    if (actor == null || !actor.viaApiKey()) {
      return Decision.ALLOW;
    }
    return Scope.requiredFor(action, type)
        .map(scope -> actor.key().has(scope)
            ? Decision.ALLOW
            : Decision.deny("not allowed: this API key lacks the scope " + scope.wireName()))
        .orElseGet(() -> Decision.deny("not allowed: an API key may not " + action.description()
            + "; this needs a person's session"));
  }

  /**
   * Could a key with this scope ever be allowed anything when its owner is in this team? A scope
   * that is not only grants nothing (the key only narrows its owner); forms can say so.
   */
  public boolean scopeUsefulTo(Team team, Scope scope) {
    for (Action action : Action.values()) {
      if (grant(team, action) == NO) {
        continue;
      }
      for (EntityType type : EntityType.values()) {
        if (Scope.requiredFor(action, type).filter(scope::equals).isPresent()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Could this actor do this action to some target? Used before loading the target, so that a
   * team that may never do it is refused without learning whether the record exists.
   */
  public Decision decideForTeam(Actor actor, Action action) {
    if (actor == null || !actor.active()) {
      return Decision.deny("not allowed: the account is deactivated");
    }
    return grant(actor.team(), action) == NO ? Decision.deny(teamMayNot(actor, action)) : Decision.ALLOW;
  }

  private static String teamMayNot(Actor actor, Action action) {
    return "not allowed: the " + actor.team() + " team may not " + action.description();
  }

  private record Row(Action action, Grant management, Grant sales, Grant support) {}

  private static Row row(Action action, Grant management, Grant sales, Grant support) {
    return new Row(action, management, sales, support);
  }

  private static Map<Action, Map<Team, Grant>> table(Row... rows) {
    Map<Action, Map<Team, Grant>> table = new EnumMap<>(Action.class);
    for (Row r : rows) {
      Map<Team, Grant> cells = new EnumMap<>(Team.class);
      cells.put(Team.MANAGEMENT, r.management());
      cells.put(Team.SALES, r.sales());
      cells.put(Team.SUPPORT, r.support());
      if (table.put(r.action(), cells) != null) {
        throw new IllegalStateException("two rows for " + r.action());
      }
    }
    return table;
  }
}
