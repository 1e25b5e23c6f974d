package com.epicevents.crm.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.ManageApiKeysUseCase;
import com.epicevents.crm.application.port.in.ManageApiKeysUseCase.CreateCommand;
import com.epicevents.crm.application.port.out.ApiKey;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.access.Scope;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.BusinessRuleViolated;
import com.epicevents.crm.domain.error.NotFound;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The key management use case on the in-memory core: who sees which key, filters, and the cap. */
class ManageApiKeysTest {
  private final TestCrm crm = new TestCrm();
  private final ManageApiKeysUseCase keys = crm.useCases.apiKeys();

  private ApiKey create(AuthToken owner, Duration lifetime) {
    return keys.create(owner, new CreateCommand("k", Set.of(Scope.CLIENTS_READ), crm.clock.instant().plus(lifetime)))
        .key();
  }

  @Test
  void aPersonGetsTheirOwnKeyManagementGetsAnyoneElseNobody() {
    AuthToken sales = crm.login(crm.collaborator("keysales", Team.SALES));
    AuthToken other = crm.login(crm.collaborator("keyother", Team.SALES));
    AuthToken manager = crm.login(crm.collaborator("keyboss", Team.MANAGEMENT));
    ApiKey key = create(sales, Duration.ofDays(10));

    assertEquals(key.id(), keys.get(sales, key.id()).id());
    assertEquals(key.id(), keys.get(manager, key.id()).id());
    assertThrows(NotFound.class, () -> keys.get(other, key.id()));
    assertThrows(NotFound.class, () -> keys.get(sales, 999_999));
  }

  @Test
  void myKeysFilterByWhetherTheyAreStillUsable() {
    Collaborator who = crm.collaborator("keyfilter", Team.SALES);
    AuthToken sales = crm.login(who);
    ApiKey lasting = create(sales, Duration.ofDays(30));
    ApiKey shortLived = create(sales, Duration.ofDays(1));
    ApiKey revoked = create(sales, Duration.ofDays(30));
    keys.revokeMine(sales, revoked.id());
    crm.clock.advance(Duration.ofDays(2));
    sales = crm.login(who); // the session has ended meanwhile

    assertEquals(java.util.List.of(lasting.id()),
        keys.listMine(sales, true, PageRequest.firstDefault()).items().stream().map(ApiKey::id).toList());
    assertEquals(java.util.List.of(shortLived.id(), revoked.id()),
        keys.listMine(sales, false, PageRequest.firstDefault()).items().stream().map(ApiKey::id).toList());
    assertEquals(3, keys.listMine(sales, null, PageRequest.firstDefault()).items().size());
  }

  @Test
  void aPersonHoldsAtMostFiftyUsableKeysAndARevocationMakesRoom() {
    Collaborator who = crm.collaborator("keycap", Team.SUPPORT);
    AuthToken support = crm.login(who);
    ApiKey first = create(support, Duration.ofDays(5));
    for (int i = 1; i < ManageApiKeysUseCase.MAX_ACTIVE_PER_OWNER; i++) {
      create(support, Duration.ofDays(5));
    }

    BusinessRuleViolated refused = assertThrows(BusinessRuleViolated.class, () -> create(support, Duration.ofDays(5)));
    assertEquals("you already have 50 usable API keys: revoke one before creating another", refused.getMessage());
    keys.revokeMine(support, first.id());
    create(support, Duration.ofDays(5));
  }
}
