package com.epicevents.crm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.http.ApiFixture.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Webhook management over real HTTP on the in-memory core, with private networks NOT allowed
 * (the default) and a fixed DNS: {@code receiver.example} is public, {@code evil.example}
 * resolves to loopback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookEndpointsTest {
  private static final String URL = "https://receiver.example/hooks/crm";
  private final ApiFixture f = new ApiFixture();
  private final Api api = f.api;
  private final Actor manager = f.actor(Team.MANAGEMENT);

  WebhookEndpointsTest() {
    f.crm.hosts.put("receiver.example", "93.184.215.14");
    f.crm.hosts.put("evil.example", "127.0.0.1");
    f.crm.hosts.put("mixed.example", "93.184.215.14", "10.1.2.3");
  }

  @AfterAll
  void stop() {
    f.close();
  }

  private JsonNode subscribe(List<String> types) {
    Api.Reply r = api.post("/webhooks").as(manager.token())
        .json(Map.of("url", URL, "eventTypes", types, "description", "accounting")).send();
    assertEquals(201, r.status(), r::toString);
    return r.json();
  }

  @Test
  void managementSubscribesAndSeesTheSecretOnceOnly() {
    JsonNode created = subscribe(List.of("contract.signed", "client.created"));
    String secret = created.get("secret").asText();
    assertTrue(secret.matches("whsec_[A-Za-z0-9+/]{43}="), secret);
    assertEquals(URL, created.get("url").asText());
    assertEquals("[\"client.created\",\"contract.signed\"]", created.get("eventTypes").toString());
    assertTrue(created.get("active").asBoolean());

    long id = created.get("id").asLong();
    Api.Reply one = api.get("/webhooks/" + id).as(manager.token()).send();
    Api.Reply all = api.get("/webhooks").as(manager.token()).send();
    assertEquals(200, one.status());
    assertFalse(one.json().has("secret"));
    assertFalse(one.body().contains(secret));
    assertFalse(all.body().contains(secret));
    assertFalse(api.get("/audit?entityType=WEBHOOK").as(manager.token()).send().body().contains(secret),
        "never in the audit trail");
  }

  @Test
  void aPatchChangesOnlyWhatItNamesAndIsAudited() {
    long id = subscribe(List.of("*")).get("id").asLong();
    Api.Reply r = api.patch("/webhooks/" + id).as(manager.token())
        .json(Map.of("active", false, "eventTypes", List.of("event.created"))).send();
    assertEquals(200, r.status(), r::toString);
    assertFalse(r.json().get("active").asBoolean());
    assertEquals("[\"event.created\"]", r.json().get("eventTypes").toString());
    assertEquals(URL, r.json().get("url").asText());
    JsonNode audit = api.get("/audit?entityType=WEBHOOK&entityId=" + id).as(manager.token()).send().json();
    List<String> actions = new java.util.ArrayList<>();
    audit.get("items").forEach(e -> actions.add(e.get("action").asText()));
    assertEquals(List.of("CREATED", "UPDATED"), actions);
    assertEquals("false", audit.get("items").get(1).get("changes").get("active").get("to").asText());
  }

  @Test
  void rotationGivesANewSecretAndKeepsTheOldOneSigningFor24Hours() {
    JsonNode created = subscribe(List.of("*"));
    long id = created.get("id").asLong();
    Api.Reply r = api.post("/webhooks/" + id + "/rotate-secret").as(manager.token()).send();
    assertEquals(200, r.status(), r::toString);
    String fresh = r.json().get("secret").asText();
    assertNotEquals(created.get("secret").asText(), fresh);
    var stored = f.crm.store.webhooks().find(id).orElseThrow();
    assertEquals(List.of(fresh, created.get("secret").asText()), stored.signingSecrets(f.crm.clock.instant()));
    assertEquals(List.of(fresh), stored.signingSecrets(f.crm.clock.instant().plusSeconds(24 * 3600)));
    String audit = api.get("/audit?entityType=WEBHOOK&entityId=" + id).as(manager.token()).send().body();
    assertTrue(audit.contains("SECRET_ROTATED"));
    assertFalse(audit.contains(fresh));
  }

  @Test
  void aTestQueuesAPingThatTheDeliveryLogShowsAndARedeliveryQueuesItAgain() {
    long id = subscribe(List.of("contract.signed")).get("id").asLong();
    Api.Reply queued = api.post("/webhooks/" + id + "/test").as(manager.token()).send();
    assertEquals(202, queued.status(), queued::toString);
    String eventId = queued.json().get("eventId").asText();

    JsonNode log = api.get("/webhooks/" + id + "/deliveries").as(manager.token()).send().json();
    JsonNode attempt = log.get("items").get(0);
    assertEquals(List.of("id", "eventId", "eventType", "attempt", "status", "responseStatus", "error", "durationMs",
        "at", "nextAttemptAt"), ClientEndpointsTest.fieldNames(attempt));
    assertEquals(eventId, attempt.get("eventId").asText());
    assertEquals("ping", attempt.get("eventType").asText());
    assertEquals("pending", attempt.get("status").asText());

    Api.Reply again = api.post("/webhooks/" + id + "/deliveries/" + attempt.get("id").asLong() + "/redeliver")
        .as(manager.token()).send();
    assertEquals(202, again.status(), again::toString);
    assertEquals(eventId, again.json().get("eventId").asText());
    assertEquals(2, api.get("/webhooks/" + id + "/deliveries?status=pending").as(manager.token()).send().json()
        .get("items").size());
    assertEquals(404, api.post("/webhooks/" + id + "/deliveries/999999/redeliver").as(manager.token()).send().status());
  }

  @Test
  void aSignedContractIsQueuedForTheSubscriptionsThatWantIt() {
    long wantsIt = subscribe(List.of("contract.signed")).get("id").asLong();
    long doesNot = subscribe(List.of("client.created")).get("id").asLong();
    Actor sales = f.actor(Team.SALES);
    var contract = f.crm.contract(f.client(sales.who()), "100.00", "100.00", false);
    Api.Reply signed = api.patch("/contracts/" + contract.id().value()).as(sales.token())
        .json(Map.of("signed", true)).send();
    assertEquals(200, signed.status(), signed::toString);
    JsonNode log = api.get("/webhooks/" + wantsIt + "/deliveries").as(manager.token()).send().json();
    assertEquals("contract.signed", log.get("items").get(0).get("eventType").asText());
    assertEquals(0, api.get("/webhooks/" + doesNot + "/deliveries").as(manager.token()).send().json()
        .get("items").size());
  }

  @Test
  void onlyManagementManagesWebhooksAndEveryRefusalIsAudited() {
    long id = subscribe(List.of("*")).get("id").asLong();
    for (Team team : List.of(Team.SALES, Team.SUPPORT)) {
      Actor other = f.actor(team);
      assertEquals(403, api.get("/webhooks").as(other.token()).send().status());
      assertEquals(403, api.get("/webhooks/" + id).as(other.token()).send().status());
      assertEquals(403, api.post("/webhooks").as(other.token())
          .json(Map.of("url", URL, "eventTypes", List.of("*"))).send().status());
      assertEquals(403, api.post("/webhooks/" + id + "/rotate-secret").as(other.token()).send().status());
      String audit = api.get("/audit?actorId=" + other.id()).as(manager.token()).send().body();
      assertTrue(audit.contains("ACCESS_DENIED") && audit.contains("MANAGE_WEBHOOKS"), audit);
    }
    assertEquals(401, api.get("/webhooks").send().status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1/hook", "http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data",
      "http://evil.example/hook", "http://mixed.example/hook", "http://[::1]/hook", "http://[::ffff:127.0.0.1]/hook",
      "http://192.168.1.10/hook", "http://172.16.0.1/hook", "http://224.0.0.1/hook", "http://0.0.0.0/hook",
      "http://[fd00::1]/hook", "http://[fe80::1]/hook", "file:///etc/passwd", "ftp://receiver.example/hook",
      "http://nowhere.invalid/hook", "https://user:pw@receiver.example/hook", "not a url"})
  void aUrlThatCouldReachThePrivateNetworkOrIsNotHttpIsRefused(String url) {
    Api.Reply r = api.post("/webhooks").as(manager.token()).json(Map.of("url", url, "eventTypes", List.of("*"))).send();
    assertEquals(400, r.status(), r::toString);
    assertEquals("url", r.json().get("errors").get(0).get("field").asText());
  }

  @Test
  void aPatchToAPrivateAddressIsRefusedToo() {
    long id = subscribe(List.of("*")).get("id").asLong();
    Api.Reply r = api.patch("/webhooks/" + id).as(manager.token()).json(Map.of("url", "http://evil.example/")).send();
    assertEquals(400, r.status(), r::toString);
    assertEquals("url", r.json().get("errors").get(0).get("field").asText());
  }

  @Test
  void unknownEventTypesAndMissingFieldsAreRefusedNamingTheField() {
    Api.Reply unknown = api.post("/webhooks").as(manager.token())
        .json(Map.of("url", URL, "eventTypes", List.of("contract.deleted"))).send();
    assertEquals(400, unknown.status());
    assertEquals("eventTypes", unknown.json().get("errors").get(0).get("field").asText());
    Api.Reply missing = api.post("/webhooks").as(manager.token()).json(Map.of("eventTypes", List.of("*"))).send();
    assertEquals(400, missing.status());
    assertEquals("url", missing.json().get("errors").get(0).get("field").asText());
    Api.Reply empty = api.post("/webhooks").as(manager.token()).json(Map.of("url", URL, "eventTypes", List.of())).send();
    assertEquals(400, empty.status());
  }
}
