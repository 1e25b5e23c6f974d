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

  @Test
  void creatingAClientReportsEveryInvalidFieldAtOnce() {
    Actor sales = f.actor(Team.SALES);
    Map<String, Object> body = new HashMap<>();
    body.put("fullName", "");
    body.put("email", "nope");
    body.put("companyName", "x".repeat(101));
    body.put("lastContactAt", "2030-01-01T00:00:00Z");
    Api.Reply r = api.post("/clients").as(sales.token()).json(body).send();
    assertEquals(400, r.status(), r::toString);
    ServiceEndpointsTest.assertProblem(r, "urn:epicevents:crm:problem:validation-failed");
    assertTrue(CollaboratorEndpointsTest.fields(r).containsAll(java.util.Set.of("fullName", "email", "phone", "companyName")),
        r::toString);
  }

  @Test
  void aLastContactInTheFutureIsA400() {
    Actor sales = f.actor(Team.SALES);
    Api.Reply r = api.post("/clients").as(sales.token()).json(Map.of("fullName", "Future", "phone", "0612345678",
        "companyName", "Later Inc", "lastContactAt", "2027-02-01T00:00:00Z")).send();
    assertEquals(400, r.status(), r::toString);
    assertEquals(java.util.Set.of("lastContactAt"), CollaboratorEndpointsTest.fields(r));
  }

  @Test
  void everyoneReadsAClientWithItsETag() {
    Actor sales = f.actor(Team.SALES);
    Client c = seededClient(sales);
    Actor support = f.actor(Team.SUPPORT);
    Api.Reply r = api.get("/clients/" + c.id().value()).as(support.token()).send();
    assertEquals(200, r.status());
    assertEquals(c.fullName().value(), r.json().get("fullName").asText());
    assertEquals("\"" + c.version() + "\"", r.header("ETag").orElseThrow());
    assertEquals(404, api.get("/clients/987654").as(support.token()).send().status());
  }

  @Test
  void clientsAreListedBySalesContactAndByTextInIdOrder() {
    Actor sales = f.actor(Team.SALES);
    Client a = f.crm.client("Zebra Findable " + sales.id(), sales.who());
    Client b = seededClient(sales);
    seededClient(f.actor(Team.SALES));
    JsonNode mine = api.get("/clients?salesContactId=" + sales.id()).as(sales.token()).send().json();
    assertEquals(List.of(a.id().value(), b.id().value()), ids(mine));
    JsonNode found = api.get("/clients?q=zebra%20FINDABLE%20" + sales.id()).as(sales.token()).send().json();
    assertEquals(List.of(a.id().value()), ids(found));
    assertTrue(found.get("nextCursor").isNull());
  }

  @Test
  void theSalesContactPatchesOnlyTheFieldsSent() {
    Actor sales = f.actor(Team.SALES);
    Client c = seededClient(sales);
    Map<String, Object> body = new HashMap<>();
    body.put("phone", "+44 20 7946 0000");
    body.put("email", null);
    Api.Reply r = api.patch("/clients/" + c.id().value()).as(sales.token()).json(body).send();
    assertEquals(200, r.status(), r::toString);
    assertEquals("+44 20 7946 0000", r.json().get("phone").asText());
    assertTrue(r.json().get("email").isNull());
    assertEquals(c.fullName().value(), r.json().get("fullName").asText());
    assertEquals("\"" + r.json().get("version").asLong() + "\"", r.header("ETag").orElseThrow());
  }

  @Test
  void aClientsLastContactCannotBeClearedOrSetInTheFuture() {
    Actor sales = f.actor(Team.SALES);
    Client c = seededClient(sales);
    Map<String, Object> clear = new HashMap<>();
    clear.put("lastContactAt", null);
    Api.Reply cleared = api.patch("/clients/" + c.id().value()).as(sales.token()).json(clear).send();
    assertEquals(400, cleared.status());
    assertEquals(java.util.Set.of("lastContactAt"), CollaboratorEndpointsTest.fields(cleared));
    Api.Reply future = api.patch("/clients/" + c.id().value()).as(sales.token())
        .json(Map.of("lastContactAt", "2099-01-01T00:00:00+02:00")).send();
    assertEquals(400, future.status());
  }

  @Test
  void managementReassignsAClientToAnotherSalesperson() {
    Actor sales = f.actor(Team.SALES);
    Actor other = f.actor(Team.SALES);
    Actor manager = f.actor(Team.MANAGEMENT);
    Client c = seededClient(sales);
    Api.Reply r = api.put("/clients/" + c.id().value() + "/sales-contact").as(manager.token())
        .json(Map.of("salesContactId", other.id())).send();
    assertEquals(200, r.status(), r::toString);
    assertEquals(other.id(), r.json().get("salesContactId").asLong());
    assertEquals(other.who().fullName().value(), r.json().get("salesContactName").asText());
  }

  @Test
  void aClientCanOnlyBeHandedToAnActiveSalesperson() {
    Actor sales = f.actor(Team.SALES);
    Client c = seededClient(sales);
    Actor support = f.actor(Team.SUPPORT);
    Api.Reply r = api.put("/clients/" + c.id().value() + "/sales-contact").as(sales.token())
        .json(Map.of("salesContactId", support.id())).send();
    assertEquals(400, r.status(), r::toString);
    assertEquals(java.util.Set.of("salesContactId"), CollaboratorEndpointsTest.fields(r));
    Map<String, Object> none = new HashMap<>();
    none.put("salesContactId", null);
    Api.Reply missing = api.put("/clients/" + c.id().value() + "/sales-contact").as(sales.token()).json(none).send();
    assertEquals(400, missing.status());
    assertEquals(sales.id(), f.crm.reload(c.id()).salesContactId().value());
  }

  static List<Long> ids(JsonNode page) {
    List<Long> ids = new java.util.ArrayList<>();
    page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
    return ids;
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
