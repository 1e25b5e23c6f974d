package com.epicevents.crm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.http.ApiFixture.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientEndpointsTest {
  private final ApiFixture f = new ApiFixture();
  private final Api api = f.api;

  @AfterAll
  void stop() {
    f.close();
  }

  @Test
  void aSalespersonCreatesAClientAndBecomesItsSalesContact() {
    Actor sales = f.actor(Team.SALES);
    Api.Reply r = api.post("/clients").as(sales.token()).json(Map.of(
        "fullName", "Kevin Casey", "email", "kevin@startup.io", "phone", "+678 123 456 78",
        "companyName", "Cool Startup LLC", "lastContactAt", "2027-01-10T10:00:00Z")).send();

    assertEquals(201, r.status(), r::toString);
    JsonNode c = r.json();
    assertEquals("/api/v1/clients/" + c.get("id").asLong(), r.header("Location").orElseThrow());
    assertEquals("\"" + c.get("version").asLong() + "\"", r.header("ETag").orElseThrow());
    assertEquals("Kevin Casey", c.get("fullName").asText());
    assertEquals("kevin@startup.io", c.get("email").asText());
    assertEquals("Cool Startup LLC", c.get("companyName").asText());
    assertEquals("2027-01-10T10:00:00Z", c.get("lastContactAt").asText());
    assertEquals("2027-01-15T09:00:00Z", c.get("createdAt").asText());
    assertEquals(sales.id(), c.get("salesContactId").asLong());
    assertEquals(sales.who().fullName().value(), c.get("salesContactName").asText());
    assertEquals(List.of("id", "fullName", "email", "phone", "companyName", "createdAt", "updatedAt", "lastContactAt",
        "salesContactId", "salesContactName", "version"), fieldNames(c));
  }

  @Test
  void aClientWithoutEmailShowsEmailAsNull() {
    Actor sales = f.actor(Team.SALES);
    Map<String, Object> body = new HashMap<>(Map.of("fullName", "No Mail", "phone", "0612345678", "companyName", "Quiet"));
    JsonNode c = api.post("/clients").as(sales.token()).json(body).send().json();
    assertTrue(c.has("email") && c.get("email").isNull(), c::toString);
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  Client seededClient(Actor sales) {
    return f.client(sales.who());
  }
}
