package com.epicevents.crm.application.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CreateClientUseCase;
import com.epicevents.crm.application.port.in.ExpectedVersion;
import com.epicevents.crm.application.port.in.FieldUpdate;
import com.epicevents.crm.application.port.in.LogInUseCase;
import com.epicevents.crm.application.port.in.UpdateCollaboratorUseCase;
import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.AuthenticationFailed;
import com.epicevents.crm.domain.error.LoginThrottled;
import com.epicevents.crm.domain.error.ReauthenticationRequired;
import com.epicevents.crm.domain.error.ValidationFailed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sessions, re-authentication, brute-force defence and password rules, through the use cases. */
class SessionSecurityTest {
  final TestCrm crm = new TestCrm();
  final Collaborator manager = crm.collaborator("manager", Team.MANAGEMENT);
  final Collaborator alice = crm.collaborator("alice", Team.SALES);

  LogInUseCase.Result logIn(String username, String password) {
    return crm.useCases.logIn().logIn(new LogInUseCase.Command(username, password.toCharArray(), SessionKind.API));
  }

  void read(AuthToken token) {
    crm.useCases.clients().list(token, ClientFilter.ALL, PageRequest.firstDefault());
  }

  @Test
  void unknownUserWrongPasswordAndDeactivatedAccountFailAlikeAndAllCheckAPassword() {
    crm.deactivated(crm.collaborator("gone", Team.SUPPORT));
    List<String> messages = List.of(
        assertThrows(AuthenticationFailed.class, () -> logIn("nobody", TestCrm.PASSWORD)).getMessage(),
        assertThrows(AuthenticationFailed.class, () -> logIn("alice", "wrong password!!")).getMessage(),
        assertThrows(AuthenticationFailed.class, () -> logIn("gone", TestCrm.PASSWORD)).getMessage());
    assertEquals(List.of(AuthenticationFailed.BAD_CREDENTIALS, AuthenticationFailed.BAD_CREDENTIALS,
        AuthenticationFailed.BAD_CREDENTIALS), messages);
    long failures = crm.store.auditTrail().entries().stream().filter(e -> e.action().equals("LOGIN_FAILED")).count();
    assertEquals(3, failures);
  }

  @Test
  void usernamesAreCaseInsensitiveAtLogin() {
    assertEquals("alice", logIn("ALICE", TestCrm.PASSWORD).collaborator().username());
  }

  @Test
  void fiveFailuresThrottleWithBackOffAndTenLockForFifteenMinutes() {
    for (int i = 0; i < 5; i++) {
      assertThrows(AuthenticationFailed.class, () -> logIn("alice", "wrong password!!"));
    }
    LoginThrottled throttled = assertThrows(LoginThrottled.class, () -> logIn("alice", TestCrm.PASSWORD));
    assertFalse(throttled.locked());
    assertEquals(1, throttled.retryAfterSeconds());
    for (int i = 5; i < 9; i++) {
      crm.clock.advance(Duration.ofMinutes(1));
      assertThrows(AuthenticationFailed.class, () -> logIn("alice", "wrong password!!"));
    }
    crm.clock.advance(Duration.ofMinutes(1));
    LoginThrottled locked = assertThrows(LoginThrottled.class, () -> logIn("alice", "wrong password!!"));
    assertTrue(locked.locked());
    assertEquals(15 * 60, locked.retryAfterSeconds());
    assertTrue(locked.getMessage().contains("15 minute"));
    crm.clock.advance(Duration.ofMinutes(14));
    assertThrows(LoginThrottled.class, () -> logIn("alice", TestCrm.PASSWORD), "still locked, even with the right password");
    crm.clock.advance(Duration.ofMinutes(1));
    assertDoesNotThrow(() -> logIn("alice", TestCrm.PASSWORD));
    List<String> actions = crm.store.auditTrail().entries().stream().map(AuditEntry::action).toList();
    assertTrue(actions.containsAll(List.of("LOGIN_FAILED", "LOGIN_THROTTLED", "LOCKED_OUT", "UNLOCKED", "LOGIN_SUCCEEDED")));
  }

  @Test
  void aSuccessResetsTheFailureCount() {
    for (int i = 0; i < 4; i++) {
      assertThrows(AuthenticationFailed.class, () -> logIn("alice", "wrong password!!"));
    }
    logIn("alice", TestCrm.PASSWORD);
    for (int i = 0; i < 4; i++) {
      assertThrows(AuthenticationFailed.class, () -> logIn("alice", "wrong password!!"));
    }
    assertDoesNotThrow(() -> logIn("alice", TestCrm.PASSWORD));
  }

