package com.epicevents.crm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.http.ApiFixture.Actor;
import com.epicevents.crm.http.problem.ProblemType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The hand-written OpenAPI document against the routes the server really registered and the JSON it really sends. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
  private final ApiFixture f = new ApiFixture();
  private final JsonNode doc = f.api.get("/openapi.json").send().json();

  @AfterAll
  void stop() {
    f.close();
  }

  private Set<String> registered() {
    Set<String> routes = new TreeSet<>();
    for (HttpApi.Route route : f.server.routes()) {
      assertTrue(route.path().startsWith("/api/v1/"), route::toString);
      routes.add(route.method() + " " + route.path().substring("/api/v1".length()));
    }
    return routes;
  }

  private Set<String> documented() {
    Set<String> operations = new TreeSet<>();
    doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
      if (METHODS.contains(method)) {
        operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
      }
    }));
    return operations;
  }

  @Test
  void everyRegisteredRouteIsDocumented() {
    Set<String> missing = new TreeSet<>(registered());
    missing.removeAll(documented());
    assertEquals(Set.of(), missing, "routes without documentation");
  }

  @Test
  void everyDocumentedOperationIsRouted() {
    Set<String> ghosts = new TreeSet<>(documented());
    ghosts.removeAll(registered());
    assertEquals(Set.of(), ghosts, "documented but not routed");
  }

  @Test
  void theServerRegistersEveryEndpointOfTheContract() {
    assertEquals(new TreeSet<>(List.of(
        "GET /health", "GET /openapi.json",
        "POST /auth/login", "POST /auth/logout", "GET /me", "PUT /me/password",
        "POST /me/api-keys", "GET /me/api-keys", "DELETE /me/api-keys/{id}", "GET /api-keys", "DELETE /api-keys/{id}",
        "GET /collaborators", "GET /collaborators/{id}", "POST /collaborators", "PATCH /collaborators/{id}",
        "PUT /collaborators/{id}/password", "POST /collaborators/{id}/deactivate", "POST /collaborators/{id}/reactivate",
        "GET /clients", "GET /clients/{id}", "POST /clients", "PATCH /clients/{id}", "PUT /clients/{id}/sales-contact",
        "GET /contracts", "GET /contracts/{id}", "POST /contracts", "PATCH /contracts/{id}",
        "GET /events", "GET /events/{id}", "POST /events", "PATCH /events/{id}", "PUT /events/{id}/support-contact",
        "GET /audit", "GET /changes",
        "GET /webhooks", "POST /webhooks", "GET /webhooks/{id}", "PATCH /webhooks/{id}",
        "POST /webhooks/{id}/rotate-secret", "POST /webhooks/{id}/test", "GET /webhooks/{id}/deliveries",
        "POST /webhooks/{id}/deliveries/{deliveryId}/redeliver")), registered());
  }

  @Test
  void itIsAnOpenApi3DocumentWhoseReferencesAllResolve() {
    assertTrue(doc.get("openapi").asText().startsWith("3."));
    assertEquals("/api/v1", doc.get("servers").get(0).get("url").asText());
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    assertFalse(refs.isEmpty());
    for (String ref : refs) {
      assertTrue(ref.startsWith("#/"), ref);
      JsonNode target = doc.at(ref.substring(1));
      assertFalse(target.isMissingNode(), () -> "dangling $ref " + ref);
    }
  }

  @Test
  void onlyLoginHealthAndTheDocumentItselfArePublic() {
    assertEquals("bearer", doc.get("security").get(0).fieldNames().next());
    Set<String> publicOps = new TreeSet<>();
    forEachOperation((name, op) -> {
      if (op.has("security") && op.get("security").isEmpty()) {
        publicOps.add(name);
      }
    });
    assertEquals(Set.of("GET /health", "GET /openapi.json", "POST /auth/login"), publicOps);
  }

  @Test
  void everyOperationDocumentsTheErrorsItCanAnswer() {
    forEachOperation((name, op) -> {
      JsonNode responses = op.get("responses");
      assertTrue(responses.has("500"), name);
      boolean isPublic = op.has("security") && op.get("security").isEmpty();
      if (!isPublic) {
        assertTrue(responses.has("401"), () -> name + " lacks 401");
      }
      if (name.contains("{id}")) {
        assertTrue(responses.has("404"), () -> name + " lacks 404");
      }
      if (op.has("requestBody")) {
        for (String status : List.of("400", "413", "415")) {
          assertTrue(responses.has(status), () -> name + " lacks " + status);
        }
      }
      if (op.path("parameters").toString().contains("IfMatch")) {
        assertTrue(responses.has("412"), () -> name + " lacks 412");
      }
      if (!name.equals("GET /health")) { // every request but the health probe is rate limited
        assertTrue(responses.has("429"), () -> name + " lacks 429");
      }
    });
  }

  @Test
  void everyProblemTypeTheServerUsesIsListed() {
    Set<String> listed = new TreeSet<>();
    doc.at("/components/schemas/Problem/properties/type/enum").forEach(t -> listed.add(t.asText()));
    for (ProblemType type : ProblemType.values()) {
      assertTrue(listed.contains(type.uri()), type::uri);
    }
  }

  @Test
  void theDocumentedSchemasHaveExactlyTheFieldsTheServerSends() {
    Actor manager = f.actor(Team.MANAGEMENT);
    Actor sales = f.actor(Team.SALES);
    Event event = f.event(sales.who(), f.member(Team.SUPPORT));
    Api api = f.api;
    api.patch("/clients/" + f.crm.reload(event.contractId()).clientId().value()).as(sales.token())
        .json(Map.of("companyName", "Changed for the feed")).send();
    f.crm.hosts.put("receiver.example", "93.184.215.14");
    JsonNode created = api.post("/webhooks").as(manager.token())
        .json(Map.of("url", "https://receiver.example/hook", "eventTypes", List.of("*"))).send().json();
    long webhookId = created.get("id").asLong();
    api.post("/webhooks/" + webhookId + "/test").as(manager.token()).send();
    Map<String, JsonNode> samples = Map.of(
        "WebhookCreated", created,
        "WebhookSubscription", api.get("/webhooks/" + webhookId).as(manager.token()).send().json(),
        "WebhookDelivery", api.get("/webhooks/" + webhookId + "/deliveries").as(manager.token()).send().json()
            .get("items").get(0),
        "Change", api.get("/changes").as(manager.token()).send().json().get("items").get(0));
    samples.forEach((schema, sample) -> assertSchemaMatches(schema, sample));
    samples = Map.of(
        "Collaborator", api.get("/me").as(manager.token()).send().json(),
        "Client", api.get("/clients/" + f.crm.reload(event.contractId()).clientId().value()).as(manager.token()).send().json(),
        "Contract", api.get("/contracts/" + event.contractId().value()).as(manager.token()).send().json(),
        "Event", api.get("/events/" + event.id().value()).as(manager.token()).send().json(),
        "AuditEntry", api.get("/audit?limit=1").as(manager.token()).send().json().get("items").get(0),
        "Health", api.get("/health").send().json());
    samples.forEach(this::assertSchemaMatches);
  }

  private void assertSchemaMatches(String schema, JsonNode sample) {
    {
      JsonNode documented = doc.at("/components/schemas/" + schema);
      assertNotNull(documented.get("properties"), schema);
      assertEquals(ClientEndpointsTest.fieldNames(documented.get("properties")), ClientEndpointsTest.fieldNames(sample),
          () -> schema + " vs " + sample);
      List<String> required = new ArrayList<>();
      documented.get("required").forEach(r -> required.add(r.asText()));
      assertEquals(new TreeSet<>(ClientEndpointsTest.fieldNames(sample)), new TreeSet<>(required),
          () -> schema + ": every field is always present (null when unset)");
    }
  }

  @Test
  void everyDocumentedQueryParameterIsKnownToTheServer() {
    Actor manager = f.actor(Team.MANAGEMENT);
    f.crm.hosts.put("params.example", "93.184.215.14");
    long webhookId = f.api.post("/webhooks").as(manager.token())
        .json(Map.of("url", "https://params.example/hook", "eventTypes", List.of("*"))).send().id();
    forEachOperation((name, op) -> {
      if (!name.startsWith("GET ")) {
        return;
      }
      for (JsonNode p : resolvedParameters(op)) {
        if (!p.get("in").asText().equals("query")) {
          continue;
        }
        String param = p.get("name").asText();
        if (param.equals("cursor")) {
          continue;
        }
        String path = name.substring(4).replace("{id}", String.valueOf(webhookId)) + "?" + param + "="
            + sample(p.get("schema"));
        Api.Reply r = f.api.get(path).as(manager.token()).send();
        assertFalse(r.body().contains("is not a known query parameter"), () -> path + " " + r);
        assertTrue(r.status() == 200 || r.status() == 403, () -> path + " " + r);
      }
    });
  }

  private List<JsonNode> resolvedParameters(JsonNode op) {
    List<JsonNode> params = new ArrayList<>();
    op.path("parameters").forEach(p -> params.add(p.has("$ref") ? doc.at(p.get("$ref").asText().substring(1)) : p));
    return params;
  }

  private static String sample(JsonNode schema) {
    if (schema.has("example")) {
      return schema.get("example").asText();
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(0).asText();
    }
    return switch (schema.get("type").asText()) {
      case "integer" -> "1";
      case "boolean" -> "true";
      default -> "date-time".equals(schema.path("format").asText()) ? "2027-02-01T00:00:00Z" : "text";
    };
  }

  private void forEachOperation(java.util.function.BiConsumer<String, JsonNode> action) {
    doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      if (METHODS.contains(op.getKey())) {
        action.accept(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
      }
    }));
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (e.getKey().equals("$ref")) {
          refs.add(e.getValue().asText());
        } else {
          collectRefs(e.getValue(), refs);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, refs));
    }
  }
}
