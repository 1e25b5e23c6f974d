package com.epicevents.crm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.http.ApiFixture.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Versions, ETag and If-Match: two people editing one record never silently overwrite each other. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyTest {
  private final ApiFixture f = new ApiFixture();
  private final Api api = f.api;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterAll
  void stop() {
    pool.shutdownNow();
    f.close();
  }

  @RepeatedTest(5)
  void twoPatchesWithTheSameIfMatchGiveOne200AndOne412() throws Exception {
    Actor sales = f.actor(Team.SALES);
    Client client = f.client(sales.who());
    long version = client.version();
    List<Api.Reply> replies = race(
        () -> api.patch("/clients/" + client.id().value()).as(sales.token()).ifMatch(version)
            .json(Map.of("companyName", "First Writer")).send(),
        () -> api.patch("/clients/" + client.id().value()).as(sales.token()).ifMatch(version)
            .json(Map.of("companyName", "Second Writer")).send());

    List<Integer> statuses = replies.stream().map(Api.Reply::status).sorted().toList();
    assertEquals(List.of(200, 412), statuses, replies::toString);
    Api.Reply winner = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
    Api.Reply loser = replies.stream().filter(r -> r.status() == 412).findFirst().orElseThrow();
    ServiceEndpointsTest.assertProblem(loser, "urn:epicevents:crm:problem:version-mismatch");
    assertEquals(winner.json().get("companyName"), loser.json().get("current").get("companyName"),
        "the 412 shows the values that would have been overwritten");
    assertEquals(winner.header("ETag"), loser.header("ETag"));
    assertEquals(winner.json().get("companyName").asText(), f.crm.reload(client.id()).companyName().value());
  }

  @Test
  void aStaleIfMatchIsRefusedOnEverySingleRecordChange() {
    Actor manager = f.actor(Team.MANAGEMENT);
    Actor sales = f.actor(Team.SALES);
    Actor support = f.actor(Team.SUPPORT);
    Client client = f.client(sales.who());
    Contract contract = f.crm.contract(client, "10.00", "10.00", false);
    Event event = f.event(sales.who(), support.who());
    var collaborator = f.member(Team.SALES);
    Map<String, Api.Call> calls = Map.of(
        "patch client", api.patch("/clients/" + client.id().value()).as(sales.token()).json(Map.of("phone", "0700000000")),
        "reassign client", api.put("/clients/" + client.id().value() + "/sales-contact").as(manager.token())
            .json(Map.of("salesContactId", sales.id())),
        "patch contract", api.patch("/contracts/" + contract.id().value()).as(manager.token()).json(Map.of("signed", true)),
        "patch event", api.patch("/events/" + event.id().value()).as(support.token()).json(Map.of("attendees", 3)),
        "assign support", api.put("/events/" + event.id().value() + "/support-contact").as(manager.token())
            .json(Map.of("supportContactId", support.id())),
        "patch collaborator", api.patch("/collaborators/" + collaborator.id().value()).as(manager.token())
            .json(Map.of("fullName", "Someone Else")),
        "deactivate", api.post("/collaborators/" + collaborator.id().value() + "/deactivate").as(manager.token()),
        "reactivate", api.post("/collaborators/" + collaborator.id().value() + "/reactivate").as(manager.token()));
    var before = f.crm.store.snapshot().businessRecords();
    calls.forEach((name, call) -> {
      Api.Reply r = call.ifMatch(999).send();
      assertEquals(412, r.status(), () -> name + " " + r);
      assertTrue(r.json().has("current"), name);
    });
    assertEquals(before, f.crm.store.snapshot().businessRecords());
  }

  @Test
  void withoutIfMatchAPatchAppliesToTheCurrentVersion() {
    Actor sales = f.actor(Team.SALES);
    Client client = f.client(sales.who());
    Api.Reply first = api.patch("/clients/" + client.id().value()).as(sales.token()).json(Map.of("companyName", "A")).send();
    Api.Reply second = api.patch("/clients/" + client.id().value()).as(sales.token()).json(Map.of("companyName", "B")).send();
    assertEquals(200, first.status());
    assertEquals(200, second.status());
    assertTrue(second.json().get("version").asLong() > first.json().get("version").asLong());
  }

  @Test
  void theETagOfAResponseIsTheIfMatchOfTheNextChange() {
    Actor sales = f.actor(Team.SALES);
    Client client = f.client(sales.who());
    String etag = api.get("/clients/" + client.id().value()).as(sales.token()).send().header("ETag").orElseThrow();
    Api.Reply changed = api.patch("/clients/" + client.id().value()).as(sales.token()).header("If-Match", etag)
        .json(Map.of("companyName", "Next")).send();
    assertEquals(200, changed.status());
    Api.Reply stale = api.patch("/clients/" + client.id().value()).as(sales.token()).header("If-Match", etag)
        .json(Map.of("companyName", "Stale")).send();
    assertEquals(412, stale.status());
    Api.Reply fresh = api.patch("/clients/" + client.id().value()).as(sales.token())
        .header("If-Match", changed.header("ETag").orElseThrow()).json(Map.of("companyName", "Fresh")).send();
    assertEquals(200, fresh.status());
  }

  /** Runs both calls released at the same instant. */
  private List<Api.Reply> race(Supplier<Api.Reply> a, Supplier<Api.Reply> b) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Api.Reply>> futures = new ArrayList<>();
    for (Supplier<Api.Reply> call : List.of(a, b)) {
      futures.add(pool.submit(() -> {
        start.await();
        return call.get();
      }));
    }
    start.countDown();
    List<Api.Reply> replies = new ArrayList<>();
    for (Future<Api.Reply> future : futures) {
      replies.add(future.get());
    }
    return replies;
  }
}
