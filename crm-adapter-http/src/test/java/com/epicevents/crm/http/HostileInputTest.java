package com.epicevents.crm.http;

import static com.epicevents.crm.http.CollaboratorEndpointsTest.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.http.ApiFixture.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input written to break things: injection payloads, exotic Unicode, extreme lengths and numbers,
 * broken dates, nulls. Text is stored and returned exactly as sent, anything refused is a 400
 * naming the field, and nothing ever becomes a 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
  private final ApiFixture f = new ApiFixture();
  private final Api api = f.api;
  private final Actor sales = f.actor(Team.SALES);
  private final Actor support = f.actor(Team.SUPPORT);
  private final Actor manager = f.actor(Team.MANAGEMENT);

  @AfterAll
  void stop() {
    try {
      assertEquals(List.of(), f.crm.reporter.unexpectedErrors(), "no input may cause an unexpected error");
    } finally {
      f.close();
    }
  }

  static List<String> injections() {
    return List.of(
        "'; DROP TABLE clients; --",
        "\" OR 1=1 --",
        "' OR '1'='1",
        "Robert'); DROP TABLE collaborators;--",
        "1; SELECT pg_sleep(10)",
        "%' AND 1=1 --",
        "${jndi:ldap://127.0.0.1/a}",
        "#{7*7} ${7*7} <script>alert(1)</script>",
        "\\\\'\\\" \\u0000 %00 %27",
        "/* */ UNION SELECT password_hash FROM collaborators --");
  }

  static List<String> unicode() {
    return List.of(
        "Fête 🎉🎊 au château",
        "شركة الحفلات الكبرى",
        "\u200fמסיבה\u200f with mixed ‮RTL override‬",
        "Zoë Ünïcödé 中文 日本語 한국어",
        "e\u0301 combining + 👨‍👩‍👧 family (ZWJ)",
        "𝕱𝖗𝖆𝖐𝖙𝖚𝖗 and 𝟘𝟙𝟚 (astral plane)");
  }

  static List<String> texts() {
    List<String> all = new java.util.ArrayList<>(injections());
    all.addAll(unicode());
    return all;
  }

  @ParameterizedTest
  @MethodSource("texts")
  void clientTextIsStoredAndReturnedVerbatim(String text) {
    String name = text.length() > 100 ? text.substring(0, 100) : text;
    Api.Reply created = api.post("/clients").as(sales.token())
        .json(Map.of("fullName", name, "phone", "0612345678", "companyName", name)).send();
    assertEquals(201, created.status(), created::toString);
    assertEquals(name, created.json().get("fullName").asText());
    JsonNode read = api.get("/clients/" + created.id()).as(support.token()).send().json();
    assertEquals(name, read.get("fullName").asText());
    assertEquals(name, read.get("companyName").asText());

    Api.Reply patched = api.patch("/clients/" + created.id()).as(sales.token()).json(Map.of("companyName", name + "!")).send();
    assertEquals(200, patched.status(), patched::toString);
    assertEquals(name + "!", patched.json().get("companyName").asText());
  }

  @ParameterizedTest
  @MethodSource("texts")
  void eventTextIsStoredAndReturnedVerbatim(String text) {
    Contract contract = f.signedContract(sales.who());
    Map<String, Object> body = new HashMap<>(Map.of("contractId", contract.id().value(), "name", text,
        "clientContact", text + "\nsecond line", "location", text, "attendees", 10, "notes", text + "\n\t" + text));
    Api.Reply created = api.post("/events").as(sales.token()).json(body).send();
    assertEquals(201, created.status(), created::toString);
    JsonNode read = api.get("/events/" + created.id()).as(manager.token()).send().json();
    assertEquals(text, read.get("name").asText());
    assertEquals(text + "\nsecond line", read.get("clientContact").asText());
    assertEquals(text, read.get("location").asText());
    assertEquals(text + "\n\t" + text, read.get("notes").asText());
  }

  @ParameterizedTest
  @MethodSource("injections")
  void collaboratorNamesKeepInjectionTextWhileShapedFieldsRefuseIt(String text) {
    Map<String, Object> body = new HashMap<>(Map.of("username", ApiFixture.unique("inj"), "password",
        "Correct horse battery 9", "fullName", text, "phone", "0612345678", "team", "SALES"));
    Api.Reply created = api.post("/collaborators").as(manager.token()).json(body).send();
    assertEquals(201, created.status(), created::toString);
    assertEquals(text, created.json().get("fullName").asText());

    body.put("username", text);
    body.put("email", text);
    body.put("phone", text);
    body.put("team", text);
    Api.Reply refused = api.post("/collaborators").as(manager.token()).json(body).send();
    assertEquals(400, refused.status(), refused::toString);
    assertEquals(Set.of("username", "email", "phone", "team"), fields(refused));
  }

  @ParameterizedTest
  @MethodSource("texts")
  void theClientSearchTakesAnyTextAsText(String text) {
    String name = "Needle " + text;
    Client needle = f.crm.client(name.length() > 100 ? name.substring(0, 100) : name, sales.who());
    Api.Reply r = api.get("/clients?q=" + URLEncoder.encode(needle.fullName().value(), StandardCharsets.UTF_8))
        .as(support.token()).send();
    assertEquals(200, r.status(), r::toString);
    assertEquals(List.of(needle.id().value()), ClientEndpointsTest.ids(r.json()));
  }

  @ParameterizedTest
  @MethodSource("injections")
  void typedQueryParametersRefuseInjectionTextWith400(String text) {
    String value = URLEncoder.encode(text, StandardCharsets.UTF_8);
    for (String query : List.of("/clients?salesContactId=", "/collaborators?team=", "/collaborators?active=",
        "/contracts?clientId=", "/contracts?signed=", "/contracts?fullyPaid=", "/events?from=", "/events?to=",
        "/events?contractId=", "/events?unassigned=", "/events?mine=", "/audit?entityType=", "/audit?actorId=",
        "/clients?cursor=", "/clients?limit=")) {
      Api.Reply r = api.get(query + value).as(manager.token()).send();
      assertEquals(400, r.status(), () -> query + " " + r);
    }
  }

  @ParameterizedTest
  @MethodSource("injections")
  void injectionTextInAPathIdIsSimplyNotFound(String text) {
    String segment = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    Api.Reply r = api.get("/clients/" + segment).as(support.token()).send();
    assertTrue(r.status() == 404 || r.status() == 400, r::toString);
    assertNotEquals(500, r.status());
  }

  @Test
  void injectionTextInHeadersIsRefusedCleanly() {
    Client c = f.client(sales.who());
    Api.Reply ifMatch = api.patch("/clients/" + c.id().value()).as(sales.token()).header("If-Match", "\"1\" OR 1=1 --")
        .json(Map.of("phone", "0612345678")).send();
    assertEquals(400, ifMatch.status());
    Api.Reply token = api.get("/me").header("Authorization", "Bearer ' OR 1=1 --").send();
    assertEquals(401, token.status());
    Api.Reply token2 = api.get("/me").header("Authorization", "Bearer '--;DROP").send();
    assertEquals(401, token2.status());
  }

  @Test
  void textsAreMeasuredInCharactersNotBytes() {
    String hundredEmoji = "🎉".repeat(100);
    Api.Reply ok = api.post("/clients").as(sales.token())
        .json(Map.of("fullName", hundredEmoji, "phone", "0612345678", "companyName", "Emoji Co")).send();
    assertEquals(201, ok.status(), ok::toString);
    assertEquals(hundredEmoji, ok.json().get("fullName").asText());
    Api.Reply tooLong = api.post("/clients").as(sales.token())
        .json(Map.of("fullName", hundredEmoji + "🎉", "phone", "0612345678", "companyName", "Emoji Co")).send();
    assertEquals(400, tooLong.status());
    assertEquals(Set.of("fullName"), fields(tooLong));
  }

  @Test
  void overLongTextsAreA400NamingEachField() {
    Contract contract = f.signedContract(sales.who());
    Map<String, Object> body = new HashMap<>(Map.of("contractId", contract.id().value(), "name", "n".repeat(101),
        "clientContact", "c".repeat(501), "location", "l".repeat(201), "attendees", 1, "notes", "x".repeat(2001)));
    Api.Reply r = api.post("/events").as(sales.token()).json(body).send();
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("name", "clientContact", "location", "notes"), fields(r));
    Api.Reply client = api.post("/clients").as(sales.token()).json(Map.of("fullName", "f".repeat(5000),
        "phone", "1".repeat(40), "companyName", "c".repeat(101), "email", "e".repeat(300) + "@x.io")).send();
    assertEquals(400, client.status());
    assertEquals(Set.of("fullName", "phone", "companyName", "email"), fields(client));
  }

  @Test
  void controlCharactersAreRefusedInSingleLineFieldsAndNulEverywhere() {
    Api.Reply r = api.post("/clients").as(sales.token())
        .json(Map.of("fullName", "Bell\u0007Name", "phone", "0612345678", "companyName", "Line\nBreak")).send();
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("fullName", "companyName"), fields(r));
    Contract contract = f.signedContract(sales.who());
    Api.Reply nul = api.post("/events").as(sales.token()).json(Map.of("contractId", contract.id().value(),
        "clientContact", "a\u0000b", "location", "Paris", "attendees", 1)).send();
    assertEquals(400, nul.status(), nul::toString);
    assertEquals(Set.of("clientContact"), fields(nul));
  }

  @Test
  void anUnpairedSurrogateIsNotText() {
    Api.Reply r = api.post("/clients").as(sales.token())
        .raw("{\"fullName\":\"broken \\ud83c here\",\"phone\":\"0612345678\",\"companyName\":\"X\"}", "application/json")
        .send();
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("fullName"), fields(r));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "1000001", "2147483648", "-2147483649", "1e400", "99999999999999999999999", "3.5"})
  void attendeesOutOfRangeAreA400(String attendees) {
    Contract contract = f.signedContract(sales.who());
    Api.Reply r = api.post("/events").as(sales.token()).raw("{\"contractId\":" + contract.id().value()
        + ",\"clientContact\":\"x\",\"location\":\"y\",\"attendees\":" + attendees + "}", "application/json").send();
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("attendees"), fields(r));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"-0.01\"", "-5", "\"10000000000.00\"", "99999999999", "1e20", "\"1e999999999\"", "1E+999999999",
      "\"NaN\"", "\"Infinity\"", "\"0x10\"", "\"12,50\"", "\"\"", "\" \""})
  void impossibleAmountsAreA400(String amount) {
    Client client = f.client(sales.who());
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      Api.Reply r = api.post("/contracts").as(manager.token()).raw("{\"clientId\":" + client.id().value()
          + ",\"totalAmount\":" + amount + ",\"amountDue\":0}", "application/json").send();
      assertEquals(400, r.status(), r::toString);
      assertEquals(Set.of("totalAmount"), fields(r));
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"-5", "0", "99999999999999999999", "9223372036854775807"})
  void impossibleIdsInABodyAreA400(String id) {
    Api.Reply r = api.post("/contracts").as(manager.token()).raw("{\"clientId\":" + id
        + ",\"totalAmount\":1,\"amountDue\":0}", "application/json").send();
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("clientId"), fields(r));
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775807", "9223372036854775808", "-1", "1e3", "0x1F"})
  void impossibleIdsInAPathAreA404(String id) {
    assertEquals(404, api.get("/events/" + id).as(support.token()).send().status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2027-13-01T00:00:00Z", "2027-02-30T10:00:00Z", "tomorrow", "2027-03-01", "2027-03-01T10:00:00",
      "1700000000", "", "2027-03-01T25:00:00Z", "2027-03-01 10:00:00Z", "+999999999-12-31T23:59:59Z"})
  void malformedDatesAreA400NamingTheField(String date) {
    Contract contract = f.signedContract(sales.who());
    Map<String, Object> body = new HashMap<>(Map.of("contractId", contract.id().value(), "clientContact", "x",
        "location", "y", "attendees", 1, "startAt", date));
    Api.Reply r = api.post("/events").as(sales.token()).json(body).send();
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("startAt"), fields(r));
    Api.Reply query = api.get("/events?from=" + URLEncoder.encode(date, StandardCharsets.UTF_8)).as(sales.token()).send();
    assertEquals(400, query.status());
    assertEquals(Set.of("from"), fields(query));
  }

  @Test
  void farFutureAndOffsetDatesAreAcceptedAndReturnedInUtc() {
    Contract contract = f.signedContract(sales.who());
    Api.Reply r = api.post("/events").as(sales.token()).json(Map.of("contractId", contract.id().value(),
        "clientContact", "x", "location", "y", "attendees", 1, "startAt", "9999-12-31T23:00:00-00:30")).send();
    assertEquals(201, r.status(), r::toString);
    assertEquals("9999-12-31T23:30:00Z", r.json().get("startAt").asText());
  }

  @Test
  void nullWhereRequiredIsA400NamingEachField() {
    Map<String, Object> client = new HashMap<>();
    client.put("fullName", null);
    client.put("phone", null);
    client.put("companyName", null);
    Api.Reply r = api.post("/clients").as(sales.token()).json(client).send();
    assertEquals(400, r.status());
    assertEquals(Set.of("fullName", "phone", "companyName"), fields(r));

    Map<String, Object> event = new HashMap<>();
    event.put("contractId", null);
    event.put("clientContact", null);
    event.put("location", null);
    event.put("attendees", null);
    Api.Reply e = api.post("/events").as(sales.token()).json(event).send();
    assertEquals(400, e.status());
    assertEquals(Set.of("contractId", "clientContact", "location", "attendees"), fields(e));

    Map<String, Object> login = new HashMap<>();
    login.put("username", null);
    login.put("password", null);
    Api.Reply l = api.post("/auth/login").json(login).send();
    assertEquals(400, l.status());
    assertEquals(Set.of("username", "password"), fields(l));
  }

  @Test
  void aRefusedPatchChangesNothing() {
    Event event = f.event(sales.who(), support.who());
    Map<String, Object> body = new HashMap<>(Map.of("attendees", -1, "location", "Somewhere new"));
    Api.Reply r = api.patch("/events/" + event.id().value()).as(support.token()).json(body).send();
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("attendees"), fields(r));
    assertEquals(event, f.crm.reload(event.id()));
  }

  @Test
  void deeplyNestedJsonIsRefusedNotAStackOverflow() {
    String deep = "{\"fullName\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}";
    Api.Reply r = api.post("/clients").as(sales.token()).raw(deep, "application/json").send();
    assertEquals(400, r.status(), () -> r.status() + " " + r.body().substring(0, Math.min(200, r.body().length())));
  }

  @Test
  void aHugeNumberLiteralIsRefused() {
    Client client = f.client(sales.who());
    Api.Reply r = api.post("/contracts").as(manager.token()).raw("{\"clientId\":" + client.id().value()
        + ",\"totalAmount\":" + "9".repeat(5000) + ",\"amountDue\":0}", "application/json").send();
    assertEquals(400, r.status(), r::toString);
  }
}
