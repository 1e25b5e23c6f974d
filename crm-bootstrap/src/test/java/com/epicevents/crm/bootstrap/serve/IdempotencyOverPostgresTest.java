package com.epicevents.crm.bootstrap.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CreateClientUseCase;
import com.epicevents.crm.application.port.in.CreateManagerAsAdminUseCase;
import com.epicevents.crm.application.port.in.LogInUseCase;
import com.epicevents.crm.application.port.in.RunIdempotentlyUseCase;
import com.epicevents.crm.application.port.out.RecordedResponse;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.core.CrmCore;
import com.epicevents.crm.http.HttpSettings;
import com.epicevents.crm.http.json.IntegrationRepresentations;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key on POST (integrations.md section 2) through {@code crm serve}'s runner on
 * PostgreSQL: replays, reused keys, keys in flight, what is and is not stored, retention, and
 * that the record commits with the change even when the client never reads the response.
 */
class IdempotencyOverPostgresTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "the first manager's passphrase";
  private static final String MEMBER_PASSWORD = "a long enough password here";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static TestDatabase db;
  private static HikariDataSource pool;
  private static CrmCore core;
  private static ServeRunner runner;
  private static String manager;

  @BeforeAll
  static void serve() throws Exception {
    db = TestDatabase.fresh();
    pool = CrmDatabase.pooledDataSource(db.jdbcUrl(), db.appRole(), db.appPassword(), 8);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    core = CrmCore.builder(pool).webhookSecretKey(key).webhookBodies(IntegrationRepresentations::webhookBody).build();
    core.useCases().createManagerAsAdmin().execute(CreateManagerAsAdminUseCase.Command.of(
        "ada", "Ada Lovelace", "+44 20 7946 0000", "ada@epic-events.test", PASSWORD.toCharArray()));
    runner = ServeRunner.start(core, pool, HttpSettings.loopbackRandomPort());
    manager = login("ada", PASSWORD);
  }

  @AfterAll
  static void stop() {
    runner.stop();
    db.close();
  }

  // --- replay, reuse, concurrency ---------------------------------------------------------------

  @Test
  void aRetryWithTheSameKeyAndBodyGetsTheStoredResponseByteForByteAndCreatesNothing() throws Exception {
    Member sales = member("SALES");
    String key = "retry-" + SEQUENCE.incrementAndGet();
    String body = clientBody("Replayed Client " + key);

    Reply first = post("/clients", sales.token(), key, body);
    Reply retry = post("/clients", sales.token(), key, body);

    assertEquals(201, first.status(), first.text());
    assertEquals(Optional.empty(), first.header("Idempotent-Replayed"));
    assertEquals(201, retry.status());
    assertEquals(Optional.of("true"), retry.header("Idempotent-Replayed"));
    assertArrayEquals(first.body(), retry.body(), "the same bytes");
    assertEquals(first.header("Location"), retry.header("Location"));
    assertEquals(first.header("ETag"), retry.header("ETag"));
    assertEquals(first.header("Content-Type"), retry.header("Content-Type"));
    assertEquals(1, count("SELECT count(*) FROM crm.clients WHERE full_name = ?", "Replayed Client " + key));
    assertEquals(1, records(key));
  }

  @Test
  void theSameKeyWithAnotherBodyIsA422AndRunsNothing() throws Exception {
    Member sales = member("SALES");
    String key = "reused-" + SEQUENCE.incrementAndGet();
    assertEquals(201, post("/clients", sales.token(), key, clientBody("First " + key)).status());

    Reply reused = post("/clients", sales.token(), key, clientBody("Second " + key));

    assertEquals(422, reused.status(), reused.text());
    assertEquals("urn:epicevents:crm:problem:idempotency-key-reused", reused.json().get("type").asText());
    assertTrue(reused.header("Content-Type").orElseThrow().startsWith("application/problem+json"));
    assertEquals(0, count("SELECT count(*) FROM crm.clients WHERE full_name = ?", "Second " + key));
  }

  @Test
  void twentyConcurrentRequestsWithOneKeyCreateExactlyOneRecord() throws Exception {
    Member sales = member("SALES");
    String key = "burst-" + SEQUENCE.incrementAndGet();
    String name = "Burst Client " + key;
    String body = clientBody(name);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Reply>> replies = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        replies.add(pool.submit(() -> {
          start.await();
          return post("/clients", sales.token(), key, body);
        }));
      }
      start.countDown();
      List<Reply> done = new ArrayList<>();
      for (Future<Reply> f : replies) {
        done.add(f.get());
      }
      List<Reply> created = done.stream().filter(r -> r.status() == 201).toList();
      List<Reply> inFlight = done.stream().filter(r -> r.status() == 409).toList();
      assertEquals(20, created.size() + inFlight.size(), () -> done.toString());
      assertFalse(created.isEmpty());
      created.forEach(r -> assertArrayEquals(created.get(0).body(), r.body()));
      assertEquals(created.size() - 1,
          created.stream().filter(r -> r.header("Idempotent-Replayed").isPresent()).count(), "all but one replayed");
      for (Reply r : inFlight) {
        assertEquals("urn:epicevents:crm:problem:idempotency-key-in-flight", r.json().get("type").asText());
        assertEquals(Optional.of("1"), r.header("Retry-After"));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, count("SELECT count(*) FROM crm.clients WHERE full_name = ?", name));
    assertEquals(1, records(key));
  }

  // --- what is and is not stored -----------------------------------------------------------------

  @Test
  void aRejectedBodyIsNotStoredSoTheCorrectedRequestWithTheSameKeyIsProcessed() throws Exception {
    Member sales = member("SALES");
    String key = "corrected-" + SEQUENCE.incrementAndGet();

    Reply invalid = post("/clients", sales.token(), key, JSON.writeValueAsString(Map.of(
        "fullName", "Corrected " + key, "email", "not an email", "phone", "0612345678", "companyName", "Acme")));
    assertEquals(400, invalid.status(), invalid.text());
    assertEquals(0, records(key));

    Reply corrected = post("/clients", sales.token(), key, clientBody("Corrected " + key));
    assertEquals(201, corrected.status(), corrected.text());
    assertEquals(Optional.empty(), corrected.header("Idempotent-Replayed"));
    assertEquals(1, records(key));
  }

  @Test
  void aRefusalIsStoredAndReplayedAndStaysAudited() throws Exception {
    Member support = member("SUPPORT");
    String key = "refused-" + SEQUENCE.incrementAndGet();
    String body = clientBody("Refused " + key);

    Reply refused = post("/clients", support.token(), key, body);
    Reply replayed = post("/clients", support.token(), key, body);

    assertEquals(403, refused.status(), refused.text());
    assertEquals(403, replayed.status());
    assertEquals(Optional.of("true"), replayed.header("Idempotent-Replayed"));
    assertArrayEquals(refused.body(), replayed.body());
    assertEquals(1, records(key));
    assertEquals(1, count("SELECT count(*) FROM crm.audit_entries WHERE action = 'ACCESS_DENIED' AND actor_id = ?",
        support.id()), "the refusal is audited although the idempotent unit rolled back; the replay ran nothing");
    assertEquals(0, count("SELECT count(*) FROM crm.clients WHERE full_name = ?", "Refused " + key));
  }

  @Test
  void aNotFoundRefusalIsReplayedToo() throws Exception {
    String key = "missing-" + SEQUENCE.incrementAndGet();

    Reply first = post("/collaborators/987654321/deactivate", manager, key, null);
    Reply again = post("/collaborators/987654321/deactivate", manager, key, null);

    assertEquals(404, first.status(), first.text());
    assertEquals(404, again.status());
    assertEquals(Optional.of("true"), again.header("Idempotent-Replayed"));
    assertArrayEquals(first.body(), again.body());
  }

  @Test
  void keysBelongToTheirOwnerSoTwoOwnersMayUseTheSameKey() throws Exception {
    Member one = member("SALES");
    Member two = member("SALES");
    String key = "shared-" + SEQUENCE.incrementAndGet();

    Reply first = post("/clients", one.token(), key, clientBody("One " + key));
    Reply second = post("/clients", two.token(), key, clientBody("Two " + key));

    assertEquals(201, first.status());
    assertEquals(201, second.status(), "not a 422: the key is scoped to its owner");
    assertEquals(Optional.empty(), second.header("Idempotent-Replayed"));
    assertNotEquals(first.json().get("id"), second.json().get("id"));
    assertEquals(2, records(key));
  }

  // --- malformed keys and endpoints that refuse them ---------------------------------------------

  @Test
  void aKeyOf256CharactersAnEmptyKeyOrOneWithControlCharactersIsA400NamingTheHeader() throws Exception {
    Member sales = member("SALES");
    String body = clientBody("Bad Key Client");

    Reply tooLong = post("/clients", sales.token(), "k".repeat(256), body);
    Reply empty = post("/clients", sales.token(), "", body);
    Reply spaced = post("/clients", sales.token(), "two words", body);
    String tab = rawPost(sales.token(), "ab\tcd", body);
    String control = rawPost(sales.token(), "ab\u0001cd", body);

    for (Reply r : List.of(tooLong, empty, spaced)) {
      assertEquals(400, r.status(), r.text());
      assertEquals("Idempotency-Key", r.json().get("errors").get(0).get("field").asText(), r.text());
    }
    assertTrue(tooLong.text().contains("at most 255"), tooLong.text());
    assertTrue(tab.startsWith("HTTP/1.1 400"), tab);
    assertTrue(tab.contains("\"field\":\"Idempotency-Key\""), tab);
    assertTrue(tab.contains("control"), tab);
    // Other control characters never reach the API: Jetty's parser refuses the whole request.
    assertTrue(control.startsWith("HTTP/1.1 400"), control);
    assertTrue(control.contains("control character in a header value"), control);
    assertEquals(0, count("SELECT count(*) FROM crm.clients WHERE full_name = ?", "Bad Key Client"));
    assertEquals(201, post("/clients", sales.token(), "k".repeat(255), clientBody("Long Key Client")).status());
  }

  @Test
  void endpointsWhoseResponseCarriesASecretRefuseTheKey() throws Exception {
    Reply login = post("/auth/login", null, "login-1",
        JSON.writeValueAsString(Map.of("username", "ada", "password", PASSWORD)));
    Reply webhook = post("/webhooks", manager, "hook-1",
        JSON.writeValueAsString(Map.of("url", "https://hooks.example.com/crm", "eventTypes", List.of("*"))));

    for (Reply r : List.of(login, webhook)) {
      assertEquals(400, r.status(), r.text());
      JsonNode error = r.json().get("errors").get(0);
      assertEquals("Idempotency-Key", error.get("field").asText());
      assertTrue(error.get("message").asText().contains("secret"), r.text());
    }
    assertEquals(0, count("SELECT count(*) FROM crm.webhook_subscriptions WHERE url = ?", "https://hooks.example.com/crm"));
  }

  // --- retention --------------------------------------------------------------------------------

  @Test
  void aRecordOlderThanTheRetentionCountsAsAbsentAndIsPruned() throws Exception {
    Member sales = member("SALES");
    String expired = "expired-" + SEQUENCE.incrementAndGet();
    String pruned = "pruned-" + SEQUENCE.incrementAndGet();
    String kept = "kept-" + SEQUENCE.incrementAndGet();
    insertRecord(sales.id(), expired, Duration.ofHours(25));
    insertRecord(sales.id(), pruned, Duration.ofHours(25));
    insertRecord(sales.id(), kept, Duration.ofHours(23));

    Reply reusedAfterRetention = post("/clients", sales.token(), expired, clientBody("After Retention " + expired));
    int deleted = core.useCases().runIdempotently().pruneExpired();

    assertEquals(201, reusedAfterRetention.status(), "a new request, not a 422: " + reusedAfterRetention.text());
    assertEquals(Optional.empty(), reusedAfterRetention.header("Idempotent-Replayed"));
    assertEquals(1, records(expired), "replaced by the new request's record, which is not pruned");
    assertTrue(deleted >= 1);
    assertEquals(0, records(pruned));
    assertEquals(1, records(kept));
    Reply stillStored = post("/clients", sales.token(), kept, "{}");
    assertEquals(422, stillStored.status(), "within the retention the old fingerprint still holds");
  }

  // --- several processes ------------------------------------------------------------------------

  @Test
  void aRetrySentToAnotherServerOnTheSameDatabaseGetsTheStoredResponse() throws Exception {
    Member sales = member("SALES");
    String key = "other-server-" + SEQUENCE.incrementAndGet();
    String body = clientBody("Two Servers " + key);
    HikariDataSource otherPool = CrmDatabase.pooledDataSource(db.jdbcUrl(), db.appRole(), db.appPassword(), 4);
    CrmCore otherCore = CrmCore.builder(otherPool).build();
    ServeRunner other = ServeRunner.start(otherCore, otherPool, HttpSettings.loopbackRandomPort());
    try {
      Reply first = post("/clients", sales.token(), key, body);
      Reply retry = send(other.port(), "/clients", sales.token(), key, body);

      assertEquals(201, first.status(), first.text());
      assertEquals(201, retry.status(), retry.text());
      assertEquals(Optional.of("true"), retry.header("Idempotent-Replayed"));
      assertArrayEquals(first.body(), retry.body());
      assertEquals(1, count("SELECT count(*) FROM crm.clients WHERE full_name = ?", "Two Servers " + key));
    } finally {
      other.stop();
    }
  }

  // --- atomic with the change -------------------------------------------------------------------

  @Test
  void aClientThatCutTheConnectionBeforeTheResponseGetsItOnRetryAndExactlyOneRecordExists() throws Exception {
    Member sales = member("SALES");
    String key = "cut-" + SEQUENCE.incrementAndGet();
    String name = "Cut Connection " + key;
    String body = clientBody(name);
    try (Socket socket = new Socket("127.0.0.1", runner.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/v1/clients HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + sales.token().value()
          + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + key + "\r\nContent-Length: "
          + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
      out.flush();
      socket.setSoLinger(true, 0); // a reset: the response cannot be delivered
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (records(key) == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(1, records(key), "the record committed although nobody read the response");

    Reply retry = post("/clients", sales.token(), key, body);

    assertEquals(201, retry.status(), retry.text());
    assertEquals(Optional.of("true"), retry.header("Idempotent-Replayed"));
    assertEquals(name, retry.json().get("fullName").asText());
    assertEquals(1, count("SELECT count(*) FROM crm.clients WHERE full_name = ?", name));
  }

  @Test
  void whenTheWorkFailsAfterItsChangeNeitherTheChangeNorTheRecordIsStored() throws Exception {
    Member sales = member("SALES");
    String key = "failing-" + SEQUENCE.incrementAndGet();
    String name = "Never Stored " + key;
    RunIdempotentlyUseCase.Work failing = new RunIdempotentlyUseCase.Work() {
      @Override
      public RecordedResponse run() {
        core.useCases().createClient().create(sales.token(),
            CreateClientUseCase.Command.of(name, "never@client.test", "0612345678", "Never Ltd", null));
        throw new IllegalStateException("the response could not be written");
      }

      @Override
      public Optional<RecordedResponse> refusal(RuntimeException error) {
        return Optional.empty();
      }
    };

    assertThrows(IllegalStateException.class, () -> core.useCases().runIdempotently()
        .run(new RunIdempotentlyUseCase.Request(sales.token(), key, "0".repeat(64)), failing));

    assertEquals(0, count("SELECT count(*) FROM crm.clients WHERE full_name = ?", name));
    assertEquals(0, records(key));
  }

  // --- helpers ----------------------------------------------------------------------------------

  record Member(long id, AuthToken token) {}

  record Reply(int status, Map<String, List<String>> headers, byte[] body) {
    String text() {
      return status + " " + new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (java.io.IOException e) {
        throw new AssertionError(text(), e);
      }
    }

    Optional<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).findFirst();
    }

    @Override
    public String toString() {
      return text();
    }
  }

  private static Member member(String team) throws Exception {
    String username = team.toLowerCase() + "idem" + SEQUENCE.incrementAndGet();
    Reply created = post("/collaborators", manager, null, JSON.writeValueAsString(Map.of("username", username,
        "fullName", "Member " + username, "phone", "0102030405", "team", team, "password", MEMBER_PASSWORD)));
    assertEquals(201, created.status(), created.text());
    return new Member(created.json().get("id").asLong(), new AuthToken(login(username, MEMBER_PASSWORD)));
  }

  private static String login(String username, String password) {
    return core.useCases().logIn().logIn(new LogInUseCase.Command(username, password.toCharArray(), SessionKind.API))
        .token().value();
  }

  private static String clientBody(String fullName) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fullName", fullName);
    body.put("email", "client" + SEQUENCE.incrementAndGet() + "@client.test");
    body.put("phone", "0612345678");
    body.put("companyName", fullName + " Ltd");
    return JSON.writeValueAsString(body);
  }

  private static Reply post(String path, Object token, String key, String body) throws Exception {
    return send(runner.port(), path, token, key, body);
  }

  private static Reply send(int port, String path, Object token, String key, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1" + path))
        .timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + (token instanceof AuthToken t ? t.value() : token));
    }
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
      b.POST(HttpRequest.BodyPublishers.ofString(body));
    } else {
      b.POST(HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Reply(r.statusCode(), r.headers().map(), r.body());
  }

  private static String rawPost(AuthToken token, String key, String body) throws Exception {
    return rawExchange("POST /api/v1/clients HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token.value()
        + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + key + "\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body);
  }

  /** Sends the bytes as they are and reads the whole answer (the request must ask to close). */
  private static String rawExchange(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", runner.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static long records(String key) throws SQLException {
    return count("SELECT count(*) FROM crm.idempotency_records WHERE idempotency_key = ?", key);
  }

  private static long count(String sql, Object parameter) throws SQLException {
    try (Connection c = db.ownerDataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** A record of an earlier request, {@code age} old, with a fingerprint no request here has. */
  private static void insertRecord(long ownerId, String key, Duration age) throws SQLException {
    try (Connection c = db.ownerDataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO crm.idempotency_records (owner_id, idempotency_key, fingerprint, status, content_type, body,"
            + " created_at) VALUES (?, ?, ?, 201, 'application/json', '\\x7b7d'::bytea,"
            + " now() - make_interval(secs => ?))")) {
      ps.setLong(1, ownerId);
      ps.setString(2, key);
      ps.setString(3, "f".repeat(64));
      ps.setLong(4, age.toSeconds());
      ps.executeUpdate();
    }
  }
}
