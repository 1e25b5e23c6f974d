package com.epicevents.crm.http.route;

import io.javalin.security.RouteRole;

/**
 * Who may reach a route at all. Only the presence of a bearer token is checked at this level;
 * whether its owner may do the action is the core's decision.
 */
public enum Access implements RouteRole {
  /** login, health, the OpenAPI document */
  PUBLIC,
  /** everything else: {@code Authorization: Bearer <token>} required */
  AUTHENTICATED
}
