package com.epicevents.crm.application.port.in;

import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.audit.EntityType;

/**
 * "May the caller's team ever do this?" — asked by an adapter that found the input invalid
 * before it reached the use case, so that the contract's order of checks holds: no valid
 * credential → 401, a team that may never do the action → 403 (audited as ACCESS_DENIED), and only
 * then the 400 about the input.
 */
public interface CheckTeamAccessUseCase {
  /**
   * Returns when the caller's team may do the action on some record; otherwise throws
   * {@code AuthenticationFailed} or {@code AccessDenied} (audited).
   *
   * @param entityId the record the request named, or null
   */
  void requireTeamMay(AuthToken token, Action action, EntityType type, Long entityId);
}
