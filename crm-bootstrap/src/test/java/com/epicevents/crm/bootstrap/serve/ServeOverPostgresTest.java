package com.epicevents.crm.bootstrap.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.in.CreateManagerAsAdminUseCase;
import com.epicevents.crm.application.port.out.ErrorReporter;
import com.epicevents.crm.core.CrmCore;
import com.epicevents.crm.http.HttpSettings;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code crm serve} end to end: the HTTP API over the real core on PostgreSQL, driven through the
 * JDK HTTP client. The adapter's own suite covers every endpoint over the in-memory core; this one
 * proves the same flows hold with real SQL, transactions and connection pool.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeOverPostgresTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MANAGER_PASSWORD = "the first manager's passphrase";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final AtomicInteger FLUSHES = new AtomicInteger();

  static TestDatabase db;
  static HikariDataSource pool;
  static ServeRunner runner;
  static String base;
  static String manager;

  @BeforeAll
  static void serve() {
    db = TestDatabase.fresh();
    pool = CrmDatabase.pooledDataSource(db.jdbcUrl(), db.appRole(), db.appPassword(), 4);
    pool.setConnectionTimeout(3_000);
    ErrorReporter counting = new ErrorReporter() {
      @Override
      public String reportUnexpected(Throwable error, String useCase, Long actorId) {
        return ErrorReporter.NONE.reportUnexpected(error, useCase, actorId);
      }

      @Override
      public void businessEvent(String message, Map<String, String> tags) {}

      @Override
      public void flush() {
        FLUSHES.incrementAndGet();
      }
    };
    CrmCore core = CrmCore.builder(pool).errorReporter(counting).build();
    core.useCases().createManagerAsAdmin().execute(CreateManagerAsAdminUseCase.Command.of(
        "ada", "Ada Lovelace", "+44 20 7946 0000", "ada@epic-events.test", MANAGER_PASSWORD.toCharArray()));
    runner = ServeRunner.start(core, pool, HttpSettings.loopbackRandomPort());
    base = "http://127.0.0.1:" + runner.port() + "/api/v1";
    manager = login("ada", MANAGER_PASSWORD);
  }

  @AfterAll
  static void cleanUp() {
    runner.stop();
    db.close();
  }

  @Test
  @Order(1)
  void aManagerCreatesASalespersonWhoLogsInAndCreatesAClientStoredVerbatim() {
    String bob = salesperson("bob");
    String name = "'; DROP TABLE clients; -- Fête 🎉";
    Reply created = call("POST", "/clients", bob, Map.of("fullName", name, "phone", "+678 123 456 78",
        "companyName", "\" OR 1=1 -- LLC", "email", "kevin@startup.io"));
    assertEquals(201, created.status(), created::toString);
    long id = created.json().get("id").asLong();
    assertEquals("/api/v1/clients/" + id, created.header("Location"));
    assertEquals("\"" + created.json().get("version").asLong() + "\"", created.header("ETag"));

    Reply read = call("GET", "/clients/" + id, manager, null);
    assertEquals(200, read.status());
    assertEquals(name, read.json().get("fullName").asText());
    assertEquals("\" OR 1=1 -- LLC", read.json().get("companyName").asText());
    assertEquals("Bob Seller", read.json().get("salesContactName").asText());

    Reply search = call("GET", "/clients?q=" + java.net.URLEncoder.encode("drop table", java.nio.charset.StandardCharsets.UTF_8),
        manager, null);
    assertEquals(1, search.json().get("items").size(), search::toString);
  }

  @Test
  @Order(2)
  void twoPatchesWithTheSameIfMatchGiveOne200AndOne412() throws Exception {
    String carol = salesperson("carol");
    Reply created = call("POST", "/clients", carol, Map.of("fullName", "Race Client", "phone", "0612345678",
        "companyName", "Race Co"));
    long id = created.json().get("id").asLong();
    String etag = created.header("ETag");
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Reply>> racers = new ArrayList<>();
    for (String company : List.of("First Writer", "Second Writer")) {
      racers.add(CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return call("PATCH", "/clients/" + id, carol, Map.of("companyName", company), etag);
      }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<Reply> racer : racers) {
      statuses.add(racer.get().status());
    }
    statuses.sort(null);
    assertEquals(List.of(200, 412), statuses);
    Reply stale = call("PATCH", "/clients/" + id, carol, Map.of("companyName", "Late"), etag);
    assertEquals(412, stale.status());
    assertTrue(stale.json().get("current").get("companyName").asText().endsWith("Writer"));
  }

  @Test
  @Order(3)
  void refusalsOfThePermissionTableChangeNothingInTheDatabase() {
    String dave = salesperson("dave");
    String erin = salesperson("erin");
    String support = collaborator("sam", "SUPPORT");
    long clientId = call("POST", "/clients", dave, Map.of("fullName", "Dave's Client", "phone", "0612345678",
        "companyName", "Dave Co")).json().get("id").asLong();
    JsonNode before = call("GET", "/clients/" + clientId, manager, null).json();

    assertEquals(403, call("PATCH", "/clients/" + clientId, erin, Map.of("companyName", "Stolen")).status());
    assertEquals(403, call("PATCH", "/clients/" + clientId, support, Map.of("companyName", "Stolen")).status());
    assertEquals(403, call("PATCH", "/clients/" + clientId, manager, Map.of("companyName", "Stolen")).status());
    assertEquals(403, call("POST", "/clients", manager, Map.of("fullName", "M", "phone", "0612345678",
        "companyName", "M Co")).status());
    assertEquals(403, call("POST", "/contracts", dave, Map.of("clientId", clientId, "totalAmount", "10.00",
        "amountDue", "10.00")).status());
    assertEquals(before, call("GET", "/clients/" + clientId, manager, null).json());

    Reply contract = call("POST", "/contracts", manager, Map.of("clientId", clientId, "totalAmount", 32000,
        "amountDue", "1200.50"));
    assertEquals(201, contract.status(), contract::toString);
    assertEquals("32000.00", contract.json().get("totalAmount").asText());
    assertEquals(200, call("PATCH", "/clients/" + clientId, dave, Map.of("companyName", "Dave & Co")).status());
    Reply audit = call("GET", "/audit?entityType=CLIENT&entityId=" + clientId, manager, null);
    assertTrue(audit.body().contains("ACCESS_DENIED"), audit::toString);
  }

  @Test
  @Order(4)
  void aLogoutEndsTheTokenInTheDatabase() {
    String frank = salesperson("frank");
    assertEquals(204, call("POST", "/auth/logout", frank, null).status());
    assertEquals(401, call("GET", "/me", frank, null).status());
  }

  @Test
  @Order(5)
  void healthGoesDownWhileTheDatabaseRefusesConnectionsAndComesBackWithoutARestart() throws Exception {
    assertEquals(200, call("GET", "/health", null, null).status());
    try {
      allowConnections(false);
      Reply down = call("GET", "/health", null, null);
      assertEquals(503, down.status(), down::toString);
      assertEquals("DOWN", down.json().get("database").asText());
    } finally {
      allowConnections(true);
    }
    Reply up = null;
    for (int i = 0; i < 40 && (up == null || up.status() != 200); i++) {
      Thread.sleep(250);
      up = call("GET", "/health", null, null);
    }
    assertEquals(200, up.status(), up::toString);
    assertEquals(200, call("GET", "/me", manager, null).status());
  }

  @Test
  @Order(6)
  void stoppingEndsServingThenFlushesMonitoringAndClosesThePool() {
    int flushesBefore = FLUSHES.get();
    runner.stop();
    assertTrue(pool.isClosed());
    assertEquals(flushesBefore + 1, FLUSHES.get());
    assertTrue(failsToConnect("/health"));
    runner.stop(); // idempotent
    assertEquals(flushesBefore + 1, FLUSHES.get());
  }

  // --- helpers ---

  /** Blocks or re-opens connections to the test database, cutting the open ones (as an outage would). */
  private static void allowConnections(boolean allowed) throws SQLException {
    String url = TestDatabase.serverJdbcUrl("postgres");
    try (Connection c = DriverManager.getConnection(url, db.ownerUser(), db.ownerPassword());
         Statement s = c.createStatement()) {
      s.execute("ALTER DATABASE " + db.databaseName() + " WITH ALLOW_CONNECTIONS " + allowed);
      if (!allowed) {
        s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db.databaseName() + "'");
      }
    }
  }

  private static String salesperson(String username) {
    return collaborator(username, "SALES");
  }

  private static String collaborator(String username, String team) {
    String password = "a long private passphrase " + username.length() + "x";
    String fullName = Character.toUpperCase(username.charAt(0)) + username.substring(1) + " Seller";
    Reply r = call("POST", "/collaborators", manager, Map.of("username", username, "password", password,
        "fullName", fullName, "phone", "0102030405", "team", team));
    assertEquals(201, r.status(), r::toString);
    return login(username, password);
  }

  private static String login(String username, String password) {
    Reply r = call("POST", "/auth/login", null, Map.of("username", username, "password", password));
    assertEquals(200, r.status(), r::toString);
    return r.json().get("token").asText();
  }

  private static boolean failsToConnect(String path) {
    try {
      call("GET", path, null, null);
      return false;
    } catch (UncheckedIOException expected) {
      return true;
    }
  }

  static Reply call(String method, String path, String token, Object body) {
    return call(method, path, token, body, null);
  }

  static Reply call(String method, String path, String token, Object body, String ifMatch) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      if (ifMatch != null) {
        b.header("If-Match", ifMatch);
      }
      if (body != null) {
        b.header("Content-Type", "application/json");
      }
      b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Reply(int status, java.net.http.HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + this, e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
