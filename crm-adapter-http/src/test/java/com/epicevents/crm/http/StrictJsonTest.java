package com.epicevents.crm.http;

import static com.epicevents.crm.http.CollaboratorEndpointsTest.fields;
import static com.epicevents.crm.http.ServiceEndpointsTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.http.ApiFixture.Actor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the API refuses before any use case runs: the body is not the JSON the endpoint takes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictJsonTest {
  private static final String VALID_CLIENT =
      "{\"fullName\":\"Strict Person\",\"phone\":\"0612345678\",\"companyName\":\"Strict Co\"}";
  private final ApiFixture f = new ApiFixture();
  private final Api api = f.api;
  private final Actor sales = f.actor(Team.SALES);
  private final Actor manager = f.actor(Team.MANAGEMENT);

  @AfterAll
  void stop() {
    f.close();
  }

  private Api.Reply postClient(String json) {
    return api.post("/clients").as(sales.token()).raw(json, "application/json").send();
  }

  @Test
  void theValidBodyUsedBelowIsAccepted() {
    assertEquals(201, postClient(VALID_CLIENT).status());
  }

  @Test
  void anUnknownFieldIsA400NamingIt() {
    Api.Reply r = postClient(VALID_CLIENT.replace("}", ",\"salesContactId\":1,\"isAdmin\":true}"));
    assertEquals(400, r.status());
    assertProblem(r, "urn:epicevents:crm:problem:validation-failed");
    assertEquals(Set.of("salesContactId", "isAdmin"), fields(r));
  }

  @Test
  void aDuplicateKeyIsA400NamingIt() {
    Api.Reply r = postClient(VALID_CLIENT.replace("}", ",\"fullName\":\"Second\"}"));
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("fullName"), fields(r));
    assertTrue(r.json().get("errors").get(0).get("message").asText().contains("more than once"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "{\"fullName\":}", "not json", "{\"a\":1} {\"b\":2}", "[]", "\"text\"", "42", "null",
      "{'fullName':'x'}", "{\"fullName\":\"x\",}", "{\"n\":NaN}"})
  void malformedOrNonObjectJsonIsA400AboutTheBody(String body) {
    Api.Reply r = postClient(body);
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("body"), fields(r));
    assertFalse(r.body().contains("jackson"), r::toString);
    assertFalse(r.body().contains("com.fasterxml"), r::toString);
  }

  @Test
  void anEmptyBodyWhereOneIsRequiredIsA400() {
    Api.Reply r = api.post("/clients").as(sales.token()).bytes(new byte[0], "application/json").send();
    assertEquals(400, r.status());
    assertEquals(Set.of("body"), fields(r));
  }

  @Test
  void invalidUtf8IsA400() {
    byte[] bytes = "{\"fullName\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    bytes[13] = (byte) 0xC3; // a lead byte with no continuation
    Api.Reply r = api.post("/clients").as(sales.token()).bytes(bytes, "application/json").send();
    assertEquals(400, r.status(), r::toString);
  }

  @Test
  void wrongJsonTypesAreA400ForEachField() {
    Api.Reply r = postClient("{\"fullName\":42,\"phone\":[\"0612345678\"],\"companyName\":{\"name\":\"x\"},"
        + "\"email\":true,\"lastContactAt\":1700000000}");
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("fullName", "phone", "companyName", "email", "lastContactAt"), fields(r));
  }

  @Test
  void numbersMustBeNumbersAndBooleansBooleans() {
    Client client = f.client(sales.who());
    Api.Reply r = api.post("/contracts").as(manager.token()).raw("{\"clientId\":\"" + client.id().value()
        + "\",\"totalAmount\":true,\"amountDue\":[1],\"signed\":\"yes\"}", "application/json").send();
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("clientId", "totalAmount", "amountDue", "signed"), fields(r));
    Api.Reply fraction = api.post("/contracts").as(manager.token()).raw("{\"clientId\":1.5,\"totalAmount\":1,"
        + "\"amountDue\":1}", "application/json").send();
    assertEquals(Set.of("clientId"), fields(fraction));
  }

  @Test
  void moneyWithMoreThanTwoDecimalsIsRefusedWhetherStringOrNumber() {
    Client client = f.client(sales.who());
    for (String amount : List.of("\"10.001\"", "10.001", "0.125", "1e-3")) {
      Api.Reply r = api.post("/contracts").as(manager.token()).raw("{\"clientId\":" + client.id().value()
          + ",\"totalAmount\":" + amount + ",\"amountDue\":0}", "application/json").send();
      assertEquals(400, r.status(), () -> amount + " " + r);
      assertEquals(Set.of("totalAmount"), fields(r), amount);
    }
  }

  @Test
  void moneyIsReadExactlyNeverThroughFloatingPoint() {
    Client client = f.client(sales.who());
    Api.Reply r = api.post("/contracts").as(manager.token()).raw("{\"clientId\":" + client.id().value()
        + ",\"totalAmount\":9999999999.99,\"amountDue\":0.10}", "application/json").send();
    assertEquals(201, r.status(), r::toString);
    assertEquals("9999999999.99", r.json().get("totalAmount").asText());
    assertEquals("0.10", r.json().get("amountDue").asText());
  }

  @Test
  void aBodyOver64KiBIsA413() {
    String big = VALID_CLIENT.replace("}", ",\"notes\":\"" + "x".repeat(65 * 1024) + "\"}");
    Api.Reply r = postClient(big);
    assertEquals(413, r.status(), () -> r.status() + "");
    assertProblem(r, "urn:epicevents:crm:problem:payload-too-large");
    assertEquals("close", r.header("Connection").orElse(null), "the unread body ends the connection");
    assertEquals(201, postClient(VALID_CLIENT).status(), "the next request works on a new connection");
  }

  @Test
  void aBodyOfExactly64KiBIsRead() {
    String padded = VALID_CLIENT.replace("}", ",\"x\":\"");
    String body = padded + "y".repeat(64 * 1024 - padded.length() - 2) + "\"}";
    assertEquals(64 * 1024, body.getBytes(StandardCharsets.UTF_8).length);
    Api.Reply r = postClient(body);
    assertEquals(400, r.status(), () -> r.status() + "");
    assertEquals(Set.of("x"), fields(r));
  }

  @Test
  void aBodyThatIsNotJsonIsA415() {
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml",
        "application/json; charset=iso-8859-1", "application/jsonp")) {
      Api.Reply r = api.post("/clients").as(sales.token()).raw(VALID_CLIENT, type).send();
      assertEquals(415, r.status(), type);
      assertProblem(r, "urn:epicevents:crm:problem:unsupported-media-type");
    }
    Api.Reply noType = api.post("/clients").as(sales.token()).bytes(VALID_CLIENT.getBytes(StandardCharsets.UTF_8), null).send();
    assertEquals(415, noType.status());
  }

  @Test
  void jsonWithACharsetOfUtf8IsAccepted() {
    Api.Reply r = api.post("/clients").as(sales.token()).raw(VALID_CLIENT, "application/json; charset=UTF-8").send();
    assertEquals(201, r.status(), r::toString);
  }

  @Test
  void aMissingTokenIsA401BeforeTheBodyIsLookedAt() {
    Api.Reply r = api.post("/clients").raw("not json at all", "text/plain").send();
    assertEquals(401, r.status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"3", "W/\"3\"", "\"3\", \"4\"", "\"abc\"", "\"\"", "\"-1\""})
  void aMalformedIfMatchIsA400NamingTheHeader(String ifMatch) {
    Client client = f.client(sales.who());
    Api.Reply r = api.patch("/clients/" + client.id().value()).as(sales.token()).header("If-Match", ifMatch)
        .raw("{\"phone\":\"0700000000\"}", "application/json").send();
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("If-Match"), fields(r));
    assertEquals(client, f.crm.reload(client.id()));
  }

  @Test
  void ifMatchStarAppliesToTheCurrentVersion() {
    Client client = f.client(sales.who());
    Api.Reply r = api.patch("/clients/" + client.id().value()).as(sales.token()).header("If-Match", "*")
        .raw("{\"phone\":\"0700000000\"}", "application/json").send();
    assertEquals(200, r.status(), r::toString);
  }
}
