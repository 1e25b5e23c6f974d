package com.epicevents.crm.http;

import static com.epicevents.crm.domain.common.Team.MANAGEMENT;
import static com.epicevents.crm.domain.common.Team.SALES;
import static com.epicevents.crm.domain.common.Team.SUPPORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.http.ApiFixture.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/** API keys over real HTTP (integrations.md §1), on the in-memory core. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyEndpointsTest {
  private final ApiFixture f = new ApiFixture();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void captureLogs() {
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    root.detachAppender(logs);
  }

  @AfterAll
  void stop() {
    f.close();
  }

  private String in(int days) {
    return f.crm.clock.instant().plus(Duration.ofDays(days)).toString();
  }

  private Api.Reply create(Actor owner, String name, List<String> scopes, String expiresAt) {
    return f.api.post("/me/api-keys").as(owner.token())
        .json(Map.of("name", name, "scopes", scopes, "expiresAt", expiresAt)).send();
  }

  private AuthToken key(Actor owner, String... scopes) {
    Api.Reply created = create(owner, "test key", List.of(scopes), in(30));
    assertEquals(201, created.status(), created.body());
    return new AuthToken(created.json().get("secret").asText());
  }

  @Test
  void aPersonCreatesAKeyWhoseSecretIsShownOnceAndActsAsThemNarrowed() {
    Actor sales = f.actor(SALES);
    Api.Reply created = create(sales, "Website lead form", List.of("clients:write", "clients:read"), in(90));

    assertEquals(201, created.status(), created.body());
    JsonNode key = created.json();
    String secret = key.get("secret").asText();
    assertTrue(secret.matches("crm_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}"), secret);
    assertEquals(secret.substring(4, 12), key.get("prefix").asText());
    assertEquals(sales.id(), key.get("ownerId").asLong());
    assertEquals(sales.who().fullName().value(), key.get("ownerName").asText());
    assertEquals(List.of("clients:read", "clients:write"),
        Api.JSON.convertValue(key.get("scopes"), List.class));
    assertTrue(key.get("lastUsedAt").isNull());
    assertEquals("/api/v1/me/api-keys/" + key.get("id").asLong(), created.header("Location").orElseThrow());

    AuthToken asKey = new AuthToken(secret);
    Api.Reply client = f.api.post("/clients").as(asKey)
        .json(Map.of("fullName", "Lead From Site", "phone", "0612345678", "companyName", "Site Co")).send();
    assertEquals(201, client.status(), client.body());
    assertEquals(sales.id(), client.json().get("salesContactId").asLong(), "the key acts as its owner");
    assertEquals(403, f.api.get("/events").as(asKey).send().status(), "no events:read scope");

    Api.Reply mine = f.api.get("/me/api-keys").as(sales.token()).send();
    assertEquals(200, mine.status());
    assertFalse(mine.body().contains(secret), "a list never shows the secret");
    assertFalse(mine.json().get("items").get(0).has("secret"));
    assertFalse(mine.json().get("items").get(0).get("lastUsedAt").isNull(), "the use was noted");
  }

  @Test
  void aRevokedKeyIsRefusedOnTheVeryNextCall() {
    Actor support = f.actor(SUPPORT);
    AuthToken key = key(support, "events:read");
    assertEquals(200, f.api.get("/events").as(key).send().status());
    long id = f.api.get("/me/api-keys").as(support.token()).send().json().get("items").get(0).get("id").asLong();

    assertEquals(204, f.api.method("DELETE", "/me/api-keys/" + id).as(support.token()).send().status());

    Api.Reply refused = f.api.get("/events").as(key).send();
    assertEquals(401, refused.status());
    assertTrue(refused.body().contains("revoked"), refused.body());
    assertEquals(0, f.api.get("/me/api-keys?active=true").as(support.token()).send().json().get("items").size());
    assertEquals(id, f.api.get("/me/api-keys?active=false").as(support.token()).send().json().get("items").get(0)
        .get("id").asLong());
    assertEquals(204, f.api.method("DELETE", "/me/api-keys/" + id).as(support.token()).send().status(),
        "revoking twice is harmless");
    assertTrue(audit(EntityType.API_KEY, id).stream().anyMatch(e -> e.action().equals("API_KEY_REVOKED")));
    assertTrue(audit(EntityType.API_KEY, id).stream().anyMatch(e -> e.action().equals("API_KEY_REFUSED")),
        "the refused use is audited");
  }

  @Test
  void anExpiredKeyIsRefusedAndTheRefusalAudited() {
    Actor sales = f.actor(SALES);
    Api.Reply created = create(sales, "short lived", List.of("clients:read"), in(1));
    AuthToken key = new AuthToken(created.json().get("secret").asText());
    assertEquals(200, f.api.get("/clients").as(key).send().status());

    f.crm.clock.advance(Duration.ofDays(1));
    try {
      Api.Reply refused = f.api.get("/clients").as(key).send();
      assertEquals(401, refused.status());
      assertTrue(refused.body().contains("expired"), refused.body());
      AuditEntry last = audit(EntityType.API_KEY, created.id()).get(audit(EntityType.API_KEY, created.id()).size() - 1);
      assertEquals("API_KEY_REFUSED", last.action());
      assertEquals(sales.id(), last.actorId());
    } finally {
      f.crm.clock.advance(Duration.ofDays(-1));
    }
  }

  @Test
  void deactivatingTheOwnerOrMovingThemToAnotherTeamRevokesTheirKeys() {
    Actor manager = f.actor(MANAGEMENT);
    Actor moved = f.actor(SALES);
    Actor gone = f.actor(SALES);
    AuthToken movedKey = key(moved, "clients:read");
    AuthToken goneKey = key(gone, "clients:read");

    Api.Reply patch = f.api.patch("/collaborators/" + moved.id()).as(manager.token())
        .json(Map.of("team", "SUPPORT")).send();
    assertEquals(200, patch.status(), patch.body());
    Api.Reply deactivate = f.api.post("/collaborators/" + gone.id() + "/deactivate").as(manager.token()).send();
    assertEquals(200, deactivate.status(), deactivate.body());

    assertEquals(401, f.api.get("/clients").as(movedKey).send().status());
    assertEquals(401, f.api.get("/clients").as(goneKey).send().status());
    Api.Reply listed = f.api.get("/api-keys?ownerId=" + moved.id()).as(manager.token()).send();
    assertFalse(listed.json().get("items").get(0).get("revokedAt").isNull());
    assertTrue(f.crm.store.snapshot().audit().stream().anyMatch(e -> e.entityType() == EntityType.API_KEY
        && e.action().equals("API_KEY_REVOKED") && e.changes().toString().contains("owner moved to another team")));
    assertTrue(f.crm.store.snapshot().audit().stream().anyMatch(e -> e.entityType() == EntityType.API_KEY
        && e.action().equals("API_KEY_REVOKED") && e.changes().toString().contains("owner deactivated")));
  }

  @Test
  void managementListsEveryonesKeysByOwnerAndStateAndRevokesThem() {
    Actor manager = f.actor(MANAGEMENT);
    Actor sales = f.actor(SALES);
    AuthToken one = key(sales, "clients:read");
    key(sales, "contracts:read");
    long firstId = f.api.get("/me/api-keys").as(sales.token()).send().json().get("items").get(0).get("id").asLong();

    Api.Reply all = f.api.get("/api-keys?ownerId=" + sales.id() + "&active=true").as(manager.token()).send();
    assertEquals(200, all.status(), all.body());
    assertEquals(2, all.json().get("items").size());
    assertEquals(403, f.api.get("/api-keys").as(sales.token()).send().status(), "management only");
    assertEquals(403, f.api.method("DELETE", "/api-keys/" + firstId).as(sales.token()).send().status());

    assertEquals(204, f.api.method("DELETE", "/api-keys/" + firstId).as(manager.token()).send().status());
    assertEquals(401, f.api.get("/clients").as(one).send().status());
    assertEquals(1, f.api.get("/api-keys?ownerId=" + sales.id() + "&active=true").as(manager.token()).send()
        .json().get("items").size());
    assertEquals(1, f.api.get("/api-keys?ownerId=" + sales.id() + "&active=false").as(manager.token()).send()
        .json().get("items").size());
    assertEquals(404, f.api.method("DELETE", "/api-keys/999999999").as(manager.token()).send().status());
    assertEquals(404, f.api.method("DELETE", "/me/api-keys/" + firstId).as(manager.token()).send().status(),
        "someone else's key is not one of mine");
  }

  @Test
  void aKeyCanNeverLogOutChangeAPasswordOrManageKeysWhateverItsScopes() {
    Actor manager = f.actor(MANAGEMENT);
    AuthToken key = key(manager, "clients:read", "clients:write", "contracts:read", "contracts:write",
        "events:read", "events:write", "collaborators:read", "collaborators:write", "audit:read", "changes:read",
        "webhooks:manage");

    assertEquals(403, create(new Actor(manager.who(), key), "from a key", List.of("clients:read"), in(5)).status());
    assertEquals(403, f.api.get("/me/api-keys").as(key).send().status());
    assertEquals(403, f.api.get("/api-keys").as(key).send().status());
    assertEquals(403, f.api.method("DELETE", "/api-keys/1").as(key).send().status());
    assertEquals(403, f.api.post("/auth/logout").as(key).send().status());
    assertEquals(403, f.api.put("/me/password").as(key)
        .json(Map.of("currentPassword", "x", "newPassword", "Another long passphrase 5")).send().status());
    Api.Reply me = f.api.get("/me").as(key).send();
    assertEquals(200, me.status(), "who am I is harmless: " + me.body());
  }

  @Test
  void badInputIsA400NamingTheField() {
    Actor sales = f.actor(SALES);
    assertField(create(sales, "k", List.of("clients:read", "clients:everything"), in(10)), "scopes", "clients:everything");
    assertField(create(sales, "k", List.of(), in(10)), "scopes", "at least one");
    assertField(create(sales, "k", List.of("clients:read"), f.crm.clock.instant().minusSeconds(1).toString()),
        "expiresAt", "future");
    assertField(create(sales, "k", List.of("clients:read"), in(367)), "expiresAt", "366");
    assertEquals(201, create(sales, "k", List.of("clients:read"), in(366)).status(), "366 days is allowed");
    assertField(f.api.post("/me/api-keys").as(sales.token())
        .json(Map.of("name", "no expiry", "scopes", List.of("clients:read"))).send(), "expiresAt", "required");
    assertField(create(sales, " ", List.of("clients:read"), in(10)), "name", "required");
    assertField(create(sales, "x".repeat(101), List.of("clients:read"), in(10)), "name", "100");
    assertField(create(sales, "bell\u0007", List.of("clients:read"), in(10)), "name", "control");

    assertField(f.api.get("/clients").header("Authorization", "Bearer crm_short_abc").send(), "Authorization",
        "well-formed");
    assertField(f.api.get("/clients").header("Authorization", "Bearer crm_ABCDEFGH_" + "a".repeat(31)).send(),
        "Authorization", "well-formed");
    Api.Reply unknown = f.api.get("/clients").header("Authorization", "Bearer crm_ABCDEFGH_" + "a".repeat(40)).send();
    assertEquals(401, unknown.status(), "well-formed but unknown: " + unknown.body());
  }

  @Test
  void aKeyWithControlCharactersIsA400NamingTheHeader() throws IOException {
    // A tab is legal inside an HTTP header value, so it reaches the API, which names the header.
    String tab = raw("GET /api/v1/clients HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer crm_ABCDEFGH_\t"
        + "a".repeat(40) + "\r\nConnection: close\r\n\r\n");
    assertTrue(tab.startsWith("HTTP/1.1 400"), tab);
    assertTrue(tab.contains("\"field\":\"Authorization\"") && tab.contains("control characters"), tab);
    // Other control characters are refused by the HTTP parser itself, before any route: still a 400 problem.
    String bell = raw("GET /api/v1/clients HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer crm_ABCDEFGH_\u0001"
        + "a".repeat(40) + "\r\nConnection: close\r\n\r\n");
    assertTrue(bell.startsWith("HTTP/1.1 400") && bell.contains("application/problem+json"), bell);
  }

  @Test
  void theSecretNeverAppearsInLogsAuditErrorReportsOrListResponses() {
    Actor manager = f.actor(MANAGEMENT);
    Api.Reply created = create(manager, "grep me", List.of("clients:read", "audit:read"), in(10));
    String secret = created.json().get("secret").asText();
    AuthToken key = new AuthToken(secret);
    f.api.get("/clients").as(key).send();
    f.api.get("/events").as(key).send(); // refused: missing scope
    List<String> seen = new ArrayList<>();
    seen.add(f.api.get("/me/api-keys").as(manager.token()).send().body());
    seen.add(f.api.get("/api-keys").as(manager.token()).send().body());
    seen.add(f.api.get("/audit?limit=200").as(manager.token()).send().body());
    seen.add(f.api.get("/audit?limit=200").as(key).send().body());
    f.crm.store.snapshot().audit().forEach(e -> seen.add(e.toString()));
    f.crm.reporter.businessEvents().forEach(e -> seen.add(e.toString()));
    f.crm.reporter.unexpectedErrors().forEach(e -> seen.add(e.toString()));
    logs.list.forEach(e -> seen.add(e.getFormattedMessage()));
    String secretPart = secret.substring(13);
    for (String text : seen) {
      assertFalse(text.contains(secretPart), "the secret leaked into: " + text);
    }
    assertTrue(f.crm.store.snapshot().audit().stream().anyMatch(e -> e.entityType() == EntityType.API_KEY
        && e.action().equals("ACCESS_DENIED") && e.changes().toString().contains("events:read")),
        "the missing scope was audited against the key");
  }

  private List<AuditEntry> audit(EntityType type, long id) {
    return f.crm.store.snapshot().audit().stream().filter(e -> e.entityType() == type && Long.valueOf(id)
        .equals(e.entityId())).toList();
  }

  private static void assertField(Api.Reply reply, String field, String messagePart) {
    assertEquals(400, reply.status(), reply.body());
    JsonNode errors = reply.json().get("errors");
    assertTrue(errors != null && errors.isArray(), reply.body());
    boolean named = false;
    for (JsonNode e : errors) {
      named |= e.get("field").asText().equals(field) && e.get("message").asText().contains(messagePart);
    }
    assertTrue(named, "expected " + field + " / " + messagePart + " in " + reply.body());
  }

  private String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", f.server.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream read = new ByteArrayOutputStream();
      in.transferTo(read);
      return read.toString(StandardCharsets.UTF_8);
    }
  }
}
