package com.epicevents.crm.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each list filter's page is served by its index: the mappers' own SQL, EXPLAINed on a
 * moderately sized, analysed data set (the large benchmark is a separate tool).
 */
class IndexUsageTest {
  private static final String MAPPER = "com.epicevents.crm.persistence.internal.mapper.";
  private static TestDatabase db;
  private static Configuration mybatis;

  @BeforeAll
  static void loadData() throws SQLException {
    db = TestDatabase.fresh();
    mybatis = CrmDatabase.mybatis(db.appDataSource());
    try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO crm.collaborators (username, full_name, phone, team, password_hash)"
          + " SELECT 'user' || i, 'Person ' || i, '0102030405', CASE WHEN i <= 50 THEN 'SALES' ELSE 'SUPPORT' END, 'h'"
          + " FROM generate_series(1, 100) i");
      s.execute("INSERT INTO crm.clients (full_name, email, phone, company_name, sales_contact_id)"
          + " SELECT 'Client ' || i, 'client' || i || '@example.com', '0102030405', 'Company ' || i, 1 + i % 50"
          + " FROM generate_series(1, 10000) i");
      s.execute("INSERT INTO crm.contracts (client_id, total_amount, amount_due, signed, signed_at)"
          + " SELECT 1 + i % 10000, 1000, CASE WHEN i % 10 = 0 THEN 500 ELSE 0 END, i % 20 <> 0,"
          + " CASE WHEN i % 20 <> 0 THEN now() END FROM generate_series(1, 30000) i");
      s.execute("INSERT INTO crm.events (contract_id, client_contact, location, support_contact_id, start_at)"
          + " SELECT c.id, 'Ana', 'Paris', CASE WHEN c.id % 10 = 0 THEN NULL ELSE 51 + c.id % 50 END,"
          + " timestamptz '2030-01-01' + (c.id || ' hours')::interval"
          + " FROM crm.contracts c WHERE c.signed");
      s.execute("INSERT INTO crm.audit_entries (at, actor_id, action, entity_type, entity_id, prev_hash, hash)"
          + " SELECT now(), 1 + i % 100, 'UPDATED', 'CLIENT', 1 + i % 10000, lpad(to_hex(i), 64, '0'),"
          + " lpad(to_hex(i + 1), 64, '0') FROM generate_series(0, 10000) i");
      s.execute("ANALYZE");
    }
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  /**
   * {@code index} is the index the filter must use, or "-" where the planner may equally walk the
   * primary key in id order and filter (a salesperson's or support contact's share is large
   * enough here that reading ~50 rows per match in id order is cheaper): an index scan either
   * way, never a sequential scan of the listed table.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "ClientMapper.list   | salesContactId=7                  | clients       | -",
      "ClientMapper.list   | salesContactId=7,after=9000       | clients       | -",
      "ContractMapper.list | clientId=77                       | contracts     | contracts_client_idx",
      "ContractMapper.list | signed=false                      | contracts     | contracts_unsigned_idx",
      "ContractMapper.list | fullyPaid=false                   | contracts     | contracts_unpaid_idx",
      "ContractMapper.list | signed=false,after=25000          | contracts     | contracts_unsigned_idx",
      "ContractMapper.list | salesContactId=7                  | contracts     | -",
      "EventMapper.list    | contractId=77                     | events        | events_contract_idx",
      "EventMapper.list    | supportContactId=60               | events        | -",
      "EventMapper.list    | unassigned=true                   | events        | events_unassigned_idx",
      "EventMapper.list    | unassigned=true,after=25000       | events        | events_unassigned_idx",
      "EventMapper.list    | from=2030-01-02T00:00:00Z,to=2030-01-02T12:00:00Z | events | events_start_idx",
      "EventMapper.list    | salesContactId=7                  | events        | -",
      "EventMapper.list    | after=25000                       | events        | events_pkey",
      "AuditMapper.list    | entityType=CLIENT,entityId=42     | audit_entries | audit_entries_entity_idx",
      "AuditMapper.list    | actorId=42                        | audit_entries | audit_entries_actor_idx",
  })
  void eachListFilterIsAnIndexScan(String statement, String filter, String table, String index) throws SQLException {
    String plan = explain(statement, filter);

    assertFalse(plan.contains("Seq Scan on " + table + " "), plan);
    assertTrue(plan.contains(" on " + table + " "), "the plan reads " + table + " through an index\n" + plan);
    if (!index.equals("-")) {
      assertTrue(plan.contains(index), "expected " + index + " in\n" + plan);
    }
  }

  private static String explain(String statement, String filter) throws SQLException {
    Map<String, Object> params = new HashMap<>();
    for (String name : new String[] {"salesContactId", "pattern", "clientId", "signed", "fullyPaid", "contractId",
        "supportContactId", "unassigned", "from", "to", "entityType", "entityId", "actorId", "team", "active"}) {
      params.put(name, null);
    }
    params.put("after", 0L);
    params.put("limit", 51);
    for (String pair : filter.split(",")) {
      String[] kv = pair.split("=", 2);
      params.put(kv[0], parse(kv[0], kv[1]));
    }
    BoundSql bound = mybatis.getMappedStatement(MAPPER + statement).getBoundSql(params);
    StringBuilder plan = new StringBuilder();
    try (Connection c = db.appDataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("EXPLAIN " + bound.getSql())) {
      int i = 1;
      for (ParameterMapping mapping : bound.getParameterMappings()) {
        Object value = params.get(mapping.getProperty());
        ps.setObject(i++, value instanceof Instant t ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : value);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    return plan.toString();
  }

  private static Object parse(String name, String value) {
    return switch (name) {
      case "signed", "fullyPaid", "unassigned", "active" -> Boolean.parseBoolean(value);
      case "from", "to" -> Instant.parse(value);
      case "pattern", "entityType", "team" -> value;
      default -> Long.parseLong(value);
    };
  }
}
