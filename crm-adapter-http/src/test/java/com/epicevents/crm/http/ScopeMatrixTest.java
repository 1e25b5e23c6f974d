package com.epicevents.crm.http;

import static com.epicevents.crm.domain.common.Team.MANAGEMENT;
import static com.epicevents.crm.domain.common.Team.SALES;
import static com.epicevents.crm.domain.common.Team.SUPPORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.InMemoryStore;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.ManageApiKeysUseCase;
import com.epicevents.crm.domain.access.Scope;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.http.ApiFixture.Actor;
import com.epicevents.crm.http.AuthorizationMatrixTest.Endpoint;
import com.epicevents.crm.http.AuthorizationMatrixTest.Setup;
import com.epicevents.crm.http.AuthorizationMatrixTest.Target;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint against API keys (integrations.md §1): a key holding exactly the scope the
 * endpoint needs gets what its owner's session gets (the permission table, unchanged); a key
 * holding every other scope gets 403, audited against the key. A key never widens: where the
 * owner's policy refuses, the scope does not help. The scopes each endpoint needs are written out
 * here from the contract, not derived from the core.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeMatrixTest {
  private static final String PROBLEM_DENIED = "urn:epicevents:crm:problem:access-denied";
  private final ApiFixture f = new ApiFixture();

  ScopeMatrixTest() {
    f.crm.hosts.put("receiver.example", "93.184.215.14");
  }

  @AfterAll
  void stop() {
    f.close();
  }

  /** The scope each mutating endpoint of the permission table needs; null: no key may ever call it. */
  private static final Map<Endpoint, Scope> MUTATIONS = Map.ofEntries(
      Map.entry(Endpoint.CREATE_COLLABORATOR, Scope.COLLABORATORS_WRITE),
      Map.entry(Endpoint.UPDATE_COLLABORATOR, Scope.COLLABORATORS_WRITE),
      Map.entry(Endpoint.RESET_PASSWORD, Scope.COLLABORATORS_WRITE),
      Map.entry(Endpoint.DEACTIVATE_COLLABORATOR, Scope.COLLABORATORS_WRITE),
      Map.entry(Endpoint.REACTIVATE_COLLABORATOR, Scope.COLLABORATORS_WRITE),
      Map.entry(Endpoint.CREATE_CLIENT, Scope.CLIENTS_WRITE),
      Map.entry(Endpoint.UPDATE_CLIENT, Scope.CLIENTS_WRITE),
      Map.entry(Endpoint.REASSIGN_CLIENT, Scope.CLIENTS_WRITE),
      Map.entry(Endpoint.CREATE_CONTRACT, Scope.CONTRACTS_WRITE),
      Map.entry(Endpoint.UPDATE_CONTRACT, Scope.CONTRACTS_WRITE),
      Map.entry(Endpoint.CREATE_EVENT, Scope.EVENTS_WRITE),
      Map.entry(Endpoint.UPDATE_EVENT, Scope.EVENTS_WRITE),
      Map.entry(Endpoint.ASSIGN_EVENT_SUPPORT, Scope.EVENTS_WRITE));

  static Stream<Arguments> permissionTable() {
    return AuthorizationMatrixTest.permissionTable();
  }

  @ParameterizedTest(name = "{1} key on {2} record: {0} -> {3} with its scope, 403 without")
  @MethodSource("permissionTable")
  void aMutationNeedsTheOwnersPermissionAndTheKeysScope(Endpoint endpoint, Team team, Target target, int expected) {
    Actor owner = f.actor(team);
    Scope needed = MUTATIONS.get(endpoint);
    if (needed == null) { // log out, change one's own password: a person's session only
      assertRefusedToKey(endpoint.call(f.api, keyOf(owner, EnumSet.allOf(Scope.class)), endpoint.prepare(f, owner,
          target)));
      return;
    }
    Api.Reply withScope = endpoint.call(f.api, keyOf(owner, EnumSet.of(needed)), endpoint.prepare(f, owner, target));
    assertEquals(expected, withScope.status(), "with " + needed.wireName() + ": " + withScope);

    Actor other = f.actor(team); // the first call may have deactivated its owner or ended their sessions
    Actor without = keyOf(other, EnumSet.complementOf(EnumSet.of(needed)));
    Setup setup = endpoint.prepare(f, other, target);
    assertRefusedToKey(endpoint.call(f.api, without, setup));
  }

  /** A read or webhook endpoint: its scope, and the status each team's owner gets with it. */
  record Case(String name, Scope scope, int management, int sales, int support,
      BiFunction<ScopeMatrixTest, Actor, Api.Reply> call) {
    int expected(Team team) {
      return switch (team) {
        case MANAGEMENT -> management;
        case SALES -> sales;
        case SUPPORT -> support;
      };
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> readsAndWebhooks() {
    List<Case> cases = List.of(
        new Case("GET /clients", Scope.CLIENTS_READ, 200, 200, 200, (t, a) -> t.f.api.get("/clients").as(a.token()).send()),
        new Case("GET /clients/{id}", Scope.CLIENTS_READ, 200, 200, 200,
            (t, a) -> t.f.api.get("/clients/" + t.f.client(t.f.member(SALES)).id().value()).as(a.token()).send()),
        new Case("GET /contracts", Scope.CONTRACTS_READ, 200, 200, 200,
            (t, a) -> t.f.api.get("/contracts").as(a.token()).send()),
        new Case("GET /contracts?signed=false", Scope.CONTRACTS_READ, 200, 200, 200,
            (t, a) -> t.f.api.get("/contracts?signed=false").as(a.token()).send()),
        new Case("GET /contracts/{id}", Scope.CONTRACTS_READ, 200, 200, 200,
            (t, a) -> t.f.api.get("/contracts/" + t.f.signedContract(t.f.member(SALES)).id().value()).as(a.token())
                .send()),
        new Case("GET /events", Scope.EVENTS_READ, 200, 200, 200,
            (t, a) -> t.f.api.get("/events").as(a.token()).send()),
        new Case("GET /events?unassigned=true", Scope.EVENTS_READ, 200, 200, 200,
            (t, a) -> t.f.api.get("/events?unassigned=true").as(a.token()).send()),
        new Case("GET /events?mine=true", Scope.EVENTS_READ, 403, 200, 200,
            (t, a) -> t.f.api.get("/events?mine=true").as(a.token()).send()),
        new Case("GET /events/{id}", Scope.EVENTS_READ, 200, 200, 200,
            (t, a) -> t.f.api.get("/events/" + t.f.event(t.f.member(SALES), t.f.member(SUPPORT)).id().value())
                .as(a.token()).send()),
        new Case("GET /collaborators", Scope.COLLABORATORS_READ, 200, 200, 200,
            (t, a) -> t.f.api.get("/collaborators").as(a.token()).send()),
        new Case("GET /collaborators/{id}", Scope.COLLABORATORS_READ, 200, 200, 200,
            (t, a) -> t.f.api.get("/collaborators/" + a.id()).as(a.token()).send()),
        new Case("GET /audit", Scope.AUDIT_READ, 200, 403, 403, (t, a) -> t.f.api.get("/audit").as(a.token()).send()),
        new Case("GET /changes", Scope.CHANGES_READ, 200, 200, 200, (t, a) -> t.f.api.get("/changes").as(a.token()).send()),
        new Case("POST /webhooks", Scope.WEBHOOKS_MANAGE, 201, 403, 403, (t, a) -> t.f.api.post("/webhooks")
            .as(a.token()).json(Map.of("url", "https://receiver.example/hook", "eventTypes", List.of("*"))).send()),
        new Case("GET /webhooks", Scope.WEBHOOKS_MANAGE, 200, 403, 403,
            (t, a) -> t.f.api.get("/webhooks").as(a.token()).send()),
        new Case("GET /webhooks/{id}", Scope.WEBHOOKS_MANAGE, 200, 403, 403,
            (t, a) -> t.f.api.get("/webhooks/" + t.subscription()).as(a.token()).send()),
        new Case("PATCH /webhooks/{id}", Scope.WEBHOOKS_MANAGE, 200, 403, 403,
            (t, a) -> t.f.api.patch("/webhooks/" + t.subscription()).as(a.token())
                .json(Map.of("description", "changed")).send()),
        new Case("POST /webhooks/{id}/rotate-secret", Scope.WEBHOOKS_MANAGE, 200, 403, 403,
            (t, a) -> t.f.api.post("/webhooks/" + t.subscription() + "/rotate-secret").as(a.token()).send()),
        new Case("POST /webhooks/{id}/test", Scope.WEBHOOKS_MANAGE, 202, 403, 403,
            (t, a) -> t.f.api.post("/webhooks/" + t.subscription() + "/test").as(a.token()).send()),
        new Case("GET /webhooks/{id}/deliveries", Scope.WEBHOOKS_MANAGE, 200, 403, 403,
            (t, a) -> t.f.api.get("/webhooks/" + t.subscription() + "/deliveries").as(a.token()).send()),
        new Case("POST /webhooks/{id}/deliveries/{deliveryId}/redeliver", Scope.WEBHOOKS_MANAGE, 202, 403, 403,
            (t, a) -> {
              long[] ids = t.delivery();
              return t.f.api.post("/webhooks/" + ids[0] + "/deliveries/" + ids[1] + "/redeliver").as(a.token()).send();
            }));
    return cases.stream().flatMap(c -> Stream.of(MANAGEMENT, SALES, SUPPORT).map(team -> Arguments.of(c, team)));
  }

  @ParameterizedTest(name = "{1} key: {0}")
  @MethodSource("readsAndWebhooks")
  void aReadOrWebhookCallNeedsTheOwnersPermissionAndTheKeysScope(Case c, Team team) {
    Actor owner = f.actor(team);
    Api.Reply withScope = c.call().apply(this, keyOf(owner, EnumSet.of(c.scope())));
    assertEquals(c.expected(team), withScope.status(), "with " + c.scope().wireName() + ": " + withScope);
    Api.Reply withSession = c.call().apply(this, owner);
    assertEquals(c.expected(team), withSession.status(), "the owner's own session: " + withSession);

    assertRefusedToKey(c.call().apply(this, keyOf(owner, EnumSet.complementOf(EnumSet.of(c.scope())))));
  }

  @Test
  void personOnlyEndpointsRefuseAKeyHoldingEveryScope() {
    for (Team team : Team.values()) {
      Actor owner = f.actor(team);
      Actor key = keyOf(owner, EnumSet.allOf(Scope.class));
      assertRefusedToKey(f.api.post("/me/api-keys").as(key.token()).json(Map.of("name", "k", "scopes",
          List.of("clients:read"), "expiresAt", f.crm.clock.instant().plus(Duration.ofDays(3)).toString())).send());
      assertRefusedToKey(f.api.get("/me/api-keys").as(key.token()).send());
      assertRefusedToKey(f.api.method("DELETE", "/me/api-keys/1").as(key.token()).send());
      assertRefusedToKey(f.api.get("/api-keys").as(key.token()).send());
      assertRefusedToKey(f.api.method("DELETE", "/api-keys/1").as(key.token()).send());
    }
  }

  @Test
  void everyRouteOfTheApiIsInOneOfTheseMatrices() {
    Set<String> covered = new HashSet<>(Set.of(
        // public, or not about records: no scope involved
        "POST /api/v1/auth/login", "GET /api/v1/health", "GET /api/v1/openapi.json", "GET /api/v1/me",
        // the permission table (AuthorizationMatrixTest.Endpoint)
        "POST /api/v1/collaborators", "PATCH /api/v1/collaborators/{id}", "PUT /api/v1/collaborators/{id}/password",
        "POST /api/v1/collaborators/{id}/deactivate", "POST /api/v1/collaborators/{id}/reactivate",
        "POST /api/v1/clients", "PATCH /api/v1/clients/{id}", "PUT /api/v1/clients/{id}/sales-contact",
        "POST /api/v1/contracts", "PATCH /api/v1/contracts/{id}", "POST /api/v1/events", "PATCH /api/v1/events/{id}",
        "PUT /api/v1/events/{id}/support-contact", "PUT /api/v1/me/password", "POST /api/v1/auth/logout",
        // person-only key management
        "POST /api/v1/me/api-keys", "GET /api/v1/me/api-keys", "DELETE /api/v1/me/api-keys/{id}",
        "GET /api/v1/api-keys", "DELETE /api/v1/api-keys/{id}"));
    readsAndWebhooks().map(a -> ((Case) a.get()[0]).name().replaceFirst("\\?.*", ""))
        .forEach(n -> covered.add(n.replaceFirst(" ", " /api/v1")));
    Set<String> routes = new HashSet<>();
    f.server.routes().forEach(r -> routes.add(r.toString()));
    assertEquals(routes, covered);
  }

  private void assertRefusedToKey(Api.Reply reply) {
    assertEquals(403, reply.status(), reply::toString);
    ServiceEndpointsTest.assertProblem(reply, PROBLEM_DENIED);
    InMemoryStore.Snapshot after = f.crm.store.snapshot();
    assertTrue(after.audit().get(after.audit().size() - 1).action().equals("ACCESS_DENIED"),
        "the refusal was audited");
  }

  /** The owner acting through a new key holding exactly these scopes. */
  private Actor keyOf(Actor owner, Set<Scope> scopes) {
    var created = f.crm.useCases.apiKeys().create(owner.token(), new ManageApiKeysUseCase.CreateCommand("matrix",
        scopes, f.crm.clock.instant().plus(Duration.ofDays(7))));
    return new Actor(owner.who(), new AuthToken(created.secret()));
  }

  private long subscription() {
    Actor manager = f.actor(MANAGEMENT);
    return f.crm.useCases.webhooks().create(manager.token(), new com.epicevents.crm.application.port.in
        .ManageWebhooksUseCase.CreateCommand("https://receiver.example/hook", List.of("*"), null)).subscription().id();
  }

  /** A subscription with one delivery: {subscription id, delivery id}. */
  private long[] delivery() {
    Actor manager = f.actor(MANAGEMENT);
    long id = subscription();
    f.crm.useCases.webhooks().test(manager.token(), id);
    long delivery = f.crm.useCases.webhooks().deliveries(manager.token(), id, null,
        com.epicevents.crm.application.port.out.PageRequest.firstDefault()).items().get(0).id();
    return new long[] {id, delivery};
  }
}
