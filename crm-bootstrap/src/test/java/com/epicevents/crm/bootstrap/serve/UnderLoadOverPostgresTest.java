package com.epicevents.crm.bootstrap.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.in.CreateManagerAsAdminUseCase;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code crm serve} on PostgreSQL with real Argon2, under the probe's loads (issue 14): a login
 * flood, concurrent changes without If-Match, and input the database would refuse.
 */
class UnderLoadOverPostgresTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MANAGER_PASSWORD = "the first manager's passphrase";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** The flood's own client: the reader's requests must not queue behind its 200 in the same client. */
  private static final HttpClient FLOOD = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static TestDatabase db;
  static HikariDataSource pool;
  static ServeRunner runner;
  static String base;
  static String manager;

  @BeforeAll
  static void serve() {
    db = TestDatabase.fresh();
    pool = CrmDatabase.pooledDataSource(db.jdbcUrl(), db.appRole(), db.appPassword(), 16);
    CrmCore core = CrmCore.builder(pool).build();
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
  void aNulInTheLoginUsernameIsA400NotADatabaseError() {
    Reply reply = call("POST", "/auth/login", null, Map.of("username", "ab\u0000c", "password", "whatever-password"));

    assertEquals(400, reply.status(), reply::toString);
    assertEquals("username", reply.json().get("errors").get(0).get("field").asText());
  }

  @Test
  void twentyConcurrentPatchesWithoutIfMatchAllApply() throws Exception {
    String carol = salesperson("carol");
    Reply created = call("POST", "/clients", carol, Map.of("fullName", "Busy Client", "phone", "0612345678",
        "companyName", "Busy Co"));
    long id = created.json().get("id").asLong();
    long version = created.json().get("version").asLong();
    ExecutorService writers = Executors.newFixedThreadPool(20);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String company = "Writer " + i;
        replies.add(writers.submit(() -> {
          start.await();
          return call("PATCH", "/clients/" + id, carol, Map.of("companyName", company));
        }));
      }
      start.countDown();
      for (Future<Reply> reply : replies) {
        Reply r = reply.get(60, TimeUnit.SECONDS);
        assertEquals(200, r.status(), r::toString);
      }
    } finally {
      writers.shutdownNow();
    }
    assertEquals(version + 20, call("GET", "/clients/" + id, carol, null).json().get("version").asLong(),
        "each of the twenty changes was applied once");
  }

  /**
   * 200 clients logging in at once, again and again (waiting as Retry-After asks when refused),
   * while another client reads records: its p99 stays under 50 ms, /health stays UP, and logins
   * beyond the hashing queue get 503 with Retry-After, never a 500. This machine is shared: the
   * same reads are timed first without the flood, and on a machine already so loaded that they
   * take more than a fifth of the budget the bound is five times that baseline instead (the
   * probe measured a p99 of 2.7 s before the fix, 70 times its unloaded reads: either bound
   * catches it). Argon2 allocates 19 MiB a check, so on a loaded machine the flood also costs
   * the reader garbage-collection pauses.
   */
  @Test
  void twoHundredParallelLoginsLeaveTokenReadsFastAndTheHealthUp() throws Exception {
    String reader = salesperson("dora");
    long clientId = call("POST", "/clients", reader, Map.of("fullName", "Read Me", "phone", "0612345678",
        "companyName", "Read Co")).json().get("id").asLong();
    for (int i = 0; i < 50; i++) { // warm-up
      call("GET", "/clients/" + clientId, reader, null);
    }
    long baselineP99 = p99Millis(timedReads(reader, clientId, 200));
    Map<Integer, AtomicInteger> loginStatuses = new ConcurrentHashMap<>();
    AtomicInteger missingRetryAfter = new AtomicInteger();
    AtomicInteger unanswered = new AtomicInteger();
    AtomicBoolean flooding = new AtomicBoolean(true);
    ExecutorService flood = Executors.newFixedThreadPool(200);
    List<Future<?>> clients = new ArrayList<>();
    CountDownLatch started = new CountDownLatch(200);
    for (int c = 0; c < 200; c++) {
      int client = c;
      clients.add(flood.submit(() -> {
        started.countDown();
        for (int n = 0; flooding.get(); n++) {
          Reply r;
          try {
            r = call(FLOOD, "POST", "/auth/login", null,
                Map.of("username", "flood" + client + "x" + n, "password", "not the password at all"));
          } catch (UncheckedIOException noAnswerInTime) {
            // On a machine loaded by others a flood request may exceed the client's 30 s: counted, not fatal.
            unanswered.incrementAndGet();
            continue;
          }
          loginStatuses.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
          if (r.status() == 503) {
            if (r.header("Retry-After") == null) {
              missingRetryAfter.incrementAndGet();
            }
            sleep(1_000);
          }
        }
        return null;
      }));
    }
    long[] latencies = new long[400];
    try {
      started.await();
      sleep(1_000);
      for (int i = 0; i < latencies.length; i++) {
        long start = System.nanoTime();
        Reply r = call("GET", "/clients/" + clientId, reader, null);
        latencies[i] = System.nanoTime() - start;
        assertEquals(200, r.status(), r::toString);
        if (i % 25 == 0) {
          Reply health = call("GET", "/health", null, null);
          assertEquals(200, health.status(), health::toString);
          assertEquals("UP", health.json().get("database").asText());
        }
        sleep(10);
      }
    } finally {
      flooding.set(false);
      for (Future<?> client : clients) {
        client.get(60, TimeUnit.SECONDS);
      }
      flood.shutdownNow();
    }
    Arrays.sort(latencies);
    long p50 = latencies[latencies.length / 2] / 1_000_000;
    long p99 = p99Millis(latencies);
    long bound = Math.max(50, 5 * baselineP99);
    System.out.printf("200 parallel logins: GET /clients/{id} p50 %d ms, p99 %d ms (without the flood: p99 %d ms);"
        + " login statuses %s, unanswered in 30 s: %d%n", p50, p99, baselineP99, loginStatuses, unanswered.get());
    assertEquals(Map.of(), Map.copyOf(filter(loginStatuses)), "logins only get 401 or 503");
    assertNotNull(loginStatuses.get(503), "the flood went beyond the hashing queue");
    assertTrue(loginStatuses.get(401).get() > 0, "logins were still checked");
    assertEquals(0, missingRetryAfter.get(), "every 503 says when to retry");
    assertTrue(p99 < bound, "p99 " + p99 + " ms during the login flood, " + baselineP99 + " ms without");
    assertEquals(200, call("GET", "/health", null, null).status());
  }

  private static long[] timedReads(String token, long clientId, int count) {
    long[] latencies = new long[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      assertEquals(200, call("GET", "/clients/" + clientId, token, null).status());
      latencies[i] = System.nanoTime() - start;
      sleep(10);
    }
    return latencies;
  }

  private static long p99Millis(long[] latencies) {
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1_000_000;
  }

  private static Map<Integer, AtomicInteger> filter(Map<Integer, AtomicInteger> statuses) {
    Map<Integer, AtomicInteger> others = new ConcurrentHashMap<>(statuses);
    others.remove(401);
    others.remove(503);
    return others;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String salesperson(String username) {
    String password = "a long private passphrase number " + username.length();
    Reply r = call("POST", "/collaborators", manager, Map.of("username", username, "password", password,
        "fullName", "Sales " + username, "phone", "0102030405", "team", "SALES"));
    assertEquals(201, r.status(), r::toString);
    return login(username, password);
  }

  private static String login(String username, String password) {
    Reply r = call("POST", "/auth/login", null, Map.of("username", username, "password", password));
    assertEquals(200, r.status(), r::toString);
    return r.json().get("token").asText();
  }

  static Reply call(String method, String path, String token, Object body) {
    return call(HTTP, method, path, token, body);
  }

  static Reply call(HttpClient client, String method, String path, String token, Object body) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      if (body != null) {
        b.header("Content-Type", "application/json");
      }
      b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
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
