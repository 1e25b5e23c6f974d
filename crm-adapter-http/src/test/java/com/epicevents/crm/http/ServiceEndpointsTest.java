package com.epicevents.crm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.domain.common.Team;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceEndpointsTest {
  private final ApiFixture f = new ApiFixture();
  private final Api api = f.api;

  @AfterAll
  void stop() {
    f.close();
  }

  @Test
  void healthSaysUpWithoutAToken() {
    f.databaseUp.set(true);
    Api.Reply r = api.get("/health").send();
    assertEquals(200, r.status());
    assertEquals("{\"status\":\"UP\",\"database\":\"UP\",\"pool\":\"OK\"}", r.body());
    assertTrue(r.header("Content-Type").orElseThrow().startsWith("application/json"));
  }

  @Test
  void healthSays503WhileTheDatabaseIsDownAndRecoversWithoutRestart() {
    f.databaseUp.set(false);
    try {
      Api.Reply down = api.get("/health").send();
      assertEquals(503, down.status());
      assertEquals("DOWN", down.json().get("status").asText());
      assertEquals("DOWN", down.json().get("database").asText());
    } finally {
      f.databaseUp.set(true);
    }
    assertEquals(200, api.get("/health").send().status());
  }

  @Test
  void aHealthCheckThatThrowsCountsAsDown() {
    HttpApi throwing = HttpApi.start(f.crm.useCases, f.crm.reporter,
        () -> { throw new IllegalStateException("pool closed"); }, HttpSettings.loopbackRandomPort());
    try {
      Api.Reply r = new Api(throwing.port()).get("/health").send();
      assertEquals(503, r.status());
      assertFalse(r.body().contains("pool closed"));
    } finally {
      throwing.stop();
    }
  }

  @Test
  void theOpenApiDocumentIsServedWithoutAToken() {
    Api.Reply r = api.get("/openapi.json").send();
    assertEquals(200, r.status());
    assertTrue(r.json().get("openapi").asText().startsWith("3."));
  }

  @Test
  void anUnknownPathIsA404Problem() {
    Api.Reply r = api.get("/no-such-thing").send();
    assertEquals(404, r.status());
    assertProblem(r, "urn:epicevents:crm:problem:not-found");
  }

  @Test
  void aPathOutsideTheApiIsA404ProblemToo() {
    Api.Reply r = api.get("//").send();
    assertEquals(404, r.status());
    assertProblem(r, "urn:epicevents:crm:problem:not-found");
  }

  @Test
  void aKnownPathWithAnotherMethodIsA405ProblemListingTheAllowedMethods() {
    Api.Reply r = api.method("DELETE", "/clients/1").send();
    assertEquals(405, r.status());
    assertProblem(r, "urn:epicevents:crm:problem:method-not-allowed");
    assertEquals("GET, PATCH", r.header("Allow").orElseThrow());
  }

  @Test
  void everyKindOfAnswerCarriesTheSecurityHeaders() {
    var sales = f.actor(Team.SALES);
    List<Api.Reply> replies = List.of(
        api.get("/health").send(),
        api.get("/openapi.json").send(),
        api.get("/me").as(sales.token()).send(),
        api.get("/clients").send(),
        api.get("/nowhere").send(),
        api.method("DELETE", "/clients").send(),
        api.post("/clients").as(sales.token()).raw("x".repeat(70_000), "application/json").send(),
        api.post("/clients").as(sales.token()).raw("fullName=x", "application/x-www-form-urlencoded").send(),
        api.post("/clients").as(sales.token()).raw("{", "application/json").send());
    for (Api.Reply r : replies) {
      assertEquals("nosniff", r.header("X-Content-Type-Options").orElse(null), r::toString);
      assertEquals("no-store", r.header("Cache-Control").orElse(null), r::toString);
    }
  }

  @Test
  void requestsTheHttpServerCannotReadGetAProblemWithTheSecurityHeadersNotAnHtmlPage() throws Exception {
    for (String request : List.of(
        "GET /api/v1/clients/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nBad Header\r\nConnection: close\r\n\r\n")) {
      String raw;
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", f.server.port())) {
        socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        raw = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
      String lower = raw.toLowerCase(java.util.Locale.ROOT);
      assertTrue(raw.startsWith("HTTP/1.1 400"), raw);
      assertTrue(lower.contains("x-content-type-options: nosniff"), raw);
      assertTrue(lower.contains("cache-control: no-store"), raw);
      assertTrue(lower.contains("content-type: application/problem+json"), raw);
      assertTrue(raw.contains("\"type\":\"urn:epicevents:crm:problem:http-error\""), raw);
      assertFalse(lower.contains("<html"), raw);
    }
  }

  @Test
  void aPortAlreadyInUseFailsTheStartWithAClearMessage() {
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> HttpApi.start(f.crm.useCases, f.crm.reporter, () -> true,
            new HttpSettings("127.0.0.1", f.server.port(), List.of())));
    assertTrue(e.getMessage().contains("could not listen on 127.0.0.1:" + f.server.port()), e::getMessage);
    assertEquals(200, api.get("/health").send().status());
  }

  @Test
  void corsIsClosedByDefault() {
    Api.Reply r = api.get("/health").header("Origin", "https://evil.example").send();
    assertTrue(r.header("Access-Control-Allow-Origin").isEmpty(), r.headers()::toString);
    Api.Reply preflight = api.method("OPTIONS", "/clients").header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "GET").send();
    assertTrue(preflight.header("Access-Control-Allow-Origin").isEmpty());
  }

  @Test
  void corsAllowsOnlyTheConfiguredOrigins() {
    try (ApiFixture open = new ApiFixture(new HttpSettings("127.0.0.1", 0, List.of("https://crm.epic-events.test")))) {
      Api.Reply allowed = open.api.get("/health").header("Origin", "https://crm.epic-events.test").send();
      assertEquals("https://crm.epic-events.test", allowed.header("Access-Control-Allow-Origin").orElse(null));
      Api.Reply other = open.api.get("/health").header("Origin", "https://evil.example").send();
      assertTrue(other.header("Access-Control-Allow-Origin").isEmpty());
      Api.Reply preflight = open.api.method("OPTIONS", "/clients").header("Origin", "https://crm.epic-events.test")
          .header("Access-Control-Request-Method", "POST")
          .header("Access-Control-Request-Headers", "authorization, content-type, if-match").send();
      assertTrue(preflight.status() < 300, preflight::toString);
      assertEquals("https://crm.epic-events.test", preflight.header("Access-Control-Allow-Origin").orElse(null));
    }
  }

  static void assertProblem(Api.Reply r, String type) {
    assertEquals("application/problem+json", r.header("Content-Type").orElseThrow().split(";")[0], r::toString);
    JsonNode p = r.json();
    assertEquals(type, p.get("type").asText(), r::toString);
    assertEquals(r.status(), p.get("status").asInt());
    assertTrue(p.hasNonNull("title"));
    assertTrue(p.hasNonNull("detail"));
  }
}
