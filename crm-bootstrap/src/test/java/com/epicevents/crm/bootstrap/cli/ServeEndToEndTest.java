package com.epicevents.crm.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm serve} as an operator runs it: a separate JVM on the embedded database of a
 * temporary CRM_HOME, stopped with SIGTERM. It serves, logs where, stops cleanly (server, pool,
 * embedded database), honours the configured rate limit, and a restart finds what was written.
 */
class ServeEndToEndTest {
  private static final String PASSWORD = "a long and private passphrase";

  @TempDir Path home;

  @Test
  void serveAnswersUntilSigtermThenStopsCleanlyAndTheDataSurvivesARestart() throws Exception {
    Files.writeString(home.resolve("crm.conf"), "embedded.port=" + freePort() + "\n");
    assertEquals(0, run("", "admin", "init"));
    assertEquals(0, run(PASSWORD + "\n", "admin", "create-manager", "--username", "ada",
        "--full-name", "Ada Lovelace", "--phone", "+44 20 7946 0000", "--password-stdin"));

    int port = freePort();
    int metricsPort = freePort();
    Files.writeString(home.resolve("crm.conf"), "metrics.port=" + metricsPort + "\nlog.format=json\n"
        + "http.rate-limit.per-second=1\nhttp.rate-limit.burst=3\n", java.nio.file.StandardOpenOption.APPEND);
    Path log = home.resolve("serve.log");
    Process serve = start(log, "serve", "--port", Integer.toString(port));
    try {
      waitFor(log, "crm serve: listening on http://127.0.0.1:" + port + "/api/v1");
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());
      assertEquals("{\"status\":\"UP\",\"database\":\"UP\",\"pool\":\"OK\"}", health.body());
      HttpResponse<String> login = http.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"ada\",\"password\":\"" + PASSWORD + "\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, login.statusCode(), login.body());
      waitFor(log, "crm serve: rate limit 1 requests/s per credential, bursts of 3");
      assertEquals("3", health.headers().firstValue("RateLimit-Limit").orElse(null), "the configured burst");
      String token = login.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
      List<Integer> statuses = new ArrayList<>();
      HttpResponse<String> me = null;
      do { // 1 a second comes back: on a slow machine a fourth or fifth may still be served
        me = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        statuses.add(me.statusCode());
      } while (me.statusCode() == 200 && statuses.size() < 20);
      assertEquals(List.of(200, 200, 200), statuses.subList(0, 3), "the token's own bucket of 3: " + statuses);
      assertEquals(429, me.statusCode(), statuses::toString);
      assertEquals("1", me.headers().firstValue("Retry-After").orElse(null));
      assertEquals("0", me.headers().firstValue("RateLimit-Remaining").orElse(null));
      assertTrue(me.body().contains("urn:epicevents:crm:problem:rate-limited"), me.body());

      waitFor(log, "crm serve: metrics at http://127.0.0.1:" + metricsPort + "/metrics");
      HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, metrics.statusCode());
      for (String expected : List.of(
          "http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/auth/login\",status=\"200\"} 1",
          "crm_logins_total{outcome=\"succeeded\"} 1", "crm_db_pool_connections_max 16",
          "crm_db_pool_connections_pending 0", "crm_password_hashing_queue_capacity", "jvm_memory_used_bytes")) {
        assertTrue(metrics.body().contains(expected), () -> expected + " missing from\n" + metrics.body());
      }
      assertEquals(404, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode(), "metrics are not on the public API");
    } finally {
      serve.destroy(); // SIGTERM
      assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "crm serve did not stop within 60 s of SIGTERM");
    }
    String output = Files.readString(log);
    assertTrue(output.contains("crm serve: stopped"), output);
    assertTrue(output.contains("embedded PostgreSQL on port"), output);
    assertTrue(output.lines().noneMatch(line -> line.contains("Exception")), output);
    assertTrue(!output.contains(PASSWORD), "the password never reaches the log");
    String requestLine = output.lines().filter(l -> l.contains("\"http.route\":\"/api/v1/auth/login\"")).findFirst()
        .orElseThrow(() -> new AssertionError("no JSON request line in\n" + output));
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(requestLine);
    assertEquals("INFO", json.get("level").asText());
    assertEquals("POST", json.get("http.method").asText());
    assertEquals("200", json.get("http.status").asText());

    // the successful login above was audited: the data is there after the restart
    Path status = home.resolve("status.txt");
    Process again = start(status, "admin", "status");
    assertTrue(again.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, again.exitValue());
    assertTrue(Files.readString(status).contains("collaborators 1,"), Files.readString(status));
  }

  private int run(String stdin, String... args) throws Exception {
    Path out = Files.createTempFile(home, "run", ".txt");
    Process p = start(out, args);
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "crm " + String.join(" ", args) + " timed out");
    assertEquals(0, p.exitValue(), Files.readString(out));
    return p.exitValue();
  }

  private Process start(Path output, String... args) throws IOException {
    // The production logging configuration, not a test one another module's test jar brings along.
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("CRM_"));
    builder.environment().put("CRM_HOME", home.toString());
    return builder.start();
  }

  private static void waitFor(Path log, String line) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(line)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("never saw '" + line + "' in:\n" + (Files.exists(log) ? Files.readString(log) : "(no output)"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
