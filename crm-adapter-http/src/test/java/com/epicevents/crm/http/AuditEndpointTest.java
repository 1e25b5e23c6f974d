package com.epicevents.crm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.http.ApiFixture.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditEndpointTest {
  private final ApiFixture f = new ApiFixture();
  private final Api api = f.api;
  private final Actor manager = f.actor(Team.MANAGEMENT);

  @AfterAll
  void stop() {
    f.close();
  }

  @Test
  void managementReadsTheChangesMadeToARecord() {
    Actor sales = f.actor(Team.SALES);
    Client c = f.client(sales.who());
    api.patch("/clients/" + c.id().value()).as(sales.token()).json(Map.of("companyName", "Renamed Co")).send();

    Api.Reply r = api.get("/audit?entityType=CLIENT&entityId=" + c.id().value()).as(manager.token()).send();
    assertEquals(200, r.status(), r::toString);
    JsonNode entry = r.json().get("items").get(0);
    assertEquals(List.of("id", "at", "actorId", "action", "entityType", "entityId", "changes"),
        ClientEndpointsTest.fieldNames(entry));
    assertEquals("UPDATED", entry.get("action").asText());
    assertEquals(sales.id(), entry.get("actorId").asLong());
    assertEquals(c.fullName().value() + " Ltd", entry.get("changes").get("companyName").get("from").asText());
    assertEquals("Renamed Co", entry.get("changes").get("companyName").get("to").asText());
    assertTrue(entry.get("at").asText().endsWith("Z"));
  }

  @Test
  void refusalsAndFailedLoginsAreInTheTrailWithoutSecrets() {
    Actor support = f.actor(Team.SUPPORT);
    api.post("/clients").as(support.token()).json(Map.of("fullName", "X", "phone", "0612345678",
        "companyName", "Y")).send();
    api.post("/auth/login").json(Map.of("username", support.who().username().value(),
        "password", "typo in my secret pw")).send();

    JsonNode refusals = api.get("/audit?actorId=" + support.id()).as(manager.token()).send().json();
    assertTrue(actions(refusals).contains("ACCESS_DENIED"), refusals::toString);
    JsonNode failures = api.get("/audit?entityType=COLLABORATOR&entityId=" + support.id()).as(manager.token())
        .send().json();
    assertTrue(actions(failures).contains("LOGIN_FAILED"), failures::toString);
    assertFalse(failures.toString().contains("typo in my secret pw"));
  }

  @Test
  void onlyManagementReadsTheAuditTrail() {
    assertEquals(403, api.get("/audit").as(f.actor(Team.SALES).token()).send().status());
    assertEquals(403, api.get("/audit").as(f.actor(Team.SUPPORT).token()).send().status());
  }

  @Test
  void anUnknownEntityTypeIsA400() {
    Api.Reply r = api.get("/audit?entityType=INVOICE").as(manager.token()).send();
    assertEquals(400, r.status());
    assertEquals("entityType", r.json().get("errors").get(0).get("field").asText());
  }

  private static List<String> actions(JsonNode page) {
    List<String> actions = new java.util.ArrayList<>();
    page.get("items").forEach(e -> actions.add(e.get("action").asText()));
    return actions;
  }
}
