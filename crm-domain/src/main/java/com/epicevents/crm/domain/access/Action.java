package com.epicevents.crm.domain.access;

/** Everything a collaborator can ask to do; one row of the permission table each. */
public enum Action {
  READ("read records"),
  READ_AUDIT("read the audit trail"),
  CREATE_COLLABORATOR("create collaborators"),
  UPDATE_COLLABORATOR("update collaborators"),
  RESET_PASSWORD("reset another collaborator's password"),
  CHANGE_OWN_PASSWORD("change their own password"),
  DEACTIVATE_COLLABORATOR("deactivate collaborators"),
  REACTIVATE_COLLABORATOR("reactivate collaborators"),
  CREATE_CLIENT("create clients"),
  UPDATE_CLIENT("update clients"),
  REASSIGN_CLIENT("reassign clients to another salesperson"),
  CREATE_CONTRACT("create contracts"),
  UPDATE_CONTRACT("update or sign contracts"),
  LIST_UNSIGNED_OR_UNPAID_CONTRACTS("list unsigned or not fully paid contracts"),
  CREATE_EVENT("create events"),
  ASSIGN_EVENT_SUPPORT("assign an event's support contact"),
  UPDATE_EVENT("update events"),
  LIST_UNASSIGNED_EVENTS("list events without support"),
  LIST_MY_EVENTS("list their own events"),
  MANAGE_WEBHOOKS("manage webhook subscriptions"),
  READ_CHANGES("read the changes feed"),
  MANAGE_OWN_API_KEYS("create, list or revoke their own API keys"),
  MANAGE_API_KEYS("list or revoke other collaborators' API keys"),
  LOG_OUT("log out"),
  CONFIRM_PASSWORD("confirm a password");

  private final String description;

  Action(String description) {
    this.description = description;
  }

  /** What the action does, completing "may not …". */
  public String description() {
    return description;
  }
}
