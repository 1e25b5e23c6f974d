package com.epicevents.crm.http;

import static com.epicevents.crm.http.ServiceEndpointsTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.http.ApiFixture.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollaboratorEndpointsTest {
  private final ApiFixture f = new ApiFixture();
  private final Api api = f.api;
  private final Actor manager = f.actor(Team.MANAGEMENT);

  @AfterAll
  void stop() {
    f.close();
  }

  private Map<String, Object> newCollaborator(String username) {
    Map<String, Object> body = new HashMap<>();
    body.put("username", username);
    body.put("password", "Correct horse battery 9");
    body.put("fullName", "Ada Lovelace");
    body.put("email", username + "@epic-events.test");
    body.put("phone", "+33 6 11 22 33 44");
    body.put("team", "SUPPORT");
    return body;
  }

  @Test
  void managementCreatesACollaboratorWhoCanThenLogIn() {
    String username = ApiFixture.unique("ada");
    Api.Reply r = api.post("/collaborators").as(manager.token()).json(newCollaborator(username)).send();
    assertEquals(201, r.status(), r::toString);
    JsonNode c = r.json();
    assertEquals(List.of("id", "username", "fullName", "email", "phone", "team", "active", "version", "createdAt",
        "updatedAt"), ClientEndpointsTest.fieldNames(c));
    assertEquals("SUPPORT", c.get("team").asText());
    assertTrue(c.get("active").asBoolean());
    assertEquals("/api/v1/collaborators/" + c.get("id").asLong(), r.header("Location").orElseThrow());
    assertTrue(r.header("ETag").isPresent());
    Api.Reply login = api.post("/auth/login")
        .json(Map.of("username", username, "password", "Correct horse battery 9")).send();
    assertEquals(200, login.status());
  }

  @Test
  void creatingACollaboratorReportsEveryInvalidFieldAtOnce() {
    Map<String, Object> body = newCollaborator("x");
    body.put("email", "not-an-email");
    body.put("team", "MARKETING");
    body.put("phone", "call me");
    Api.Reply r = api.post("/collaborators").as(manager.token()).json(body).send();
    assertEquals(400, r.status());
    assertProblem(r, "urn:epicevents:crm:problem:validation-failed");
    assertEquals(Set.of("username", "email", "team", "phone"), fields(r));
  }

  @Test
  void aTakenUsernameIsA409NamingTheField() {
    Collaborator existing = f.member(Team.SALES);
    Api.Reply r = api.post("/collaborators").as(manager.token())
        .json(newCollaborator(existing.username().value())).send();
    assertEquals(409, r.status(), r::toString);
    assertProblem(r, "urn:epicevents:crm:problem:business-rule-violated");
    assertEquals("username", r.json().get("errors").get(0).get("field").asText());
  }

  @Test
  void aWeakPasswordIsA400NamingPassword() {
    Map<String, Object> body = newCollaborator(ApiFixture.unique("weak"));
    body.put("password", "password");
    Api.Reply r = api.post("/collaborators").as(manager.token()).json(body).send();
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("password"), fields(r));
  }

  @Test
  void anyoneReadsTheDirectoryButOnlyManagementSeesColleaguesContactDetails() {
    Collaborator other = f.member(Team.SALES);
    Actor support = f.actor(Team.SUPPORT);
    JsonNode seenBySupport = api.get("/collaborators/" + other.id().value()).as(support.token()).send().json();
    assertTrue(seenBySupport.get("email").isNull());
    assertTrue(seenBySupport.get("phone").isNull());
    Api.Reply seenByManager = api.get("/collaborators/" + other.id().value()).as(manager.token()).send();
    assertEquals(other.email().value(), seenByManager.json().get("email").asText());
    assertEquals("\"" + other.version() + "\"", seenByManager.header("ETag").orElseThrow());
  }

  @Test
  void theDirectoryFiltersByTeamAndActiveFlag() {
    Collaborator gone = f.crm.deactivated(f.member(Team.SUPPORT));
    JsonNode page = api.get("/collaborators?team=SUPPORT&active=false&limit=200").as(manager.token()).send().json();
    Set<Long> ids = new HashSet<>();
    for (JsonNode c : page.get("items")) {
      assertEquals("SUPPORT", c.get("team").asText());
      assertTrue(!c.get("active").asBoolean());
      ids.add(c.get("id").asLong());
    }
    assertTrue(ids.contains(gone.id().value()));
    Api.Reply badTeam = api.get("/collaborators?team=PIRATES").as(manager.token()).send();
    assertEquals(400, badTeam.status());
    assertEquals(Set.of("team"), fields(badTeam));
  }

  @Test
  void anUnknownCollaboratorIs404() {
    assertEquals(404, api.get("/collaborators/999999").as(manager.token()).send().status());
    assertEquals(404, api.get("/collaborators/abc").as(manager.token()).send().status());
    assertEquals(404, api.get("/collaborators/0").as(manager.token()).send().status());
    assertEquals(404, api.patch("/collaborators/999999").as(manager.token()).json(Map.of("fullName", "X")).send().status());
  }

  @Test
  void managementPatchesOnlyTheFieldsSentAndNullClearsTheEmail() {
    Collaborator c = f.member(Team.SALES);
    Map<String, Object> body = new HashMap<>();
    body.put("fullName", "Renamed Person");
    body.put("email", null);
    Api.Reply r = api.patch("/collaborators/" + c.id().value()).as(manager.token()).json(body).send();
    assertEquals(200, r.status(), r::toString);
    assertEquals("Renamed Person", r.json().get("fullName").asText());
    assertTrue(r.json().get("email").isNull());
    assertEquals(c.username().value(), r.json().get("username").asText());
    assertEquals("\"" + r.json().get("version").asLong() + "\"", r.header("ETag").orElseThrow());
  }

  @Test
  void nullForARequiredCollaboratorFieldIsA400() {
    Collaborator c = f.member(Team.SALES);
    Map<String, Object> body = new HashMap<>();
    body.put("phone", null);
    body.put("team", null);
    Api.Reply r = api.patch("/collaborators/" + c.id().value()).as(manager.token()).json(body).send();
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("phone", "team"), fields(r));
  }

  @Test
  void managementResetsAPasswordAndTheOldSessionsEnd() {
    Actor target = f.actor(Team.SUPPORT);
    Api.Reply r = api.put("/collaborators/" + target.id() + "/password").as(manager.token())
        .json(Map.of("newPassword", "Brand new passphrase 77")).send();
    assertEquals(204, r.status(), r::toString);
    assertEquals(401, api.get("/me").as(target.token()).send().status());
    assertEquals(200, api.post("/auth/login").json(Map.of("username", target.who().username().value(),
        "password", "Brand new passphrase 77")).send().status());
  }

  @Test
  void managementDeactivatesAndReactivatesACollaborator() {
    Actor target = f.actor(Team.SALES);
    Api.Reply off = api.post("/collaborators/" + target.id() + "/deactivate").as(manager.token()).send();
    assertEquals(200, off.status(), off::toString);
    assertTrue(!off.json().get("active").asBoolean());
    assertTrue(off.header("ETag").isPresent());
    assertEquals(401, api.get("/me").as(target.token()).send().status());
    assertEquals(401, api.post("/auth/login").json(Map.of("username", target.who().username().value(),
        "password", TestCrm.PASSWORD)).send().status());

    Api.Reply again = api.post("/collaborators/" + target.id() + "/deactivate").as(manager.token()).send();
    assertEquals(409, again.status());

    Api.Reply on = api.post("/collaborators/" + target.id() + "/reactivate").as(manager.token()).json(Map.of()).send();
    assertEquals(200, on.status(), on::toString);
    assertTrue(on.json().get("active").asBoolean());
  }

  @Test
  void deactivationChecksIfMatchAgainstTheCurrentVersion() {
    Collaborator target = f.member(Team.SALES);
    Api.Reply stale = api.post("/collaborators/" + target.id().value() + "/deactivate").as(manager.token())
        .ifMatch(target.version() + 5).send();
    assertEquals(412, stale.status(), stale::toString);
    assertTrue(f.crm.reload(target.id()).active());
    Api.Reply fresh = api.post("/collaborators/" + target.id().value() + "/deactivate").as(manager.token())
        .ifMatch(target.version()).send();
    assertEquals(200, fresh.status(), fresh::toString);
  }

  @Test
  void theLastActiveManagerCannotBeDeactivated() {
    try (ApiFixture alone = new ApiFixture()) {
      Actor only = alone.actor(Team.MANAGEMENT);
      Api.Reply r = alone.api.post("/collaborators/" + only.id() + "/deactivate").as(only.token()).send();
      assertEquals(409, r.status(), r::toString);
      assertTrue(alone.crm.reload(only.who().id()).active());
    }
  }

  @Test
  void anActionEndpointRefusesAnUnexpectedBody() {
    Collaborator target = f.member(Team.SALES);
    Api.Reply r = api.post("/collaborators/" + target.id().value() + "/deactivate").as(manager.token())
        .json(Map.of("reason", "none")).send();
    assertEquals(400, r.status());
    assertEquals(Set.of("reason"), fields(r));
    assertTrue(f.crm.reload(target.id()).active());
  }

  static Set<String> fields(Api.Reply r) {
    Set<String> fields = new HashSet<>();
    JsonNode errors = r.json().get("errors");
    if (errors != null) {
      errors.forEach(e -> fields.add(e.get("field").asText()));
    }
    return fields;
  }
}