  @Test
  void logoutRevokesTheTokenAtOnce() {
    AuthToken token = crm.login(alice);
    crm.useCases.logOut().logOut(token);
    assertThrows(AuthenticationFailed.class, () -> read(token));
  }

  @Test
  void sessionsExpireWhenIdleAndAfterTheirAbsoluteLifetime() {
    AuthToken idle = crm.login(alice);
    crm.clock.advance(Duration.ofMinutes(31));
    assertThrows(AuthenticationFailed.class, () -> read(idle));

    AuthToken busy = crm.login(alice);
    for (int i = 0; i < 12 * 3 - 1; i++) {
      crm.clock.advance(Duration.ofMinutes(20));
      read(busy);
    }
    crm.clock.advance(Duration.ofMinutes(20));
    assertThrows(AuthenticationFailed.class, () -> read(busy));
  }

  @Test
  void idleExpiryCountsFromTheLastUseExactlyNotFromTheLastStoredMinute() {
    TestCrm oneMinute = new TestCrm(SecuritySettings.DEFAULTS.withIdleTimeout(Duration.ofMinutes(1)));
    Collaborator bob = oneMinute.collaborator("bob", Team.SALES);
    AuthToken token = oneMinute.login(bob);
    oneMinute.clock.advance(Duration.ofSeconds(35));
    oneMinute.useCases.clients().list(token, ClientFilter.ALL, PageRequest.firstDefault());
    oneMinute.clock.advance(Duration.ofSeconds(35));
    // 70 s after login, 35 s after the last use: still open, for a read and for a change
    assertDoesNotThrow(() -> oneMinute.useCases.clients().list(token, ClientFilter.ALL, PageRequest.firstDefault()));
    oneMinute.clock.advance(Duration.ofSeconds(59));
    assertDoesNotThrow(() -> oneMinute.useCases.createClient().create(token, CreateClientUseCase.Command.of(
        "Kevin Casey", "kevin@startup.io", "+678 123 456 78", "Cool Startup LLC", null)));
    oneMinute.clock.advance(Duration.ofSeconds(60));
    assertThrows(AuthenticationFailed.class,
        () -> oneMinute.useCases.clients().list(token, ClientFilter.ALL, PageRequest.firstDefault()));
  }

  @Test
  void deactivationAndTeamChangeEndEverySessionOfThatPerson() {
    AuthToken mine = crm.login(alice);
    AuthToken boss = crm.login(manager);
    crm.useCases.updateCollaborator().update(boss, UpdateCollaboratorUseCase.Command.of(alice.id().value(), ExpectedVersion.ANY,
        null, null, null, null, FieldUpdate.set("SUPPORT")));
    assertThrows(AuthenticationFailed.class, () -> read(mine));

    AuthToken again = crm.login(alice);
    crm.useCases.deactivateCollaborator().deactivate(boss, alice.id(), ExpectedVersion.ANY);
    assertThrows(AuthenticationFailed.class, () -> read(again));
    assertThrows(AuthenticationFailed.class, () -> crm.login(alice));
  }

  @Test
  void changingOnesPasswordEndsTheOtherSessionsButNotThisOne() {
    AuthToken here = crm.login(alice);
    AuthToken elsewhere = crm.login(alice);
    crm.useCases.changeOwnPassword().changeOwnPassword(here, TestCrm.PASSWORD.toCharArray(),
        "a-whole-new-passphrase".toCharArray());
    assertDoesNotThrow(() -> read(here));
    assertThrows(AuthenticationFailed.class, () -> read(elsewhere));
    assertDoesNotThrow(() -> logIn("alice", "a-whole-new-passphrase"));
  }

  @Test
  void newPasswordsFollowThePolicyWithAFieldLevelReason() {
    AuthToken token = crm.login(alice);
    String[][] cases = {
        {"short", "at least 12"},
        {"x".repeat(129), "at most 128"},
        {"password1234", "too common"},
        {"my-alice-secret-phrase", "username"},
    };
    for (String[] c : cases) {
      ValidationFailed e = assertThrows(ValidationFailed.class, () -> crm.useCases.changeOwnPassword()
          .changeOwnPassword(token, TestCrm.PASSWORD.toCharArray(), c[0].toCharArray()));
      assertEquals("newPassword", e.errors().get(0).field());
      assertTrue(e.getMessage().contains(c[1]), e.getMessage());
    }
    ValidationFailed wrongCurrent = assertThrows(ValidationFailed.class, () -> crm.useCases.changeOwnPassword()
        .changeOwnPassword(token, "not-my-password".toCharArray(), "a-whole-new-passphrase".toCharArray()));
    assertEquals("currentPassword", wrongCurrent.errors().get(0).field());
  }

