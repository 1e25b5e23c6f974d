package com.epicevents.crm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.http.ApiFixture.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code GET /changes} over real HTTP on the in-memory core. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangesEndpointTest {
  private final ApiFixture f = new ApiFixture();
  private final Api api = f.api;
  private final Actor sales = f.actor(Team.SALES);
  private final Actor support = f.actor(Team.SUPPORT);

  @AfterAll
  void stop() {
    f.close();
  }

  /** The cursor at the current end of the feed. */
  private String end() {
    String cursor = null;
    while (true) {
      JsonNode page = api.get("/changes?limit=1000" + (cursor == null ? "" : "&after=" + cursor))
          .as(support.token()).send().json();
      cursor = page.get("nextCursor").asText();
      if (page.get("items").isEmpty()) {
        return cursor;
      }
    }
  }

  @Test
  void aChangeIsListedWithItsNewVersionAndTheNamesOfItsFieldsNeverTheirValues() {
    Client c = f.client(sales.who());
    String cursor = end();
    api.patch("/clients/" + c.id().value()).as(sales.token())
        .json(Map.of("companyName", "Secret Merger Target", "phone", "0700000000")).send();

    Api.Reply r = api.get("/changes?after=" + cursor).as(support.token()).send();
    assertEquals(200, r.status(), r::toString);
    JsonNode item = r.json().get("items").get(0);
    assertEquals(List.of("seq", "at", "entityType", "entityId", "action", "version", "actorId", "changedFields"),
        ClientEndpointsTest.fieldNames(item));
    assertEquals("CLIENT", item.get("entityType").asText());
    assertEquals(c.id().value(), item.get("entityId").asLong());
    assertEquals("UPDATED", item.get("action").asText());
    assertEquals(c.version() + 1, item.get("version").asLong());
    assertEquals(sales.id(), item.get("actorId").asLong());
    assertEquals("[\"phone\",\"companyName\"]", item.get("changedFields").toString());
    assertFalse(r.body().contains("Secret Merger Target"), "values never appear");
    assertFalse(r.body().contains("0700000000"), "values never appear");
  }

  @Test
  void followingNextCursorSeesEachChangeOnceInOrderAndAnEmptyPageStillHasACursor() {
    String cursor = end();
    Client a = f.client(sales.who());
    for (String name : List.of("One", "Two", "Three")) {
      api.patch("/clients/" + a.id().value()).as(sales.token()).json(Map.of("companyName", name)).send();
    }
    JsonNode first = api.get("/changes?limit=2&after=" + cursor).as(support.token()).send().json();
    JsonNode second = api.get("/changes?limit=2&after=" + first.get("nextCursor").asText())
        .as(support.token()).send().json();
    assertEquals(2, first.get("items").size());
    assertEquals(1, second.get("items").size());
    assertTrue(first.get("items").get(0).get("seq").asLong() < first.get("items").get(1).get("seq").asLong());
    assertTrue(first.get("items").get(1).get("seq").asLong() < second.get("items").get(0).get("seq").asLong());
    List<Long> versions = List.of(first.get("items").get(0).get("version").asLong(),
        first.get("items").get(1).get("version").asLong(), second.get("items").get(0).get("version").asLong());
    assertEquals(List.of(2L, 3L, 4L), versions);

    JsonNode empty = api.get("/changes?after=" + second.get("nextCursor").asText()).as(support.token()).send().json();
    assertEquals(0, empty.get("items").size());
    assertEquals(second.get("nextCursor").asText(), empty.get("nextCursor").asText(), "keeps its place");
  }

  @Test
  void anEmptyFeedFromTheStartStillAnswersWithACursor() {
    ApiFixture fresh = new ApiFixture();
    try {
      Actor reader = fresh.actor(Team.SUPPORT);
      JsonNode page = fresh.api.get("/changes").as(reader.token()).send().json();
      assertEquals(0, page.get("items").size());
      assertFalse(page.get("nextCursor").isNull());
    } finally {
      fresh.close();
    }
  }

  @Test
  void theEntityTypeFilterKeepsOnlyThatKindOfRecord() {
    String cursor = end();
    Client c = f.client(sales.who());
    api.patch("/clients/" + c.id().value()).as(sales.token()).json(Map.of("companyName", "Filtered")).send();
    assertEquals(0, api.get("/changes?entityType=EVENT&after=" + cursor).as(support.token()).send().json()
        .get("items").size());
    assertEquals(1, api.get("/changes?entityType=CLIENT&after=" + cursor).as(support.token()).send().json()
        .get("items").size());
  }

  @Test
  void aLongPollIsAnsweredAsSoonAsAChangeCommits() throws Exception {
    String cursor = end();
    Client c = f.client(sales.who());
    long started = System.nanoTime();
    CompletableFuture<Api.Reply> poll = CompletableFuture.supplyAsync(
        () -> api.get("/changes?wait=20&after=" + cursor).as(support.token()).send());
    Thread.sleep(500);
    assertFalse(poll.isDone(), "an empty page is held");
    api.patch("/clients/" + c.id().value()).as(sales.token()).json(Map.of("companyName", "Wakes the poll")).send();
    Api.Reply r = poll.get(10, TimeUnit.SECONDS);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertEquals(200, r.status(), r::toString);
    assertEquals(1, r.json().get("items").size());
    assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, () -> "answered after " + took);
  }

  @Test
  void aLongPollWithoutAnyChangeIsAnsweredEmptyWhenItsWaitEnds() {
    String cursor = end();
    long started = System.nanoTime();
    Api.Reply r = api.get("/changes?wait=2&after=" + cursor).as(support.token()).send();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertEquals(200, r.status(), r::toString);
    assertEquals(0, r.json().get("items").size());
    assertEquals(cursor, r.json().get("nextCursor").asText());
    assertTrue(took.compareTo(Duration.ofMillis(1900)) >= 0, () -> "answered after " + took);
    assertTrue(took.compareTo(Duration.ofSeconds(6)) < 0, () -> "answered after " + took);
  }

  @Test
  void badParametersAreRefusedNamingThem() {
    for (String query : List.of("wait=31", "wait=-1", "limit=0", "limit=1001", "after=nonsense", "entityType=SESSION",
        "colour=blue")) {
      Api.Reply r = api.get("/changes?" + query).as(support.token()).send();
      assertEquals(400, r.status(), () -> query + " " + r);
      assertEquals(query.substring(0, query.indexOf('=')), r.json().get("errors").get(0).get("field").asText(), query);
    }
  }

  @Test
  void withoutATokenTheFeedIsRefused() {
    assertEquals(401, api.get("/changes").send().status());
  }
}
