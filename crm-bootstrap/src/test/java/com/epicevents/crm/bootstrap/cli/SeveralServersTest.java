package com.epicevents.crm.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.bootstrap.embedded.EmbeddedDatabase;
import com.epicevents.crm.persistence.CrmDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two real {@code crm serve} processes on one PostgreSQL database, as behind a load balancer:
 * they behave as one system. Sessions work on both; a logout or a deactivation through A is
 * refused by B at once (measured over many trials); login throttling and lock-out are shared;
 * concurrent changes through both leave one intact audit chain; and B, its invalidation listener
 * killed, keeps refusing revoked credentials and reconnects by itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralServersTest {
  private static final String SERVER_PASSWORD = "several-servers-owner";
  private static final String DEMO_PASSWORD = "epic-events-demo";
  /** The aim for the median; the slowest trial must stay far below the cache's 5 s time-to-live. */
  private static final Duration REFUSED_WITHIN = Duration.ofMillis(100);
  private static final Duration NEVER_LATER_THAN = Duration.ofSeconds(1);
  private static final int TRIALS = 100;
  private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

  private Path serverHome;
  private Path home;

  private EmbeddedDatabase server;
  private Map<String, String> environment;
  private Process processA;
  private Process processB;
  private String a;
  private String b;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  void twoServersOnOneDatabase() throws Exception {
    serverHome = Files.createTempDirectory("several-servers-db");
    home = Files.createTempDirectory("several-servers-home");
    server = EmbeddedDatabase.start(serverHome, freePort(), SERVER_PASSWORD);
    environment = Map.of(
        "CRM_HOME", home.toString(),
        "CRM_DB_URL", "jdbc:postgresql://localhost:" + server.port() + "/several",
        "CRM_DB_USER", "postgres",
        "CRM_DB_PASSWORD", SERVER_PASSWORD,
        // These trials send far more than 100 requests a second with one token: no rate limit here.
        "CRM_HTTP_RATE_LIMIT_PER_SECOND", "0");
    assertEquals(0, crm("admin", "init"));
    assertEquals(0, crm("admin", "seed-demo"));
    int portA = freePort();
    int portB = freePort();
    processA = serve("a", portA);
    processB = serve("b", portB);
    a = "http://127.0.0.1:" + portA + "/api/v1";
    b = "http://127.0.0.1:" + portB + "/api/v1";
    waitForLine(home.resolve("serve-a.log"), "crm serve: listening");
    waitForLine(home.resolve("serve-b.log"), "crm serve: listening");
    waitUntilListening(processB);
  }

  @AfterAll
  void stopEverything() throws Exception {
    for (Process p : new Process[] {processA, processB}) {
      if (p != null) {
        p.destroy();
        p.waitFor(60, TimeUnit.SECONDS);
      }
    }
    if (server != null) {
      server.close();
    }
    for (Path dir : new Path[] {home, serverHome}) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  @Test
  void aSessionOpenedThroughOneServerWorksOnTheOther() throws Exception {
    String token = logIn(a, "sales1");
    assertEquals(200, get(b, "/clients?limit=5", token).statusCode());
    assertEquals(200, get(b, "/me", token).statusCode());
    String other = logIn(b, "sales1");
    assertEquals(200, get(a, "/events?limit=5", other).statusCode());
  }

  @Test
  void aLogoutThroughOneServerIsRefusedByTheOtherWithinAHundredMilliseconds() throws Exception {
    List<Long> micros = new ArrayList<>();
    for (int trial = 0; trial < TRIALS; trial++) {
      String token = logIn(a, "manager1");
      assertEquals(200, get(b, "/clients?limit=1", token).statusCode(), "B knows the session");
      assertEquals(200, get(b, "/clients?limit=1", token).statusCode(), "and answers it from memory");
      assertEquals(204, post(a, "/auth/logout", token, "").statusCode());
      micros.add(microsUntilRefused(b, token));
    }
    report("logout through A, refused by B", micros);
  }

  @Test
  void anApiKeyRevokedThroughOneServerIsRefusedByTheOtherWithinAHundredMilliseconds() throws Exception {
    String person = logIn(a, "sales2");
    String expiresAt = java.time.Instant.now().plus(Duration.ofDays(30)).toString();
    List<Long> micros = new ArrayList<>();
    for (int trial = 0; trial < 20; trial++) {
      HttpResponse<String> created = post(a, "/me/api-keys", person,
          "{\"name\":\"trial " + trial + "\",\"scopes\":[\"clients:read\"],\"expiresAt\":\"" + expiresAt + "\"}");
      assertEquals(201, created.statusCode(), created.body());
      Matcher secret = Pattern.compile("\"secret\":\"(crm_[^\"]+)\"").matcher(created.body());
      assertTrue(secret.find());
      String key = secret.group(1);
      assertEquals(200, get(b, "/clients?limit=1", key).statusCode(), "B knows the key");
      assertEquals(200, get(b, "/clients?limit=1", key).statusCode(), "and answers it from memory");
      HttpResponse<String> revoked = http.send(HttpRequest.newBuilder(URI.create(a + "/me/api-keys/" + keyId(created)))
          .header("Authorization", "Bearer " + person).DELETE().build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(204, revoked.statusCode(), revoked.body());
      micros.add(microsUntilRefused(b, key));
    }
    report("API key revoked through A, refused by B", micros);
  }

  @Test
  void aDeactivationThroughOneServerIsRefusedByTheOtherWithinAHundredMilliseconds() throws Exception {
    String boss = logIn(a, "manager2");
    long support2 = idOf(logInResponse(b, "support2"));
    List<Long> micros = new ArrayList<>();
    for (int trial = 0; trial < 20; trial++) {
      String token = logIn(b, "support2");
      assertEquals(200, get(b, "/events?limit=1", token).statusCode());
      assertEquals(200, post(a, "/collaborators/" + support2 + "/deactivate", boss, "").statusCode());
      micros.add(microsUntilRefused(b, token));
      assertEquals(200, post(a, "/collaborators/" + support2 + "/reactivate", boss, "").statusCode());
    }
    report("deactivation through A, refused by B", micros);
  }

  @Test
  void loginThrottlingAndLockOutAreSharedByBothServers() throws Exception {
    for (int failure = 1; failure <= 5; failure++) {
      assertEquals(401, logInAs(failure % 2 == 0 ? a : b, "support4", "not the password!").statusCode());
    }
    HttpResponse<String> throttledOnA = logInAs(a, "support4", DEMO_PASSWORD);
    HttpResponse<String> throttledOnB = logInAs(b, "support4", DEMO_PASSWORD);
    assertEquals(429, throttledOnA.statusCode(), "the failures through B count on A");
    assertEquals(429, throttledOnB.statusCode());
    for (int failure = 6; failure <= 10; failure++) {
      String on = failure % 2 == 0 ? a : b;
      HttpResponse<String> attempt = logInAs(on, "support4", "not the password!");
      while (attempt.statusCode() == 429 && retryAfter(attempt) <= 60) { // the shared back-off: wait as told
        Thread.sleep(retryAfter(attempt) * 1000 + 50);
        attempt = logInAs(on, "support4", "not the password!");
      }
      if (failure < 10) {
        assertEquals(401, attempt.statusCode(), attempt.body());
      } else {
        assertEquals(429, attempt.statusCode(), "the tenth failure locks: " + attempt.body());
      }
    }
    HttpResponse<String> lockedOnA = logInAs(a, "support4", DEMO_PASSWORD);
    HttpResponse<String> lockedOnB = logInAs(b, "support4", DEMO_PASSWORD);
    assertEquals(429, lockedOnA.statusCode());
    assertEquals(429, lockedOnB.statusCode());
    assertTrue(retryAfter(lockedOnA) > 60 && retryAfter(lockedOnB) > 60, "locked for minutes on both: "
        + lockedOnB.body());
  }

  @Test
  void concurrentChangesThroughBothServersLeaveOneIntactAuditChain() throws Exception {
    List<Writer> writers = new ArrayList<>();
    for (String sales : List.of("sales1", "sales2", "sales3")) {
      HttpResponse<String> login = logInResponse(a, sales);
      String token = tokenOf(login);
      long me = idOf(login);
      Matcher clients = ID.matcher(get(a, "/clients?salesContactId=" + me + "&limit=4", token).body());
      List<Long> mine = new ArrayList<>();
      while (clients.find()) {
        mine.add(Long.parseLong(clients.group(1)));
      }
      assertTrue(mine.size() >= 2, sales + " has clients");
      writers.add(new Writer(a, token, mine.get(0)));
      writers.add(new Writer(b, token, mine.get(1)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(writers.size());
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (Writer w : writers) {
        done.add(pool.submit(w::patchMany));
      }
      for (Future<Integer> f : done) {
        assertEquals(15, f.get(120, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    Path out = home.resolve("verify-audit.txt");
    Process verify = process(out, "admin", "verify-audit");
    assertTrue(verify.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, verify.exitValue(), Files.readString(out));
  }

  @Test
  void withItsListenerKilledTheOtherServerStillRefusesRevokedCredentialsAndRecoversByItself() throws Exception {
    int killed = listenerPid(processB);
    String token = logIn(a, "support3");
    assertEquals(200, get(b, "/events?limit=1", token).statusCode());

    ownerSql("SELECT pg_terminate_backend(?)", killed);
    assertEquals(204, post(a, "/auth/logout", token, "").statusCode());
    // the NOTIFY is lost with the listener; B notices the broken connection and asks the database
    long refusedAfter = microsUntilRefused(b, token);
    assertTrue(refusedAfter < REFUSED_WITHIN.toNanos() / 1000, "refused after " + refusedAfter + " µs");

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    int again = 0;
    while (System.nanoTime() < deadline && (again == 0 || again == killed)) {
      Thread.sleep(50);
      again = listenerPidOrZero(processB);
    }
    assertNotEquals(0, again, "B's listener reconnected by itself");
    assertNotEquals(killed, again);
    List<Long> micros = new ArrayList<>();
    for (int trial = 0; trial < 10; trial++) {
      String next = logIn(a, "support3");
      assertEquals(200, get(b, "/events?limit=1", next).statusCode());
      assertEquals(200, get(b, "/events?limit=1", next).statusCode());
      assertEquals(204, post(a, "/auth/logout", next, "").statusCode());
      micros.add(microsUntilRefused(b, next));
    }
    report("logout through A after B's listener reconnected", micros);
  }

  /** One writer: 15 PATCHes of one client through one server. */
  private final class Writer {
    private final String server;
    private final String token;
    private final long clientId;

    Writer(String server, String token, long clientId) {
      this.server = server;
      this.token = token;
      this.clientId = clientId;
    }

    int patchMany() throws Exception {
      int ok = 0;
      for (int i = 0; i < 15; i++) {
        String body = "{\"phone\":\"+33 6 12 34 56 " + String.format("%02d", i) + "\"}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server + "/clients/" + clientId))
            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          ok++;
        } else {
          throw new AssertionError("PATCH " + clientId + " through " + server + ": " + r.statusCode() + " " + r.body());
        }
      }
      return ok;
    }
  }

  private long microsUntilRefused(String server, String token) throws Exception {
    long started = System.nanoTime();
    while (true) {
      int status = get(server, "/clients?limit=1", token).statusCode();
      long micros = (System.nanoTime() - started) / 1000;
      if (status == 401) {
        return micros;
      }
      assertEquals(200, status);
      if (micros > Duration.ofSeconds(10).toNanos() / 1000) {
        throw new AssertionError("still accepted after 10 s");
      }
    }
  }

  private void report(String what, List<Long> micros) throws IOException {
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    long p50 = sorted.get((int) Math.ceil(sorted.size() * 0.50) - 1);
    long p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    long max = sorted.get(sorted.size() - 1);
    String line = String.format("%s: %d trials, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, sorted.size(),
        p50 / 1000.0, p99 / 1000.0, max / 1000.0);
    System.out.print(line);
    Path results = Path.of("target", "several-servers.txt");
    Files.writeString(results, line, StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    // p99 is reported, not asserted: on a 2-core machine shared by several builds (load average
    // 7-10) CPU starvation alone puts single trials above 100 ms; see bench/http-results.md.
    assertTrue(p50 < REFUSED_WITHIN.toNanos() / 1000, line);
    assertTrue(max < NEVER_LATER_THAN.toNanos() / 1000, "a trial waited for the cache to expire: " + line);
  }

  private static long retryAfter(HttpResponse<String> r) {
    return Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
  }

  private String logIn(String server, String username) throws Exception {
    return tokenOf(logInResponse(server, username));
  }

  private HttpResponse<String> logInResponse(String server, String username) throws Exception {
    HttpResponse<String> r = logInAs(server, username, DEMO_PASSWORD);
    assertEquals(200, r.statusCode(), r.body());
    return r;
  }

  private HttpResponse<String> logInAs(String server, String username, String password) throws Exception {
    return post(server, "/auth/login", null, "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
  }

  private static String tokenOf(HttpResponse<String> login) {
    Matcher m = TOKEN.matcher(login.body());
    assertTrue(m.find(), login.body());
    return m.group(1);
  }

  private static long keyId(HttpResponse<String> created) {
    Matcher m = ID.matcher(created.body());
    assertTrue(m.find(), created.body());
    return Long.parseLong(m.group(1));
  }

  private static long idOf(HttpResponse<String> login) {
    Matcher m = Pattern.compile("\"collaborator\":\\{\"id\":(\\d+)").matcher(login.body());
    assertTrue(m.find(), login.body());
    return Long.parseLong(m.group(1));
  }

  private HttpResponse<String> get(String server, String path, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server + path)).header("Authorization", "Bearer " + token)
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String server, String path, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private int listenerPid(Process p) throws Exception {
    int pid = listenerPidOrZero(p);
    assertNotEquals(0, pid, "B listens");
    return pid;
  }

  private int listenerPidOrZero(Process p) throws SQLException {
    try (Connection c = owner(); PreparedStatement ps = c.prepareStatement(
        "SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
      ps.setString(1, CrmDatabase.LISTENER_APPLICATION_NAME + " " + p.pid());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  private void waitUntilListening(Process p) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (listenerPidOrZero(p) == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the listener never connected");
      }
      Thread.sleep(50);
    }
  }

  private void ownerSql(String sql, int parameter) throws SQLException {
    try (Connection c = owner(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, parameter);
      ps.execute();
    }
  }

  private Connection owner() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + server.port() + "/several", "postgres",
        SERVER_PASSWORD);
  }

  private int crm(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment cli = new CliEnvironment(environment, home, new ByteArrayInputStream(new byte[0]),
        new PrintWriter(out, true), new PrintWriter(err, true), null);
    int status = Main.run(cli, args);
    assertEquals(0, status, out + "\n" + err);
    return status;
  }

  private Process serve(String name, int port) throws IOException {
    return process(home.resolve("serve-" + name + ".log"), "serve", "--port", Integer.toString(port));
  }

  private Process process(Path output, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(variable -> variable.startsWith("CRM_"));
    builder.environment().putAll(environment);
    return builder.start();
  }

  private static void waitForLine(Path log, String line) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(line)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("never saw '" + line + "' in:\n" + (Files.exists(log) ? Files.readString(log) : "(none)"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