  @Test
  void aWeakerStoredHashIsReplacedAtTheNextSuccessfulLogin() {
    String before = crm.reload(alice.id()).passwordHash();
    crm.hasher.raiseCost(2);
    logIn("alice", TestCrm.PASSWORD);
    String after = crm.reload(alice.id()).passwordHash();
    assertTrue(before.startsWith("fake$1$"));
    assertTrue(after.startsWith("fake$2$"));
  }

  @Test
  void interactiveChangesNeedThePasswordAgainAfterTheWindow() {
    AuthToken token = crm.login(alice, SessionKind.INTERACTIVE);
    var create = CreateClientUseCase.Command.of("Kevin", null, "0102030405", "Startup", null);
    assertDoesNotThrow(() -> crm.useCases.createClient().create(token, create), "just logged in");
    crm.clock.advance(Duration.ofMinutes(6));
    assertTrue(crm.useCases.currentSession().current(token).passwordNeededForChanges());
    assertThrows(ReauthenticationRequired.class, () -> crm.useCases.createClient().create(token, create));
    assertThrows(AuthenticationFailed.class,
        () -> crm.useCases.reauthenticate().reauthenticate(token, "wrong password!".toCharArray()));
    crm.useCases.reauthenticate().reauthenticate(token, TestCrm.PASSWORD.toCharArray());
    assertDoesNotThrow(() -> crm.useCases.createClient().create(token, create));
  }

  @Test
  void withAZeroWindowEveryInteractiveChangeNeedsThePasswordButApiTokensNever() {
    TestCrm strict = new TestCrm(SecuritySettings.DEFAULTS.withReauthenticationWindow(Duration.ZERO));
    Collaborator bob = strict.collaborator("bob", Team.SALES);
    AuthToken tui = strict.login(bob, SessionKind.INTERACTIVE);
    var create = CreateClientUseCase.Command.of("Kevin", null, "0102030405", "Startup", null);
    assertThrows(ReauthenticationRequired.class, () -> strict.useCases.createClient().create(tui, create));
    strict.useCases.reauthenticate().reauthenticate(tui, TestCrm.PASSWORD.toCharArray());
    assertDoesNotThrow(() -> strict.useCases.createClient().create(tui, create));
    assertThrows(ReauthenticationRequired.class, () -> strict.useCases.createClient().create(tui, create),
        "one confirmation, one change");

    AuthToken api = strict.login(bob, SessionKind.API);
    assertDoesNotThrow(() -> strict.useCases.createClient().create(api, create));
    assertDoesNotThrow(() -> strict.useCases.createClient().create(api, create));
  }

  @Test
  void aFailedChangeDoesNotUseUpTheConfirmation() {
    TestCrm strict = new TestCrm(SecuritySettings.DEFAULTS.withReauthenticationWindow(Duration.ZERO));
    Collaborator bob = strict.collaborator("bob", Team.SALES);
    AuthToken tui = strict.login(bob, SessionKind.INTERACTIVE);
    strict.useCases.reauthenticate().reauthenticate(tui, TestCrm.PASSWORD.toCharArray());
    var future = CreateClientUseCase.Command.of("Kevin", null, "0102030405", "Startup",
        TestCrm.START.plus(Duration.ofDays(1)));
    assertThrows(ValidationFailed.class, () -> strict.useCases.createClient().create(tui, future));
    assertDoesNotThrow(() -> strict.useCases.createClient().create(tui,
        CreateClientUseCase.Command.of("Kevin", null, "0102030405", "Startup", null)));
  }

  @Test
  void noPasswordOrTokenEverReachesTheAuditTrail() {
    AuthToken token = crm.login(alice);
    crm.useCases.changeOwnPassword().changeOwnPassword(token, TestCrm.PASSWORD.toCharArray(),
        "a-whole-new-passphrase".toCharArray());
    assertThrows(AuthenticationFailed.class, () -> logIn("alice", "a-wrong-guess-here"));
    String trail = crm.store.auditTrail().entries().toString();
    for (String secret : List.of(TestCrm.PASSWORD, "a-whole-new-passphrase", "a-wrong-guess-here", token.value(), "fake$")) {
      assertFalse(trail.contains(secret), "audit trail leaks " + secret);
    }
  }
}
