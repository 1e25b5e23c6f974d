package com.epicevents.crm.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Team;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** An API key narrows its owner: the owner's permission and the key's scope, never more. */
class KeyScopesTest {
  private final AccessPolicy policy = new AccessPolicy();

  private static Actor keyOf(Team team, Scope... scopes) {
    Set<Scope> granted = scopes.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(scopes));
    return new Actor(CollaboratorId.of(7), team, true).through(new KeyGrant(3, granted));
  }

  @Test
  void aKeyWithTheScopeGetsWhatItsOwnerGets() {
    assertTrue(policy.decide(keyOf(Team.SALES, Scope.CLIENTS_WRITE), Action.CREATE_CLIENT, EntityType.CLIENT,
        Ownership.NONE).allowed());
    assertTrue(policy.decide(keyOf(Team.SUPPORT, Scope.EVENTS_READ), Action.READ, EntityType.EVENT,
        Ownership.NONE).allowed());
  }

  @Test
  void aKeyWithoutTheScopeIsRefusedNamingIt() {
    Decision d = policy.decide(keyOf(Team.SALES, Scope.CLIENTS_READ), Action.CREATE_CLIENT, EntityType.CLIENT,
        Ownership.NONE);
    assertFalse(d.allowed());
    assertEquals("not allowed: this API key lacks the scope clients:write", d.reason());
  }

  @Test
  void aKeyNeverWidensWhatItsOwnersTeamMayNotDo() {
    Decision d = policy.decide(keyOf(Team.SALES, Scope.values()), Action.READ_AUDIT, EntityType.SESSION,
        Ownership.NONE);
    assertFalse(d.allowed());
    assertEquals("not allowed: the SALES team may not read the audit trail", d.reason());
  }

  @Test
  void whatOnlyAPersonMayDoIsRefusedToAKeyHoldingEveryScope() {
    for (Action personOnly : EnumSet.of(Action.CHANGE_OWN_PASSWORD, Action.MANAGE_OWN_API_KEYS,
        Action.MANAGE_API_KEYS, Action.LOG_OUT, Action.CONFIRM_PASSWORD)) {
      assertFalse(policy.decide(keyOf(Team.MANAGEMENT, Scope.values()), personOnly, EntityType.API_KEY,
          Ownership.NONE).allowed(), personOnly.name());
    }
  }

  @Test
  void aScopeIsUsefulOnlyWhenTheOwnersTeamMayDoSomethingItCovers() {
    assertEquals(Set.of("collaborators:write", "audit:read", "webhooks:manage"), useless(Team.SALES));
    assertEquals(Set.of("clients:write", "contracts:write", "collaborators:write", "audit:read", "webhooks:manage"),
        useless(Team.SUPPORT));
    assertEquals(Set.of(), useless(Team.MANAGEMENT));
  }

  private Set<String> useless(Team team) {
    return Arrays.stream(Scope.values()).filter(s -> !policy.scopeUsefulTo(team, s)).map(Scope::wireName)
        .collect(Collectors.toSet());
  }
}
