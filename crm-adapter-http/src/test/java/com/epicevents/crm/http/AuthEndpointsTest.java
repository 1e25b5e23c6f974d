package com.epicevents.crm.http;

import static com.epicevents.crm.http.ServiceEndpointsTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.http.ApiFixture.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthEndpointsTest {
  private final ApiFixture f = new ApiFixture();
  private final Api api = f.api;

  @AfterAll
  void stop() {
    f.close();
  }

  private Api.Reply login(String username, String password) {
    return api.post("/auth/login").json(Map.of("username", username, "password", password)).send();
  }

  @Test
  void loginReturnsATokenItsExpiryAndTheCollaborator() {
    Collaborator c = f.member(Team.SALES);
    Api.Reply r = login(c.username().value(), TestCrm.PASSWORD);
    assertEquals(200, r.status(), r::toString);
    JsonNode body = r.json();
    assertTrue(body.get("token").asText().length() >= 32);
    assertTrue(body.get("expiresAt").asText().endsWith("Z"));
    assertEquals(c.id().value(), body.get("collaborator").get("id").asLong());
    assertEquals("SALES", body.get("collaborator").get("team").asText());
    assertFalse(r.body().contains("passwordHash"));

    Api.Reply me = api.get("/me").header("Authorization", "Bearer " + body.get("token").asText()).send();
    assertEquals(200, me.status());
    assertEquals(c.username().value(), me.json().get("username").asText());
  }

  @Test
  void aWrongPasswordAnUnknownUserAndADeactivatedAccountGetTheSame401() {
    Collaborator known = f.member(Team.SUPPORT);
    Collaborator gone = f.crm.deactivated(f.member(Team.SUPPORT));
    Api.Reply wrong = login(known.username().value(), "not the password at all");
    Api.Reply unknown = login("nobody-here", "not the password at all");
    Api.Reply deactivated = login(gone.username().value(), TestCrm.PASSWORD);
    for (Api.Reply r : new Api.Reply[] {wrong, unknown, deactivated}) {
      assertEquals(401, r.status(), r::toString);
      assertProblem(r, "urn:epicevents:crm:problem:authentication-required");
      assertTrue(r.header("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
    }
    assertEquals(wrong.json().get("detail"), unknown.json().get("detail"));
    assertEquals(wrong.json().get("detail"), deactivated.json().get("detail"));
  }

  @Test
  void repeatedFailuresAreThrottledWith429AndRetryAfter() {
    Collaborator c = f.member(Team.SALES);
    Api.Reply last = null;
    for (int i = 0; i < 12 && (last == null || last.status() != 429); i++) {
      last = login(c.username().value(), "wrong password " + i);
    }
    assertEquals(429, last.status(), last::toString);
    assertProblem(last, "urn:epicevents:crm:problem:too-many-login-attempts");
    assertTrue(Long.parseLong(last.header("Retry-After").orElseThrow()) >= 1);
  }

  @Test
  void loginWithoutPasswordIsA400NamingTheField() {
    Api.Reply r = api.post("/auth/login").json(Map.of("username", "someone")).send();
    assertEquals(400, r.status());
    assertEquals("password", r.json().get("errors").get(0).get("field").asText());
  }

  @Test
  void logoutRevokesTheTokenAtOnce() {
    Actor a = f.actor(Team.MANAGEMENT);
    Api.Reply out = api.post("/auth/logout").as(a.token()).send();
    assertEquals(204, out.status());
    assertEquals("", out.body());
    assertEquals(401, api.get("/me").as(a.token()).send().status());
  }

  @Test
  void meReturnsTheCallersFullRecordWithAnETag() {
    Actor a = f.actor(Team.SUPPORT);
    Api.Reply r = api.get("/me").as(a.token()).send();
    assertEquals(200, r.status());
    assertEquals(a.who().email().value(), r.json().get("email").asText());
    assertEquals("\"" + r.json().get("version").asLong() + "\"", r.header("ETag").orElseThrow());
  }

  @Test
  void callsWithoutAUsableTokenAre401() {
    assertEquals(401, api.get("/me").send().status());
    assertEquals(401, api.get("/me").header("Authorization", "Basic dXNlcjpwYXNz").send().status());
    assertEquals(401, api.get("/me").header("Authorization", "Bearer").send().status());
    assertEquals(401, api.get("/me").as(new AuthToken("made-up-token")).send().status());
    Api.Reply r = api.get("/clients").send();
    assertProblem(r, "urn:epicevents:crm:problem:authentication-required");
  }

  @Test
  void changingOwnPasswordNeedsTheCurrentOneAndKeepsThisSession() {
    Actor a = f.actor(Team.SALES);
    Api.Reply wrong = api.put("/me/password").as(a.token())
        .json(Map.of("currentPassword", "not it at all", "newPassword", "A much better passphrase 42")).send();
    assertEquals(400, wrong.status());
    assertEquals("currentPassword", wrong.json().get("errors").get(0).get("field").asText());

    Api.Reply tooShort = api.put("/me/password").as(a.token())
        .json(Map.of("currentPassword", TestCrm.PASSWORD, "newPassword", "short")).send();
    assertEquals(400, tooShort.status());
    assertEquals("newPassword", tooShort.json().get("errors").get(0).get("field").asText());

    Api.Reply ok = api.put("/me/password").as(a.token())
        .json(Map.of("currentPassword", TestCrm.PASSWORD, "newPassword", "A much better passphrase 42")).send();
    assertEquals(204, ok.status(), ok::toString);
    assertEquals(200, api.get("/me").as(a.token()).send().status());
    assertEquals(200, login(a.who().username().value(), "A much better passphrase 42").status());
  }
}
