package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.ExpectedVersion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.LogInUseCase;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.AuthenticationFailed;
import org.junit.jupiter.api.Test;

/** The holder of a deactivated account's session is told why it ended; a login attempt is not. */
class DeactivatedAccountMessageTest {
  private final TestCrm crm = new TestCrm();
  private final Collaborator alice = crm.collaborator("alice", Team.SALES);
  private final Collaborator boss = crm.collaborator("boss", Team.MANAGEMENT);

  @Test
  void theOwnSessionOfADeactivatedAccountSaysSoWhileALoginGetsTheUsualAnswer() {
    AuthToken hers = crm.login(alice);
    AuthToken other = crm.login(alice);
    crm.useCases.logOut().logOut(other);
    crm.useCases.deactivateCollaborator().deactivate(crm.login(boss), alice.id(), ExpectedVersion.ANY);

    AuthenticationFailed ended = assertThrows(AuthenticationFailed.class,
        () -> crm.useCases.currentSession().current(hers));
    assertEquals(Guard.ACCOUNT_DEACTIVATED, ended.getMessage());
    AuthenticationFailed login = assertThrows(AuthenticationFailed.class, () -> crm.useCases.logIn().logIn(
        new LogInUseCase.Command("alice", TestCrm.PASSWORD.toCharArray(), SessionKind.INTERACTIVE)));
    assertEquals(AuthenticationFailed.BAD_CREDENTIALS, login.getMessage());
  }

  @Test
  void aSessionEndedByLoggingOutStillJustSaysItEnded() {
    AuthToken hers = crm.login(alice);
    crm.useCases.logOut().logOut(hers);
    assertEquals(Guard.SESSION_ENDED, assertThrows(AuthenticationFailed.class,
        () -> crm.useCases.currentSession().current(hers)).getMessage());
  }
}
