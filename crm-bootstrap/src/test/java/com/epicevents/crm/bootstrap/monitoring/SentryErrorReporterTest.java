package com.epicevents.crm.bootstrap.monitoring;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.sentry.Breadcrumb;
import io.sentry.Sentry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * End to end on the real SDK: a local HTTP endpoint plays Sentry, the DSN points at it, and the
 * test decodes the envelopes the SDK posts. Sentry's state is static, so every test that touches
 * it lives in this class, in order: the "no DSN" case runs before Sentry is ever initialised.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SentryErrorReporterTest {
  private static final String EMAIL = "jane.doe@example.com";
  private static final String PHONE = "+33 6 12 34 56 78";
  private static final String PHONE_DIGITS = "612345678";
  private static final String PASSWORD = "Hunter2-correct-horse";
  private static final String TOKEN = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  /** An API key as integrations.md shapes it; its random part must never reach Sentry. */
  private static final String API_KEY = "crm_Q7ZkP2xa_l7dtV0X5m8vFGY5HOkYiyT0kyY0N6rpgpoR4ixno7bY";
  private static final String API_KEY_RANDOM_PART = "l7dtV0X5m8vFGY5HOkYiyT0kyY0N6rpgpoR4ixno7bY";
  private static final List<String> SECRETS = List.of(EMAIL, PHONE, PHONE_DIGITS, PASSWORD, TOKEN, API_KEY,
      API_KEY_RANDOM_PART);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
  private static HttpServer server;
  private static SentryErrorReporter live;

  /** One POST as it arrived: raw bytes, gunzipped body, and header values. */
  private record Received(String path, byte[] raw, byte[] body, List<String> headerValues) {}

  @BeforeAll
  static void startFakeSentry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/", exchange -> {
      byte[] raw = exchange.getRequestBody().readAllBytes();
      String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
      byte[] body = "gzip".equalsIgnoreCase(encoding)
          ? new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes()
          : raw;
      List<String> headerValues = new ArrayList<>();
      exchange.getRequestHeaders().values().forEach(headerValues::addAll);
      RECEIVED.add(new Received(exchange.getRequestURI().getPath(), raw, body, headerValues));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterAll
  static void stopSentryAndEndpoint() {
    if (live != null) {
      live.close();
    }
    Sentry.close();
    server.stop(0);
  }

  @Test
  @Order(1)
  void withoutADsnSentryIsNotInitialisedYetErrorIdsAreStillHandedOut() {
    SentryErrorReporter off = SentryErrorReporter.start(new SentrySettings("  ", "test", "1.0"));

    String errorId = off.reportUnexpected(new IllegalStateException("boom"), "CreateClient", 1L);
    off.businessEvent("collaborator created", Map.of("collaboratorId", "1"));
    off.flush();
    off.close();

    assertFalse(off.isEnabled());
    assertFalse(Sentry.isEnabled());
    assertTrue(errorId.matches("err-[a-z]{10}"), errorId);
    assertTrue(RECEIVED.isEmpty());
  }

  @Test
  @Order(2)
  void aMalformedDsnIsRefusedWithoutRepeatingIt() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> SentryErrorReporter.start(new SentrySettings("not-a-dsn-s3cr3tkey", "test", "1.0")));

    assertTrue(refused.getMessage().startsWith("sentry dsn"), refused.getMessage());
    assertFalse(refused.getMessage().contains("s3cr3tkey"), refused.getMessage());
    assertFalse(Sentry.isEnabled());
  }

  @Test
  @Order(3)
  void anUnexpectedExceptionArrivesWithUseCaseActorAndErrorIdTagsButNoPersonalData() throws Exception {
    SentryErrorReporter reporter = live();
    Sentry.addBreadcrumb(new Breadcrumb("opened client " + EMAIL));
    IllegalStateException error = new IllegalStateException(
        "duplicate client " + EMAIL + ", phone " + PHONE + ", password=" + PASSWORD + ", token " + TOKEN);

    String errorId = reporter.reportUnexpected(error, "CreateClient", 42L);
    reporter.flush();

    assertTrue(errorId.matches("err-[a-z]{10}"), errorId);
    JsonNode event = awaitEvent(e -> errorId.equals(e.path("tags").path("errorId").asText()));
    assertEquals("CreateClient", event.path("tags").path("useCase").asText());
    assertEquals("42", event.path("tags").path("actorId").asText());
    assertEquals("error", event.path("level").asText());
    assertEquals("test", event.path("environment").asText());
    assertEquals("crm@1.2.3", event.path("release").asText());
    assertTrue(event.path("user").isMissingNode(), "no user: sendDefaultPii is off");
    assertTrue(event.path("server_name").isMissingNode(), "no host name");
    JsonNode exception = event.path("exception").path("values").get(0);
    assertEquals("IllegalStateException", exception.path("type").asText());
    assertEquals("duplicate client [scrubbed], phone [scrubbed], password=[scrubbed], token [scrubbed]",
        exception.path("value").asText());
    assertEquals("opened client [scrubbed]", event.path("breadcrumbs").get(0).path("message").asText());
    assertTrue(RECEIVED.stream().allMatch(r -> r.path().equals("/api/1/envelope/")));
  }

  @Test
  @Order(4)
  void eachBusinessEventArrivesAsAnInfoMessageWithItsRecordIds() throws Exception {
    SentryErrorReporter reporter = live();
    Map<String, Map<String, String>> events = new LinkedHashMap<>();
    events.put("collaborator created", Map.of("collaboratorId", "7", "actorId", "1"));
    events.put("collaborator updated", Map.of("collaboratorId", "7", "actorId", "1"));
    events.put("collaborator deactivated", Map.of("collaboratorId", "7", "actorId", "1"));
    events.put("collaborator reactivated", Map.of("collaboratorId", "7", "actorId", "1"));
    events.put("contract signed", Map.of("contractId", "31", "clientId", "12", "actorId", "3"));

    events.forEach(reporter::businessEvent);
    reporter.flush();

    for (Map.Entry<String, Map<String, String>> expected : events.entrySet()) {
      JsonNode event = awaitEvent(e -> expected.getKey().equals(e.path("message").path("message").asText()));
      assertEquals("info", event.path("level").asText(), expected.getKey());
      expected.getValue().forEach((tag, value) ->
          assertEquals(value, event.path("tags").path(tag).asText(), expected.getKey() + " tag " + tag));
    }
  }

  @Test
  @Order(5)
  void noEmailPhonePasswordTokenOrApiKeyOfTheTestDataAppearsInAnyByteReceived() throws Exception {
    SentryErrorReporter reporter = live();
    Sentry.setExtra("note", "call " + PHONE + " or write to " + EMAIL);
    reporter.reportUnexpected(
        new RuntimeException("{\"password\":\"" + PASSWORD + "\",\"token\":\"" + TOKEN + "\"} sent with "
            + "Authorization: Bearer " + API_KEY + " after key " + API_KEY), "Login", null);
    reporter.businessEvent("collaborator updated", Map.of("collaboratorId", "7", "email", EMAIL));
    reporter.flush();
    awaitEvent(e -> "Login".equals(e.path("tags").path("useCase").asText()));

    assertFalse(RECEIVED.isEmpty());
    for (Received request : RECEIVED) {
      String raw = new String(request.raw(), UTF_8);
      String body = new String(request.body(), UTF_8);
      String headers = String.join("\n", request.headerValues());
      for (String secret : SECRETS) {
        assertFalse(raw.contains(secret) || body.contains(secret) || headers.contains(secret),
            () -> "leaked " + secret + " in " + body);
      }
    }
  }

  private static SentryErrorReporter live() {
    if (live == null) {
      String dsn = "http://key@127.0.0.1:" + server.getAddress().getPort() + "/1";
      live = SentryErrorReporter.start(new SentrySettings(dsn, "test", "crm@1.2.3"));
      assertTrue(live.isEnabled());
    }
    return live;
  }

  /** Waits (flush has normally already delivered) for an event item matching the predicate. */
  private static JsonNode awaitEvent(Predicate<JsonNode> match) throws Exception {
    long deadline = System.nanoTime() + 5_000_000_000L;
    do {
      Optional<JsonNode> found = receivedEvents().stream().filter(match).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    return fail("no matching event among " + receivedEvents());
  }

  /** Event payloads of every envelope received: header line, then (item header, payload) pairs. */
  private static List<JsonNode> receivedEvents() throws IOException {
    List<JsonNode> events = new ArrayList<>();
    for (Received request : RECEIVED) {
      byte[] body = request.body();
      int[] position = {0};
      assertNotNull(JSON.readTree(nextLine(body, position)), "envelope header");
      while (position[0] < body.length) {
        byte[] headerLine = nextLine(body, position);
        if (headerLine.length == 0) {
          continue;
        }
        JsonNode itemHeader = JSON.readTree(headerLine);
        byte[] payload;
        if (itemHeader.has("length")) {
          int length = itemHeader.get("length").asInt();
          payload = Arrays.copyOfRange(body, position[0], position[0] + length);
          position[0] = Math.min(body.length, position[0] + length + 1);
        } else {
          payload = nextLine(body, position);
        }
        if ("event".equals(itemHeader.path("type").asText())) {
          events.add(JSON.readTree(payload));
        }
      }
    }
    return events;
  }

  private static byte[] nextLine(byte[] body, int[] position) {
    int start = position[0];
    int end = start;
    while (end < body.length && body[end] != '\n') {
      end++;
    }
    position[0] = end + 1;
    return Arrays.copyOfRange(body, start, end);
  }
}
