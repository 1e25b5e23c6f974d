package com.epicevents.crm.http;

import static com.epicevents.crm.http.ClientEndpointsTest.ids;
import static com.epicevents.crm.http.CollaboratorEndpointsTest.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.http.ApiFixture.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventEndpointsTest {
  private final ApiFixture f = new ApiFixture();
  private final Api api = f.api;
  private final Actor manager = f.actor(Team.MANAGEMENT);

  @AfterAll
  void stop() {
    f.close();
  }

  private Map<String, Object> newEvent(Contract contract) {
    Map<String, Object> body = new HashMap<>();
    body.put("contractId", contract.id().value());
    body.put("name", "John Ouick Wedding");
    body.put("clientContact", "John Ouick, +33 6 12 34 56 78");
    body.put("startAt", "2027-06-04T13:00:00Z");
    body.put("endAt", "2027-06-05T02:00:00+02:00");
    body.put("location", "53 Rue du Château, 41120 Candé-sur-Beuvron, France");
    body.put("attendees", 75);
    body.put("notes", "Wedding starts at 3PM, by the river.\nCatering is organized.");
    return body;
  }

  @Test
  void theSalesContactCreatesAnEventForASignedContract() {
    Actor sales = f.actor(Team.SALES);
    Contract contract = f.signedContract(sales.who());
    Map<String, Object> body = newEvent(contract); // the support contact is management's to choose
    Api.Reply r = api.post("/events").as(sales.token()).json(body).send();
    assertEquals(201, r.status(), r::toString);
    JsonNode e = r.json();
    assertEquals(List.of("id", "contractId", "clientId", "clientName", "name", "clientContact", "startAt", "endAt",
        "supportContactId", "supportContactName", "location", "attendees", "notes", "createdAt", "updatedAt",
        "version"), ClientEndpointsTest.fieldNames(e));
    assertEquals("2027-06-04T13:00:00Z", e.get("startAt").asText());
    assertEquals("2027-06-05T00:00:00Z", e.get("endAt").asText());
    assertEquals(contract.clientId().value(), e.get("clientId").asLong());
    assertTrue(e.get("supportContactId").isNull());
    assertEquals(75, e.get("attendees").asInt());
    assertEquals("Wedding starts at 3PM, by the river.\nCatering is organized.", e.get("notes").asText());
    assertEquals("/api/v1/events/" + e.get("id").asLong(), r.header("Location").orElseThrow());
  }

  @Test
  void anEventWithOnlyTheRequiredFieldsHasNullsForTheRest() {
    Actor sales = f.actor(Team.SALES);
    Contract contract = f.signedContract(sales.who());
    Api.Reply r = api.post("/events").as(sales.token()).json(Map.of("contractId", contract.id().value(),
        "clientContact", "reception desk", "location", "Lyon", "attendees", 0)).send();
    assertEquals(201, r.status(), r::toString);
    for (String field : List.of("name", "startAt", "endAt", "supportContactId", "supportContactName", "notes")) {
      assertTrue(r.json().get(field).isNull(), field);
    }
  }

  @Test
  void anEventOnAnUnsignedContractIsA409() {
    Actor sales = f.actor(Team.SALES);
    Contract unsigned = f.crm.contract(f.client(sales.who()), "10.00", "10.00", false);
    Api.Reply r = api.post("/events").as(sales.token()).json(newEvent(unsigned)).send();
    assertEquals(409, r.status(), r::toString);
  }

  @Test
  void creatingAnEventReportsEveryInvalidFieldAtOnce() {
    Actor sales = f.actor(Team.SALES);
    Map<String, Object> body = newEvent(f.signedContract(sales.who()));
    body.remove("clientContact");
    body.put("attendees", -3);
    body.put("startAt", "2027-07-01T10:00:00Z");
    body.put("endAt", "2027-07-01T09:00:00Z");
    body.put("location", "");
    Api.Reply r = api.post("/events").as(sales.token()).json(body).send();
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("clientContact", "attendees", "endAt", "location"), fields(r));
  }

  @Test
  void anEventCannotStartInThePast() {
    Actor sales = f.actor(Team.SALES);
    Map<String, Object> body = newEvent(f.signedContract(sales.who()));
    body.put("startAt", "2026-01-01T10:00:00Z");
    body.put("endAt", null);
    Api.Reply r = api.post("/events").as(sales.token()).json(body).send();
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("startAt"), fields(r));
  }

  @Test
  void theSupportContactUpdatesTheEventAndNullClearsOptionalFields() {
    Actor sales = f.actor(Team.SALES);
    Actor support = f.actor(Team.SUPPORT);
    Event event = f.event(sales.who(), support.who());
    Map<String, Object> body = new HashMap<>();
    body.put("attendees", 80);
    body.put("notes", null);
    body.put("name", null);
    body.put("endAt", null);
    Api.Reply r = api.patch("/events/" + event.id().value()).as(support.token()).ifMatch(event.version()).json(body).send();
    assertEquals(200, r.status(), r::toString);
    assertEquals(80, r.json().get("attendees").asInt());
    assertTrue(r.json().get("name").isNull());
    assertTrue(r.json().get("endAt").isNull());
    assertEquals(event.details().location(), r.json().get("location").asText());
    assertEquals("\"" + r.json().get("version").asLong() + "\"", r.header("ETag").orElseThrow());
  }

  @Test
  void requiredEventFieldsCannotBeCleared() {
    Actor support = f.actor(Team.SUPPORT);
    Event event = f.event(f.member(Team.SALES), support.who());
    Map<String, Object> body = new HashMap<>();
    body.put("location", null);
    body.put("attendees", null);
    body.put("clientContact", null);
    Api.Reply r = api.patch("/events/" + event.id().value()).as(support.token()).json(body).send();
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("location", "attendees", "clientContact"), fields(r));
  }

  @Test
  void managementAssignsAndUnassignsTheSupportContact() {
    Actor support = f.actor(Team.SUPPORT);
    Event event = f.event(f.member(Team.SALES), null);
    Api.Reply assigned = api.put("/events/" + event.id().value() + "/support-contact").as(manager.token())
        .json(Map.of("supportContactId", support.id())).send();
    assertEquals(200, assigned.status(), assigned::toString);
    assertEquals(support.id(), assigned.json().get("supportContactId").asLong());
    assertEquals(support.who().fullName().value(), assigned.json().get("supportContactName").asText());

    Map<String, Object> unassign = new HashMap<>();
    unassign.put("supportContactId", null);
    Api.Reply cleared = api.put("/events/" + event.id().value() + "/support-contact").as(manager.token())
        .json(unassign).send();
    assertEquals(200, cleared.status(), cleared::toString);
    assertTrue(cleared.json().get("supportContactId").isNull());
    assertNull(f.crm.reload(event.id()).supportContactId());
  }

  @Test
  void onlyAnActiveSupportMemberCanBeAssigned() {
    Actor sales = f.actor(Team.SALES);
    Event event = f.event(sales.who(), null);
    Api.Reply r = api.put("/events/" + event.id().value() + "/support-contact").as(manager.token())
        .json(Map.of("supportContactId", sales.id())).send();
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("supportContactId"), fields(r));
    Api.Reply missing = api.put("/events/" + event.id().value() + "/support-contact").as(manager.token())
        .json(Map.of()).send();
    assertEquals(400, missing.status());
    assertEquals(Set.of("supportContactId"), fields(missing));
  }

  @Test
  void eventsAreFilteredByContractSupportAssignmentOwnershipAndDates() {
    Actor sales = f.actor(Team.SALES);
    Actor support = f.actor(Team.SUPPORT);
    Contract contract = f.signedContract(sales.who());
    Event supported = f.crm.event(contract, support.who());
    Event unassigned = f.crm.event(contract, null);
    String base = "/events?contractId=" + contract.id().value();

    assertEquals(List.of(supported.id().value(), unassigned.id().value()), ids(api.get(base).as(support.token()).send().json()));
    assertEquals(List.of(unassigned.id().value()),
        ids(api.get(base + "&unassigned=true").as(support.token()).send().json()));
    assertEquals(List.of(supported.id().value()),
        ids(api.get(base + "&supportContactId=" + support.id()).as(manager.token()).send().json()));
    assertEquals(List.of(supported.id().value()), ids(api.get("/events?mine=true").as(support.token()).send().json()));
    assertEquals(List.of(supported.id().value(), unassigned.id().value()),
        ids(api.get("/events?mine=true").as(sales.token()).send().json()));
    String start = supported.schedule().startAt().toString();
    assertEquals(2, ids(api.get(base + "&from=" + start + "&to=2099-01-01T00:00:00Z").as(sales.token()).send().json()).size());
    assertEquals(List.of(), ids(api.get(base + "&to=" + start).as(sales.token()).send().json()));

    Api.Reply backwards = api.get(base + "&from=2027-03-01T00:00:00Z&to=2027-02-01T00:00:00Z").as(sales.token()).send();
    assertEquals(400, backwards.status());
    Api.Reply managementMine = api.get("/events?mine=true").as(manager.token()).send();
    assertEquals(403, managementMine.status(), managementMine::toString);
  }

  @Test
  void everyoneReadsAnEvent() {
    Event event = f.event(f.member(Team.SALES), null);
    Api.Reply r = api.get("/events/" + event.id().value()).as(f.actor(Team.SALES).token()).send();
    assertEquals(200, r.status());
    assertEquals("\"" + event.version() + "\"", r.header("ETag").orElseThrow());
    assertEquals(404, api.get("/events/555555").as(manager.token()).send().status());
  }
}
