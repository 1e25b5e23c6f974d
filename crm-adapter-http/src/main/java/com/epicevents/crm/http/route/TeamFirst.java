package com.epicevents.crm.http.route;

import static java.util.Map.entry;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.error.AccessDenied;
import com.epicevents.crm.domain.error.AuthenticationFailed;
import com.epicevents.crm.domain.error.CrmException;
import io.javalin.http.Context;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The contract's order of checks for input the adapter refuses before the core sees it: a request
 * whose body or path is invalid is first asked about its credential (401) and whether the
 * caller's team may ever do the action (403, audited by the core); only then is the 400 (or the
 * 404 of an impossible id) answered. The core's use cases keep the same order for valid input.
 */
public final class TeamFirst {
  private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");

  private record Gate(Action action, EntityType type) {}

  /** Use case (as registered) → the action its team check is about. */
  private static final Map<String, Gate> GATES = Map.ofEntries(
      entry("CreateClient", new Gate(Action.CREATE_CLIENT, EntityType.CLIENT)),
      entry("UpdateClient", new Gate(Action.UPDATE_CLIENT, EntityType.CLIENT)),
      entry("ReassignClient", new Gate(Action.REASSIGN_CLIENT, EntityType.CLIENT)),
      entry("CreateContract", new Gate(Action.CREATE_CONTRACT, EntityType.CONTRACT)),
      entry("UpdateContract", new Gate(Action.UPDATE_CONTRACT, EntityType.CONTRACT)),
      entry("CreateEvent", new Gate(Action.CREATE_EVENT, EntityType.EVENT)),
      entry("UpdateEvent", new Gate(Action.UPDATE_EVENT, EntityType.EVENT)),
      entry("AssignEventSupport", new Gate(Action.ASSIGN_EVENT_SUPPORT, EntityType.EVENT)),
      entry("CreateCollaborator", new Gate(Action.CREATE_COLLABORATOR, EntityType.COLLABORATOR)),
      entry("UpdateCollaborator", new Gate(Action.UPDATE_COLLABORATOR, EntityType.COLLABORATOR)),
      entry("ResetPassword", new Gate(Action.RESET_PASSWORD, EntityType.COLLABORATOR)),
      entry("DeactivateCollaborator", new Gate(Action.DEACTIVATE_COLLABORATOR, EntityType.COLLABORATOR)),
      entry("ReactivateCollaborator", new Gate(Action.REACTIVATE_COLLABORATOR, EntityType.COLLABORATOR)),
      entry("ViewAuditTrail", new Gate(Action.READ_AUDIT, EntityType.SESSION)),
      entry("CreateApiKey", new Gate(Action.MANAGE_OWN_API_KEYS, EntityType.API_KEY)),
      entry("ManageApiKeys", new Gate(Action.MANAGE_OWN_API_KEYS, EntityType.API_KEY)),
      entry("ManageAllApiKeys", new Gate(Action.MANAGE_API_KEYS, EntityType.API_KEY)));

  private TeamFirst() {}

  /**
   * The error that outranks an input error on this request: the caller's missing credential or
   * their team's refusal; null when neither applies (the input error stands).
   */
  public static CrmException outranking(UseCases core, Context ctx) {
    Gate gate = GATES.get(Registrar.useCaseOf(ctx));
    AuthToken token = ctx.attribute(Requests.TOKEN_ATTRIBUTE); // set for every authenticated route
    if (gate == null || token == null) {
      return null;
    }
    try {
      core.checkTeamAccess().requireTeamMay(token, gate.action(), gate.type(), pathId(ctx));
      return null;
    } catch (AuthenticationFailed | AccessDenied refused) {
      return refused;
    }
  }

  private static Long pathId(Context ctx) {
    String raw = ctx.pathParamMap().get("id");
    return raw != null && ID.matcher(raw).matches() ? Long.valueOf(raw) : null;
  }
}
