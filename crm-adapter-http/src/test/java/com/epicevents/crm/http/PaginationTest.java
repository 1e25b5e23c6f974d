package com.epicevents.crm.http;

import static com.epicevents.crm.http.ClientEndpointsTest.ids;
import static com.epicevents.crm.http.CollaboratorEndpointsTest.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.http.ApiFixture.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaginationTest {
  private final ApiFixture f = new ApiFixture();
  private final Api api = f.api;
  private final Actor reader = f.actor(Team.SUPPORT);
  private final Collaborator sales = f.member(Team.SALES);
  private final List<Long> clientIds = new ArrayList<>();

  PaginationTest() {
    for (int i = 0; i < 7; i++) {
      clientIds.add(f.client(sales).id().value());
    }
  }

  @AfterAll
  void stop() {
    f.close();
  }

  @Test
  void followingNextCursorWalksEveryRecordOnceInIdOrderAndEndsWithNull() {
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String path = "/clients?salesContactId=" + sales.id().value() + "&limit=3"
          + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      JsonNode page = api.get(path).as(reader.token()).send().json();
      assertTrue(page.get("items").size() <= 3);
      seen.addAll(ids(page));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
      pages++;
    } while (cursor != null && pages < 10);
    assertEquals(clientIds, seen);
    assertEquals(3, pages);
  }

  @Test
  void theCursorIsOpaqueNotARawId() {
    JsonNode page = api.get("/clients?limit=1").as(reader.token()).send().json();
    String cursor = page.get("nextCursor").asText();
    assertFalse(cursor.matches("[0-9]+"), cursor);
  }

  @Test
  void theDefaultPageHoldsFifty() {
    for (int i = 0; i < 50; i++) {
      f.client(sales);
    }
    JsonNode page = api.get("/clients").as(reader.token()).send().json();
    assertEquals(50, page.get("items").size());
    assertFalse(page.get("nextCursor").isNull());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "201", "-1", "ten", "1.5", "99999999999999999999", ""})
  void aLimitOutside1To200IsA400NamingLimit(String limit) {
    Api.Reply r = api.get("/clients?limit=" + limit).as(reader.token()).send();
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("limit"), fields(r));
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage!", "MTIz%3D%3D%3D", "LTU", "MA", "' OR 1=1 --", "YWJj"})
  void aCursorTheApiDidNotIssueIsA400NamingCursor(String cursor) {
    Api.Reply r = api.get("/clients?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)).as(reader.token()).send();
    assertEquals(400, r.status(), r::toString);
    assertEquals(Set.of("cursor"), fields(r));
  }

  @Test
  void anUnknownOrRepeatedQueryParameterIsA400() {
    Api.Reply unknown = api.get("/clients?salesContact=3").as(reader.token()).send();
    assertEquals(400, unknown.status());
    assertEquals(Set.of("salesContact"), fields(unknown));
    Api.Reply repeated = api.get("/clients?limit=1&limit=2").as(reader.token()).send();
    assertEquals(400, repeated.status());
    assertEquals(Set.of("limit"), fields(repeated));
  }

  @Test
  void everyListEndpointPagesTheSameWay() {
    Actor manager = f.actor(Team.MANAGEMENT);
    for (String list : List.of("/collaborators", "/clients", "/contracts", "/events", "/audit")) {
      Api.Reply r = api.get(list + "?limit=1").as(manager.token()).send();
      assertEquals(200, r.status(), () -> list + " " + r);
      assertEquals(List.of("items", "nextCursor"), ClientEndpointsTest.fieldNames(r.json()), list);
      assertEquals(400, api.get(list + "?limit=0").as(manager.token()).send().status(), list);
    }
  }
}
