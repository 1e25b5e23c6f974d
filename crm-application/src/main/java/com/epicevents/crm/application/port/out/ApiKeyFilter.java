package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.collaborator.CollaboratorId;

/**
 * Which keys a list shows: one owner's or everyone's ({@code ownerId} null); only usable ones
 * ({@code active} true: neither revoked nor expired), only unusable ones (false), or all (null).
 */
public record ApiKeyFilter(CollaboratorId ownerId, Boolean active) {
  public static final ApiKeyFilter ALL = new ApiKeyFilter(null, null);
}
