package com.epicevents.crm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.http.ApiFixture.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Idempotency-Key as the HTTP adapter reads it (over the in-memory core): which POSTs take it,
 * the OpenAPI document saying so, and CORS letting browsers see the replay header. The behaviour
 * over PostgreSQL is IdempotencyOverPostgresTest in crm-bootstrap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyKeyTest {
  private static final String REFUSED = "is not accepted here";
  private final ApiFixture f = new ApiFixture();
  private final Actor manager = f.actor(Team.MANAGEMENT);

  @AfterAll
  void stop() {
    f.close();
  }

  @Test
  void everyPostTakesTheKeyExceptThoseAnsweringASecretAndTheDocumentSaysWhichBothWays() {
    JsonNode doc = f.api.get("/openapi.json").send().json();
    Set<String> documented = new TreeSet<>();
    Set<String> accepted = new TreeSet<>();
    Set<String> refused = new TreeSet<>();
    doc.get("paths").fields().forEachRemaining(path -> {
      JsonNode post = path.getValue().get("post");
      if (post == null) {
        return;
      }
      if (post.path("parameters").toString().contains("#/components/parameters/IdempotencyKey")) {
        documented.add(path.getKey());
      }
      String concrete = path.getKey().replace("{id}", "1").replace("{deliveryId}", "1");
      // a fresh session for each probe: the probe of /auth/logout ends the session it is sent with
      Api.Reply r = f.api.post(concrete).as(f.actor(Team.MANAGEMENT).token()).header("Idempotency-Key", "probe-" + path.getKey())
          .send();
      (r.body().contains(REFUSED) ? refused : accepted).add(path.getKey());
    });

    assertEquals(Set.of("/auth/login", "/webhooks", "/webhooks/{id}/rotate-secret", "/me/api-keys"), refused);
    assertEquals(accepted, documented);
    assertTrue(accepted.contains("/clients"));
  }

  @Test
  void aRefusedKeyNamesTheHeaderAndSaysWhy() {
    Api.Reply r = f.api.post("/auth/login").header("Idempotency-Key", "abc")
        .json(Map.of("username", manager.who().username().value(), "password", "whatever")).send();

    assertEquals(400, r.status());
    JsonNode error = r.json().get("errors").get(0);
    assertEquals("Idempotency-Key", error.get("field").asText());
    assertTrue(error.get("message").asText().contains("the response carries a secret, which is never stored"), r::toString);
  }

  @Test
  void theReplayIsTheSameAnswerAndOnlyOneClientExists() {
    Actor sales = f.actor(Team.SALES);
    Map<String, Object> body = Map.of("fullName", "Fake Replay", "phone", "0612345678", "companyName", "Fake Ltd");

    Api.Reply first = f.api.post("/clients").as(sales.token()).header("Idempotency-Key", "fake-1").json(body).send();
    Api.Reply retry = f.api.post("/clients").as(sales.token()).header("Idempotency-Key", "fake-1").json(body).send();

    assertEquals(201, first.status(), first::toString);
    assertEquals(Optional.empty(), first.header("Idempotent-Replayed"));
    assertEquals(Optional.of("true"), retry.header("Idempotent-Replayed"));
    assertEquals(first.body(), retry.body());
    assertEquals(first.header("Location"), retry.header("Location"));
    assertEquals(1, f.crm.store.snapshot().clients().values().stream()
        .filter(c -> c.fullName().value().equals("Fake Replay")).count());
  }

  @Test
  void browsersOfAConfiguredOriginMayReadTheReplayHeader() {
    try (ApiFixture open = new ApiFixture(new HttpSettings("127.0.0.1", 0, List.of("https://crm.epic-events.test")))) {
      Api.Reply r = open.api.get("/health").header("Origin", "https://crm.epic-events.test").send();

      String exposed = r.header("Access-Control-Expose-Headers").orElse("");
      assertTrue(exposed.contains("Idempotent-Replayed"), exposed);
    }
  }
}
