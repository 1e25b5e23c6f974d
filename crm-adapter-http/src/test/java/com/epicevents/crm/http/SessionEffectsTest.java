package com.epicevents.crm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.http.ApiFixture.Actor;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Logout, deactivation, team change and password change end old tokens on their very next call. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionEffectsTest {
  private final ApiFixture f = new ApiFixture();
  private final Api api = f.api;
  private final Actor manager = f.actor(Team.MANAGEMENT);

  @AfterAll
  void stop() {
    f.close();
  }

  private int probe(AuthToken token) {
    return api.get("/clients?limit=1").as(token).send().status();
  }

  @Test
  void logoutEndsTheTokenButNotTheCallersOtherSessions() {
    Actor a = f.actor(Team.SALES);
    AuthToken second = f.crm.login(a.who());
    assertEquals(204, api.post("/auth/logout").as(a.token()).send().status());
    assertEquals(401, probe(a.token()));
    assertEquals(401, api.post("/auth/logout").as(a.token()).send().status());
    assertEquals(200, probe(second));
  }

  @Test
  void deactivationEndsEverySessionOfThatCollaborator() {
    Actor a = f.actor(Team.SUPPORT);
    AuthToken second = f.crm.login(a.who());
    assertEquals(200, probe(a.token()));
    assertEquals(200, api.post("/collaborators/" + a.id() + "/deactivate").as(manager.token()).send().status());
    assertEquals(401, probe(a.token()));
    assertEquals(401, probe(second));
    // reactivation does not bring old tokens back
    assertEquals(200, api.post("/collaborators/" + a.id() + "/reactivate").as(manager.token()).send().status());
    assertEquals(401, probe(a.token()));
  }

  @Test
  void aTeamChangeEndsEverySessionOfThatCollaborator() {
    Actor a = f.actor(Team.SALES);
    assertEquals(200, api.patch("/collaborators/" + a.id()).as(manager.token()).json(Map.of("team", "SUPPORT"))
        .send().status());
    assertEquals(401, probe(a.token()));
    assertEquals(401, api.get("/me").as(a.token()).send().status());
  }

  @Test
  void anotherDetailChangeKeepsTheSessions() {
    Actor a = f.actor(Team.SALES);
    assertEquals(200, api.patch("/collaborators/" + a.id()).as(manager.token()).json(Map.of("fullName", "Still Here"))
        .send().status());
    assertEquals(200, probe(a.token()));
  }

  @Test
  void changingOwnPasswordEndsTheCallersOtherSessions() {
    Actor a = f.actor(Team.MANAGEMENT);
    AuthToken other = f.crm.login(a.who());
    assertEquals(204, api.put("/me/password").as(a.token())
        .json(Map.of("currentPassword", TestCrm.PASSWORD, "newPassword", "Rotated passphrase 2027")).send().status());
    assertEquals(401, probe(other));
    assertEquals(200, probe(a.token()));
  }

  @Test
  void aPasswordResetByManagementEndsEverySessionOfThatCollaborator() {
    Actor a = f.actor(Team.SUPPORT);
    assertEquals(204, api.put("/collaborators/" + a.id() + "/password").as(manager.token())
        .json(Map.of("newPassword", "Reset by the boss 2027")).send().status());
    assertEquals(401, probe(a.token()));
  }

  @Test
  void anIdleTokenExpires() {
    try (ApiFixture idle = new ApiFixture()) {
      Actor a = idle.actor(Team.SALES);
      assertEquals(200, idle.api.get("/me").as(a.token()).send().status());
      idle.crm.clock.advance(Duration.ofDays(2));
      Api.Reply r = idle.api.get("/me").as(a.token()).send();
      assertEquals(401, r.status());
      ServiceEndpointsTest.assertProblem(r, "urn:epicevents:crm:problem:authentication-required");
    }
  }
}
