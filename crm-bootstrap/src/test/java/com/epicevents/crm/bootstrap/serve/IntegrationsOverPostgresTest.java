package com.epicevents.crm.bootstrap.serve;

import com.epicevents.crm.http.json.IntegrationRepresentations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.in.CreateManagerAsAdminUseCase;
import com.epicevents.crm.core.CrmCore;
import com.epicevents.crm.http.HttpSettings;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The changes feed and webhook management through {@code crm serve}'s runner on PostgreSQL, with
 * the real LISTEN/NOTIFY signals, a pool of only two connections, the system DNS and the default
 * webhook settings (private networks NOT allowed).
 */
class IntegrationsOverPostgresTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "the first manager's passphrase";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static TestDatabase db;
  private static HikariDataSource pool;
  private static ServeRunner runner;
  private static String base;
  private static String manager;

  @BeforeAll
  static void serve() throws Exception {
    db = TestDatabase.fresh();
    pool = CrmDatabase.pooledDataSource(db.jdbcUrl(), db.appRole(), db.appPassword(), 2);
    pool.setConnectionTimeout(3_000);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    CrmCore core = CrmCore.builder(pool).webhookSecretKey(key)
        .webhookBodies(IntegrationRepresentations::webhookBody).build();
    core.useCases().createManagerAsAdmin().execute(CreateManagerAsAdminUseCase.Command.of(
        "ada", "Ada Lovelace", "+44 20 7946 0000", "ada@epic-events.test", PASSWORD.toCharArray()));
    runner = ServeRunner.start(core, pool, HttpSettings.loopbackRandomPort());
    base = "http://127.0.0.1:" + runner.port() + "/api/v1";
    manager = send("POST", "/auth/login", null, Map.of("username", "ada", "password", PASSWORD)).json()
        .get("token").asText();
  }

  @AfterAll
  static void stop() {
    runner.stop();
    db.close();
  }

  record Reply(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (java.io.IOException e) {
        throw new AssertionError(body, e);
      }
    }
  }

  private static Reply send(String method, String path, String token, Object body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(40));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body());
  }

  private static String endOfFeed() throws Exception {
    String cursor = null;
    while (true) {
      JsonNode page = send("GET", "/changes?limit=1000" + (cursor == null ? "" : "&after=" + cursor), manager, null)
          .json();
      cursor = page.get("nextCursor").asText();
      if (page.get("items").isEmpty()) {
        return cursor;
      }
    }
  }

  @Test
  void waitingLongPollsHoldNoPooledConnectionAndAllWakeWhenAChangeCommits() throws Exception {
    String cursor = endOfFeed();
    List<CompletableFuture<Reply>> polls = new ArrayList<>();
    for (int i = 0; i < 8; i++) { // four times the pool
      polls.add(CompletableFuture.supplyAsync(() -> {
        try {
          return send("GET", "/changes?wait=25&after=" + cursor, manager, null);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    Thread.sleep(1500);
    assertTrue(polls.stream().noneMatch(CompletableFuture::isDone), "the polls are waiting");
    long started = System.nanoTime();
    assertEquals(200, send("GET", "/me", manager, null).status(), "the pool is free while they wait");
    assertTrue(System.nanoTime() - started < Duration.ofSeconds(2).toNanos());

    long committed = System.nanoTime();
    Reply created = send("POST", "/collaborators", manager, Map.of("username", "feedwaker", "fullName", "Feed Waker",
        "phone", "0102030405", "team", "SUPPORT", "password", "a long enough password here"));
    assertEquals(201, created.status(), created.body());
    for (CompletableFuture<Reply> poll : polls) {
      Reply r = poll.get(10, TimeUnit.SECONDS);
      assertEquals(200, r.status(), r.body());
      JsonNode item = r.json().get("items").get(0);
      assertEquals("COLLABORATOR", item.get("entityType").asText());
      assertEquals("CREATED", item.get("action").asText());
      assertFalse(r.body().contains("feedwaker"), "names of fields, never values");
    }
    long took = System.nanoTime() - committed;
    assertTrue(took < Duration.ofSeconds(5).toNanos(), () -> "all polls answered after " + took / 1_000_000 + " ms");
  }

  @Test
  void aLongPollWithoutChangesAnswersEmptyWhenItsWaitEnds() throws Exception {
    String cursor = endOfFeed();
    long started = System.nanoTime();
    Reply r = send("GET", "/changes?wait=2&entityType=EVENT&after=" + cursor, manager, null);
    long took = (System.nanoTime() - started) / 1_000_000;
    assertEquals(200, r.status());
    assertEquals(0, r.json().get("items").size());
    assertEquals(cursor, r.json().get("nextCursor").asText());
    assertTrue(took >= 1900 && took < 6000, () -> took + " ms");
  }

  @Test
  void withThePrivateNetworkSettingOffLoopbackPrivateAndMetadataUrlsAreRefused() throws Exception {
    for (String url : List.of("http://127.0.0.1/hook", "http://10.0.0.1/hook", "http://169.254.169.254/latest",
        "http://localhost:8080/hook", "file:///etc/passwd", "ftp://example.com/file")) {
      Reply r = send("POST", "/webhooks", manager, Map.of("url", url, "eventTypes", List.of("*")));
      assertEquals(400, r.status(), () -> url + " " + r.body());
      assertEquals("url", r.json().get("errors").get(0).get("field").asText(), url);
    }
  }
}
