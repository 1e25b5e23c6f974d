package com.epicevents.crm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.InMemoryStore;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.http.ApiFixture.Actor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The defects an independent probe of {@code crm serve} found in the HTTP layer (issue 14), each
 * pinned by the answer the contract asks for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProbeDefectsTest {
  private final ApiFixture f = new ApiFixture();
  private final Api api = f.api;

  @AfterAll
  void stop() {
    try {
      assertEquals(List.of(), f.crm.reporter.unexpectedErrors(), "no probe may cause an unexpected error");
    } finally {
      f.close();
    }
  }

  @Test
  void aNulInTheLoginUsernameIsA400NamingTheUsername() {
    Api.Reply reply = api.post("/auth/login")
        .raw("{\"username\":\"ab\\u0000c\",\"password\":\"whatever-password\"}", "application/json").send();

    assertEquals(400, reply.status(), reply::toString);
    assertEquals("username", reply.json().get("errors").get(0).get("field").asText());
  }

  @Test
  void aTeamThatMayNeverUpdateClientsGets403BeforeItsInvalidBodyIsLookedAt() {
    Actor sales = f.actor(Team.SALES);
    Actor support = f.actor(Team.SUPPORT);
    long clientId = f.client(sales.who()).id().value();
    long deniedBefore = denied();

    Api.Reply reply = api.patch("/clients/" + clientId).as(support.token())
        .json(Map.of("email", "not an e-mail", "unknownField", 1)).send();

    assertEquals(403, reply.status(), reply::toString);
    ServiceEndpointsTest.assertProblem(reply, "urn:epicevents:crm:problem:access-denied");
    assertEquals(deniedBefore + 1, denied(), "the refusal is audited");
  }

  @Test
  void aTeamThatMayNeverCreateCollaboratorsGets403EvenForAnEmptyBody() {
    Actor sales = f.actor(Team.SALES);
    long deniedBefore = denied();

    Api.Reply reply = api.post("/collaborators").as(sales.token()).raw("{}", "application/json").send();

    assertEquals(403, reply.status(), reply::toString);
    assertEquals(deniedBefore + 1, denied());
  }

  @Test
  void aTeamThatMayNeverUpdateEventsGets403ForAnImpossibleIdRatherThan404() {
    Actor sales = f.actor(Team.SALES);

    Api.Reply reply = api.patch("/events/abc").as(sales.token()).json(Map.of("notes", "x")).send();

    assertEquals(403, reply.status(), reply::toString);
  }

  @Test
  void anInvalidBodyWithAnUnknownTokenIs401() {
    Api.Reply reply = api.patch("/clients/1").header("Authorization", "Bearer not-a-session")
        .json(Map.of("email", "not an e-mail")).send();

    assertEquals(401, reply.status(), reply::toString);
  }

  @Test
  void theRightTeamWithAnInvalidBodyStillGetsTheFieldErrors() {
    Actor sales = f.actor(Team.SALES);
    long clientId = f.client(sales.who()).id().value();

    Api.Reply reply = api.patch("/clients/" + clientId).as(sales.token()).json(Map.of("email", "not an e-mail")).send();

    assertEquals(400, reply.status(), reply::toString);
    assertEquals("email", reply.json().get("errors").get(0).get("field").asText());
  }

  @Test
  void salesCreatingAnEventWithASupportContactGets403AndTheRefusalIsAudited() {
    Actor sales = f.actor(Team.SALES);
    Actor support = f.actor(Team.SUPPORT);
    Contract contract = f.signedContract(sales.who());
    InMemoryStore.Snapshot before = f.crm.store.snapshot();
    long deniedBefore = denied();

    Api.Reply reply = api.post("/events").as(sales.token()).json(Map.of("contractId", contract.id().value(),
        "clientContact", "Jane 0611223344", "location", "Paris", "attendees", 50,
        "supportContactId", support.id())).send();

    assertEquals(403, reply.status(), reply::toString);
    assertEquals(before.businessRecords(), f.crm.store.snapshot().businessRecords(), "no event was created");
    assertEquals(deniedBefore + 1, denied());
  }

  @Test
  void salesCreatingAnEventWithoutASupportContactStillSucceeds() {
    Actor sales = f.actor(Team.SALES);
    Contract contract = f.signedContract(sales.who());

    Api.Reply reply = api.post("/events").as(sales.token()).json(Map.of("contractId", contract.id().value(),
        "clientContact", "Jane 0611223344", "location", "Paris", "attendees", 50)).send();

    assertEquals(201, reply.status(), reply::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST", "PUT", "PATCH", "DELETE"})
  void anUndecodablePathIsAProblemWithTheSecurityHeadersWhateverTheMethod(String method) throws IOException {
    String response = rawExchange(method + " /api/v1/clients/%ff HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Length: 0\r\nConnection: close\r\n\r\n");

    assertTrue(response.startsWith("HTTP/1.1 400") || response.startsWith("HTTP/1.1 404"), response);
    assertTrue(response.toLowerCase(java.util.Locale.ROOT).contains("x-content-type-options: nosniff"), response);
    assertTrue(response.contains("application/problem+json"), response);
    assertTrue(response.contains("\"status\":"), response);
  }

  private String rawExchange(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", f.server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private long denied() {
    return f.crm.store.snapshot().audit().stream().filter(e -> e.action().equals("ACCESS_DENIED")).count();
  }
}
