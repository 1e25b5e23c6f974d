package com.epicevents.crm.http;

import static com.epicevents.crm.http.ClientEndpointsTest.ids;
import static com.epicevents.crm.http.CollaboratorEndpointsTest.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
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
class ContractEndpointsTest {
  private final ApiFixture f = new ApiFixture();
  private final Api api = f.api;
  private final Actor manager = f.actor(Team.MANAGEMENT);

  @AfterAll
  void stop() {
    f.close();
  }

  @Test
  void managementCreatesAContractWithMoneyAsStringsOfTwoDecimals() {
    Actor sales = f.actor(Team.SALES);
    Client client = f.client(sales.who());
    Api.Reply r = api.post("/contracts").as(manager.token())
        .raw("{\"clientId\":" + client.id().value() + ",\"totalAmount\":32000,\"amountDue\":\"1200.5\"}",
            "application/json").send();
    assertEquals(201, r.status(), r::toString);
    JsonNode c = r.json();
    assertEquals(List.of("id", "clientId", "clientName", "salesContactId", "totalAmount", "amountDue", "signed",
        "signedAt", "createdAt", "updatedAt", "version"), ClientEndpointsTest.fieldNames(c));
    assertEquals("32000.00", c.get("totalAmount").asText());
    assertTrue(c.get("totalAmount").isTextual());
    assertEquals("1200.50", c.get("amountDue").asText());
    assertTrue(!c.get("signed").asBoolean());
    assertTrue(c.get("signedAt").isNull());
    assertEquals(client.fullName().value(), c.get("clientName").asText());
    assertEquals(sales.id(), c.get("salesContactId").asLong());
    assertEquals("/api/v1/contracts/" + c.get("id").asLong(), r.header("Location").orElseThrow());
  }

  @Test
  void aContractCreatedSignedCarriesItsSigningTime() {
    Client client = f.client(f.member(Team.SALES));
    Api.Reply r = api.post("/contracts").as(manager.token()).json(Map.of("clientId", client.id().value(),
        "totalAmount", "10.00", "amountDue", "0", "signed", true)).send();
    assertEquals(201, r.status(), r::toString);
    assertEquals("2027-01-15T09:00:00Z", r.json().get("signedAt").asText());
  }

  @Test
  void amountsAreCheckedTogether() {
    Client client = f.client(f.member(Team.SALES));
    Api.Reply r = api.post("/contracts").as(manager.token()).json(Map.of("clientId", client.id().value(),
        "totalAmount", "100.00", "amountDue", "100.01")).send();
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("amountDue"), fields(r));
    Api.Reply negative = api.post("/contracts").as(manager.token()).raw("{\"clientId\":" + client.id().value()
        + ",\"totalAmount\":-1,\"amountDue\":1.005}", "application/json").send();
    assertEquals(400, negative.status());
    assertEquals(Set.of("totalAmount", "amountDue"), fields(negative));
  }

  @Test
  void anUnknownClientIsA400NamingClientId() {
    Api.Reply r = api.post("/contracts").as(manager.token()).json(Map.of("clientId", 424242,
        "totalAmount", "1.00", "amountDue", "1.00")).send();
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("clientId"), fields(r));
    Api.Reply missing = api.post("/contracts").as(manager.token()).json(Map.of("totalAmount", "1.00",
        "amountDue", "1.00")).send();
    assertEquals(Set.of("clientId"), fields(missing));
  }

  @Test
  void theSalesContactSignsAContractOfTheirClient() {
    Actor sales = f.actor(Team.SALES);
    Contract c = f.crm.contract(f.client(sales.who()), "500.00", "500.00", false);
    Api.Reply r = api.patch("/contracts/" + c.id().value()).as(sales.token()).ifMatch(c.version())
        .json(Map.of("signed", true, "amountDue", 250)).send();
    assertEquals(200, r.status(), r::toString);
    assertTrue(r.json().get("signed").asBoolean());
    assertEquals("250.00", r.json().get("amountDue").asText());
    assertEquals("\"" + r.json().get("version").asLong() + "\"", r.header("ETag").orElseThrow());
  }

  @Test
  void unsigningASignedContractIsA409() {
    Actor sales = f.actor(Team.SALES);
    Contract c = f.crm.contract(f.client(sales.who()), "500.00", "0.00", true);
    Api.Reply r = api.patch("/contracts/" + c.id().value()).as(manager.token()).json(Map.of("signed", false)).send();
    assertEquals(409, r.status(), r::toString);
    ServiceEndpointsTest.assertProblem(r, "urn:epicevents:crm:problem:business-rule-violated");
    assertTrue(f.crm.reload(c.id()).signed());
  }

  @Test
  void aContractFieldCannotBeSentAsNull() {
    Contract c = f.crm.contract(f.client(f.member(Team.SALES)), "500.00", "0.00", false);
    Map<String, Object> body = new HashMap<>();
    body.put("totalAmount", null);
    body.put("signed", null);
    Api.Reply r = api.patch("/contracts/" + c.id().value()).as(manager.token()).json(body).send();
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("totalAmount", "signed"), fields(r));
  }

  @Test
  void contractsAreFilteredByClientSignatureAndPayment() {
    Actor sales = f.actor(Team.SALES);
    Client client = f.client(sales.who());
    Contract unsignedUnpaid = f.crm.contract(client, "100.00", "100.00", false);
    Contract signedPaid = f.crm.contract(client, "100.00", "0.00", true);
    Contract signedUnpaid = f.crm.contract(client, "100.00", "5.00", true);
    String base = "/contracts?clientId=" + client.id().value();
    assertEquals(List.of(unsignedUnpaid.id().value(), signedPaid.id().value(), signedUnpaid.id().value()),
        ids(api.get(base).as(sales.token()).send().json()));
    assertEquals(List.of(unsignedUnpaid.id().value()), ids(api.get(base + "&signed=false").as(sales.token()).send().json()));
    assertEquals(List.of(unsignedUnpaid.id().value(), signedUnpaid.id().value()),
        ids(api.get(base + "&fullyPaid=false").as(sales.token()).send().json()));
    assertEquals(List.of(signedPaid.id().value()),
        ids(api.get(base + "&signed=true&fullyPaid=true&salesContactId=" + sales.id()).as(sales.token()).send().json()));
    Api.Reply bad = api.get(base + "&signed=yes").as(sales.token()).send();
    assertEquals(400, bad.status());
    assertEquals(Set.of("signed"), fields(bad));
  }

  @Test
  void everyoneReadsAContract() {
    Contract c = f.crm.contract(f.client(f.member(Team.SALES)), "99.90", "9.90", false);
    Api.Reply r = api.get("/contracts/" + c.id().value()).as(f.actor(Team.SUPPORT).token()).send();
    assertEquals(200, r.status());
    assertEquals("99.90", r.json().get("totalAmount").asText());
    assertEquals("\"" + c.version() + "\"", r.header("ETag").orElseThrow());
    assertEquals(404, api.get("/contracts/777777").as(manager.token()).send().status());
  }
}
