package com.example.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CreateContractUseCase;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.AuthenticationFailed;
import com.epicevents.crm.domain.error.CrmException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host's adapter unit-tested on the CRM's in-memory core (the test-fixtures artifact): no database. */
class ClientNamesTest {
  @Test
  void listsEveryClientThroughTheCore() {
    TestCrm crm = new TestCrm();
    Collaborator sam = crm.collaborator("sam", Team.SALES);
    crm.client("Kevin Casey", sam);
    crm.client("John Dough", sam);

    List<String> names = new ClientNames(crm.useCases).all(crm.login(sam));

    assertEquals(List.of("Kevin Casey", "John Dough"), names);
  }

  @Test
  void aRefusalFromTheCoreBecomesTheHostsMessage() {
    TestCrm crm = new TestCrm();
    Collaborator sam = crm.collaborator("sam", Team.SALES);
    var client = crm.client("Kevin Casey", sam);
    CrmException refused = assertThrows(CrmException.class, () -> crm.useCases.createContract()
        .create(crm.login(sam), CreateContractUseCase.Command.of(client.id().value(), "10.00", "10.00", false)));
    assertTrue(ErrorMessages.forUser(refused).startsWith("not allowed: "), ErrorMessages.forUser(refused));
  }

  @Test
  void anUnknownTokenIsRefusedByTheCoreNotTheAdapter() {
    TestCrm crm = new TestCrm();
    assertThrows(AuthenticationFailed.class,
        () -> new ClientNames(crm.useCases).all(new AuthToken("not-a-session-token-at-all-0000000000000")));
  }
}
