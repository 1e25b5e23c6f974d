package com.epicevents.crm.domain.access;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** The API key an actor is acting through: which one, and the scopes that narrow its owner. */
public record KeyGrant(long keyId, Set<Scope> scopes) {
  public KeyGrant {
    Objects.requireNonNull(scopes, "scopes");
    scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
  }

  public boolean has(Scope scope) {
    return scopes.contains(scope);
  }
}
