package com.epicevents.crm.persistence.internal.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.ContractFilter;
import com.epicevents.crm.application.port.out.EventFilter;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.PersistenceAdapters;
import com.epicevents.crm.persistence.demo.DemoData;
import com.epicevents.crm.persistence.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The record pages are planned once per statement and connection, not at every request: with
 * the page's limit a bound parameter inside the query, PostgreSQL's auto mode never found a
 * generic plan as cheap as a custom one and planned each execution again (half the database's
 * time on a page at 1M events, bench/http-results.md). The pages run here on a pool of one
 * connection, with the connection options the CRM uses, and the test reads that connection's
 * {@code pg_prepared_statements}. A date range, which may hold no event or all of them, stays
 * planned for its own bounds. Pages of the largest size are whole and chain without gaps.
 */
class PagePlansTest {
  private static final int RUNS = 15; // pgjdbc prepares on the server at the 5th, PostgreSQL compares 5 custom plans
  private static TestDatabase db;
  private static HikariDataSource oneConnection;
  private static PersistenceAdapters adapters;

  @BeforeAll
  static void data() {
    db = TestDatabase.fresh();
    DemoData.load(db.ownerDataSource(), DemoData.Size.custom(30, 20_000, 60_000, 200_000),
        "$argon2id$v=19$m=19456,t=2,p=1$ZGVtby1zYWx0$ZGVtby1oYXNoLW5vdC1yZWFs", 7,
        Clock.fixed(Instant.parse("2026-03-02T10:15:30Z"), ZoneOffset.UTC));
    oneConnection = CrmDatabase.pooledDataSource(db.jdbcUrl(), db.appRole(), db.appPassword(), 1);
    adapters = CrmDatabase.adapters(oneConnection);
  }

  @AfterAll
  static void close() {
    adapters.close();
    oneConnection.close();
    db.close();
  }

  @Test
  void theUnassignedEventsPageIsServedFromOneGenericPlan() throws SQLException {
    EventFilter unassigned = new EventFilter(null, null, true, null, null, null);
    repeat(() -> adapters.events().list(unassigned, PageRequest.firstDefault()));
    Plans plans = plansOf("FROM crm.events e", "support_contact_id IS NULL");
    assertTrue(plans.generic() >= RUNS - 10, plans.toString());
  }

  @Test
  void aSupportContactsEventsPageIsServedFromOneGenericPlan() throws SQLException {
    CollaboratorId support = new CollaboratorId(supportWithEvents());
    EventFilter mine = new EventFilter(null, support, null, null, null, null);
    repeat(() -> adapters.events().list(mine, PageRequest.firstDefault()));
    Plans plans = plansOf("FROM crm.events e", "e.support_contact_id = $");
    assertTrue(plans.generic() >= RUNS - 10, plans.toString());
  }

  @Test
  void theUnsignedContractsPageIsServedFromOneGenericPlan() throws SQLException {
    ContractFilter unsigned = new ContractFilter(null, false, null, null);
    repeat(() -> adapters.contracts().list(unsigned, PageRequest.firstDefault()));
    Plans plans = plansOf("FROM crm.contracts k", "NOT k.signed");
    assertTrue(plans.generic() >= RUNS - 10, plans.toString());
  }

  @Test
  void theClientsPageWithoutASearchIsServedFromOneGenericPlan() throws SQLException {
    repeat(() -> adapters.clients().list(ClientFilter.ALL, PageRequest.firstDefault()));
    Plans plans = plansOf("FROM crm.clients c", "ORDER BY c.id");
    assertTrue(plans.generic() >= RUNS - 10, plans.toString());
  }

  @Test
  void anEventsPageOverADateRangeIsPlannedForItsOwnRangeEveryTime() throws SQLException {
    EventFilter range = new EventFilter(null, null, null, null,
        Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2040-01-01T00:00:00Z"));
    repeat(() -> adapters.events().list(range, PageRequest.firstDefault()));
    Plans plans = plansOf("FROM crm.events e", "e.start_at <");
    assertEquals(0, plans.generic(), plans.toString());
    assertTrue(plans.custom() >= RUNS - 5, plans.toString());
  }

  @Test
  void pagesOfTheLargestSizeAreWholeAndChainWithoutGapsOrRepeats() {
    int max = PageRequest.MAX_LIMIT;
    assertEveryRowOnce(p -> adapters.events().list(EventFilter.ALL, p), e -> e.event().id().value(), 200_000, max);
    assertEveryRowOnce(p -> adapters.contracts().list(ContractFilter.ALL, p), k -> k.contract().id().value(), 60_000, max);
    assertEveryRowOnce(p -> adapters.clients().list(ClientFilter.ALL, p), c -> c.client().id().value(), 20_000, max);
  }

  private static <T> void assertEveryRowOnce(Function<PageRequest, Page<T>> list, ToLongFunction<T> id,
      int rows, int limit) {
    Set<Long> seen = new HashSet<>();
    List<Integer> sizes = new ArrayList<>();
    long last = 0;
    Page<T> page = list.apply(new PageRequest(0, limit));
    while (true) {
      sizes.add(page.items().size());
      for (T item : page.items()) {
        long next = id.applyAsLong(item);
        assertTrue(next > last, "ids ascend across pages: " + next + " after " + last);
        assertTrue(seen.add(next));
        last = next;
      }
      if (!page.hasNext()) {
        break;
      }
      assertNotNull(page.nextAfter());
      assertEquals(limit, page.items().size(), "every page but the last is full");
      page = list.apply(new PageRequest(page.nextAfter(), limit));
    }
    assertNull(page.nextAfter());
    assertEquals(rows, seen.size(), "pages of " + sizes);
  }

  private static void repeat(Runnable page) {
    for (int i = 0; i < RUNS; i++) {
      page.run();
    }
  }

  private static long supportWithEvents() throws SQLException {
    try (Connection c = db.ownerDataSource().getConnection();
         PreparedStatement s = c.prepareStatement(
             "SELECT support_contact_id FROM crm.events WHERE support_contact_id IS NOT NULL"
                 + " GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
         ResultSet rs = s.executeQuery()) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }

  private record Plans(long generic, long custom, String statement) {}

  /** The plan counts of the one connection's prepared statement whose text holds both fragments. */
  private static Plans plansOf(String from, String filter) throws SQLException {
    try (Connection c = oneConnection.getConnection();
         PreparedStatement s = c.prepareStatement(
             "SELECT generic_plans, custom_plans, statement FROM pg_prepared_statements"
                 + " WHERE strpos(statement, ?) > 0 AND strpos(statement, ?) > 0")) {
      s.setString(1, from);
      s.setString(2, filter);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next(), "no prepared statement on the connection holds " + from + " and " + filter);
        Plans plans = new Plans(rs.getLong(1), rs.getLong(2), rs.getString(3));
        assertTrue(!rs.next(), "more than one prepared statement holds " + from + " and " + filter);
        return plans;
      }
    }
  }
}
