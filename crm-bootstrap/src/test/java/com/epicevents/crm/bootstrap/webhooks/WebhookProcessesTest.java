package com.epicevents.crm.bootstrap.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.bootstrap.embedded.EmbeddedDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm serve} processes (separate JVMs) on one PostgreSQL server reached through db.url,
 * delivering to a real receiver on loopback (so this installation sets
 * webhooks.allow-private-networks=true): two processes deliver each attempt once; a process
 * killed with SIGKILL right after a change committed loses nothing.
 */
class WebhookProcessesTest {
  private static final String PASSWORD = "a long and private passphrase";
  private static final String SERVER_PASSWORD = "server-owner-secret";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Process> processes = new ArrayList<>();

  @TempDir Path serverHome;
  @TempDir Path home;
  private EmbeddedDatabase server;

  @BeforeEach
  void installation() throws Exception {
    server = EmbeddedDatabase.start(serverHome, freePort(), SERVER_PASSWORD);
    Files.writeString(home.resolve("crm.conf"), String.join("\n",
        "db.url=jdbc:postgresql://localhost:" + server.port() + "/hooks_crm?password=" + SERVER_PASSWORD,
        "db.user=postgres",
        "webhooks.allow-private-networks=true", ""));
    run("", "admin", "init");
    run(PASSWORD + "\n", "admin", "create-manager", "--username", "ada", "--full-name", "Ada Lovelace",
        "--phone", "+44 20 7946 0000", "--password-stdin");
  }

  @AfterEach
  void stopAll() {
    processes.forEach(Process::destroyForcibly);
    server.close();
  }

  @Test
  void twoServeProcessesDeliverEachAttemptExactlyOnce() throws Exception {
    try (Receiver receiver = new Receiver()) {
      int portA = freePort();
      int portB = freePort();
      Process a = serve(portA, "a");
      Process b = serve(portB, "b");
      waitFor(home.resolve("serve-a.log"), "listening on");
      waitFor(home.resolve("serve-b.log"), "listening on");
      String tokenA = login(portA);
      String tokenB = login(portB);
      long webhook = post(portA, tokenA, "/webhooks", Map.of("url", receiver.url("/hook"),
          "eventTypes", List.of("collaborator.created"))).get("id").asLong();

      int changes = 24;
      for (int i = 0; i < changes; i++) {
        int port = i % 2 == 0 ? portA : portB;
        post(port, i % 2 == 0 ? tokenA : tokenB, "/collaborators", Map.of("username", "member" + i,
            "fullName", "Member " + i, "phone", "0102030405", "team", "SUPPORT", "password", PASSWORD));
      }
      Set<String> ids = new HashSet<>();
      List<Receiver.Request> all = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (ids.size() < changes && System.nanoTime() < deadline) {
        Receiver.Request r = receiver.next(Duration.ofSeconds(60));
        all.add(r);
        ids.add(r.header("webhook-id"));
      }
      Thread.sleep(3000); // a duplicate would arrive by now
      all.addAll(receiver.drain());
      assertEquals(changes, ids.size(), "every change delivered");
      assertEquals(changes, all.size(), "no attempt sent twice");

      JsonNode log = get(portB, tokenB, "/webhooks/" + webhook + "/deliveries?limit=200");
      assertEquals(changes, log.get("items").size());
      log.get("items").forEach(d -> {
        assertEquals("succeeded", d.get("status").asText(), d::toString);
        assertEquals(1, d.get("attempt").asInt(), d::toString);
      });
      a.destroy();
      b.destroy();
      assertTrue(a.waitFor(60, TimeUnit.SECONDS) && b.waitFor(60, TimeUnit.SECONDS));
      String logA = Files.readString(home.resolve("serve-a.log"));
      assertTrue(logA.contains("webhook delivery started") && logA.contains("webhook delivery stopped"), logA);
    }
  }

  @Test
  void aChangeCommittedRightBeforeAKillIsDeliveredAfterTheRestart() throws Exception {
    try (Receiver receiver = new Receiver()) {
      int port = freePort();
      Process first = serve(port, "first");
      waitFor(home.resolve("serve-first.log"), "listening on");
      String token = login(port);
      post(port, token, "/webhooks", Map.of("url", receiver.url("/hook"), "eventTypes", List.of("collaborator.created")));
      // The first attempt, if the process gets to send it before the kill, is held by the receiver,
      // so it can never succeed before the kill: either it is still queued, or it is claimed and
      // in flight when the process dies (then sent again once its claim expires).
      receiver.answer(Receiver.Answer.hang(Duration.ofSeconds(15)));
      post(port, token, "/collaborators", Map.of("username", "justbefore", "fullName", "Just Before",
          "phone", "0102030405", "team", "SALES", "password", PASSWORD));
      first.destroyForcibly(); // SIGKILL right after the commit: no shutdown hook, nothing flushed
      assertTrue(first.waitFor(30, TimeUnit.SECONDS));
      receiver.drain(); // whatever the killed process may have sent before dying does not count

      long restarted = System.nanoTime();
      serve(port, "second");
      waitFor(home.resolve("serve-second.log"), "listening on");
      Receiver.Request got = receiver.next(Duration.ofSeconds(90));
      assertTrue(got.receivedNanos() > restarted);
      JsonNode body = JSON.readTree(got.body());
      assertEquals("collaborator.created", body.get("type").asText());
      assertEquals("justbefore", body.get("data").get("username").asText());
    }
  }

  private Process serve(int port, String name) throws IOException {
    Process p = start(home.resolve("serve-" + name + ".log"), "serve", "--port", Integer.toString(port));
    processes.add(p);
    return p;
  }

  private String login(int port) throws Exception {
    return post(port, null, "/auth/login", Map.of("username", "ada", "password", PASSWORD)).get("token").asText();
  }

  private JsonNode post(int port, String token, String path, Map<String, ?> body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1" + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(r.statusCode() / 100 == 2, () -> path + " " + r.statusCode() + " " + r.body());
    return JSON.readTree(r.body());
  }

  private JsonNode get(int port, String token, String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1" + path))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private void run(String stdin, String... args) throws Exception {
    Path out = Files.createTempFile(home, "run", ".txt");
    Process p = start(out, args);
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "crm " + String.join(" ", args) + " timed out");
    assertEquals(0, p.exitValue(), Files.readString(out));
  }

  private Process start(Path output, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "com.epicevents.crm.bootstrap.cli.Main"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    Map<String, String> env = new HashMap<>(builder.environment());
    env.keySet().stream().filter(k -> k.startsWith("CRM_")).forEach(builder.environment()::remove);
    builder.environment().put("CRM_HOME", home.toString());
    return builder.start();
  }

  private static void waitFor(Path log, String text) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("never saw '" + text + "' in:\n" + (Files.exists(log) ? Files.readString(log) : "(no output)"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
