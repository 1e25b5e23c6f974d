package com.epicevents.crm.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.ExpectedVersion;
import com.epicevents.crm.application.port.in.UpdateContractUseCase;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.domain.error.ValidationFailed;
import org.junit.jupiter.api.Test;

/** The stale-edit check is skipped only when asked for by name, never by a null. */
class ExpectedVersionTest {
  private final TestCrm crm = new TestCrm();
  private final Collaborator boss = crm.collaborator("boss", Team.MANAGEMENT);
  private final Contract contract = crm.contract(crm.client("Kevin Casey", crm.collaborator("sam", Team.SALES)),
      "100.00", "100.00", false);
  private final AuthToken token = crm.login(boss);

  @Test
  void aNullExpectedVersionIsRefusedNamingTheFieldAndChangesNothing() {
    ValidationFailed e = assertThrows(ValidationFailed.class, () -> update(null, "50.00"));
    assertEquals("expectedVersion", e.errors().get(0).field());
    assertEquals("100.00", crm.reload(contract.id()).amountDue().toString());
  }

  @Test
  void anyVersionAppliesTheChangeWhateverTheStoredVersion() {
    update(contract.version(), "90.00");
    update(ExpectedVersion.ANY, "50.00");
    assertEquals("50.00", crm.reload(contract.id()).amountDue().toString());
  }

  @Test
  void theVersionReadIsCheckedAndANegativeOneOtherThanAnyIsRefused() {
    update(contract.version(), "90.00");
    assertThrows(ConcurrentModification.class, () -> update(contract.version(), "80.00"));
    assertThrows(ValidationFailed.class, () -> update(-2L, "80.00"));
  }

  private void update(Long expectedVersion, String amountDue) {
    crm.useCases.updateContract().update(token,
        UpdateContractUseCase.Command.of(contract.id().value(), expectedVersion, null, amountDue, null));
  }
}
