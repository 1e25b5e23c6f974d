package com.epicevents.crm.persistence.demo;

import com.epicevents.crm.application.port.out.AuditFilter;
import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.ContractFilter;
import com.epicevents.crm.application.port.out.EventFilter;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.audit.FieldChange;
import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.contract.ContractId;
import com.epicevents.crm.persistence.AuditVerification;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.PersistenceAdapters;
import com.epicevents.crm.persistence.demo.DemoData.LoadReport;
import com.epicevents.crm.persistence.demo.DemoData.Size;
import com.epicevents.crm.persistence.mapper.AuditMapper;
import com.epicevents.crm.persistence.mapper.ClientMapper;
import com.epicevents.crm.persistence.mapper.ContractMapper;
import com.epicevents.crm.persistence.mapper.EventMapper;
import com.epicevents.crm.persistence.mapper.InstantTypeHandler;
import com.epicevents.crm.persistence.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * The scale benchmark of issue 3 (not a test: run it with {@code bench/scale.sh}). On a fresh
 * database it loads the large demo set and reports how long that took; then, through the MyBatis
 * repositories the application uses, it times the first page (50 records) of every list filter
 * of the API contract and a page deep in the table (the cursor at 90% of the table's ids), and
 * EXPLAINs (ANALYZE, BUFFERS) the mapper's SQL behind each one. Results go to a Markdown file.
 *
 * <p>Besides the repository as it is, it measures what the server does with each statement once
 * the JDBC driver prepares it (from the 5th call on, PostgreSQL may switch to a generic plan that
 * ignores the parameter values), the same pages with custom plans forced, and, on a scratch
 * copy of the schema, the sales-contact filters with the sales contact stored on contracts and
 * events (the index change proposed for them).
 *
 * <p>Options: {@code --runs N} (measured calls per page, default 200), {@code --warmup N}
 * (default 50), {@code --out FILE} (default bench/scale-results.md), {@code --audit N} (audit
 * entries appended through the application's audit trail before measuring, default 20000),
 * {@code --size large|small|C,K,E} (C clients, K contracts, E events; default large),
 * {@code --what-if false} to skip the scratch-schema measurements.
 */
public final class ScaleBenchmark {
  private static final int LIMIT = PageRequest.DEFAULT_LIMIT;
  private static final String MAPPER = "com.epicevents.crm.persistence.mapper.";
  private static final Pattern SCAN = Pattern.compile(
      "(Index Only Scan|Index Scan|Bitmap Index Scan|Bitmap Heap Scan|Seq Scan)( Backward)?( using (\\S+))? on (\\S+)");
  private static final Pattern EXECUTION_TIME = Pattern.compile("Execution Time: ([0-9.]+) ms");

  /** How a list is called through a repository. */
  private interface Lister {
    Page<?> page(PersistenceAdapters app, long after);
  }

  /** One list filter: the repository call and the mapper parameters behind it. */
  private record Case(String list, String filter, String statement, Map<String, Object> params, Lister lister,
      long deepAfter) {}

  /** A case at one cursor: the first page (after 0) or the deep one. */
  private record Probe(Case c, long after) {
    Page<?> call(PersistenceAdapters app) {
      return c.lister().page(app, after);
    }
  }

  private record Stats(double medianMs, double p95Ms, int rows) {}

  /** The server's side of a probe: plan text and execution time (median of 5 EXPLAIN ANALYZE). */
  private record Explained(String plan, double executionMs) {}

  private final TestDatabase db;
  private final Configuration mybatis;
  private final int runs;
  private final int warmup;

  private ScaleBenchmark(TestDatabase db, int runs, int warmup) {
    this.db = db;
    this.mybatis = mapperConfiguration(db.appDataSource());
    this.runs = runs;
    this.warmup = warmup;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int runs = Integer.parseInt(options.getOrDefault("runs", "200"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "50"));
    int auditEntries = Integer.parseInt(options.getOrDefault("audit", "20000"));
    boolean whatIf = Boolean.parseBoolean(options.getOrDefault("what-if", "true"));
    Path out = Path.of(options.getOrDefault("out", "bench/scale-results.md"));
    Size size = size(options.getOrDefault("size", "large"));

    StringBuilder md = new StringBuilder("# Scale benchmark\n\n");
    try (TestDatabase db = TestDatabase.fresh()) {
      md.append(environment(db.ownerDataSource()));
      ScaleBenchmark bench = new ScaleBenchmark(db, runs, warmup);

      log("loading the %s demo set (%,d clients, %,d contracts, %,d events)...", size.name(), size.clients(),
          size.contracts(), size.events());
      LoadReport load = DemoData.load(db.ownerDataSource(), size, "$argon2id$bench", 2024, Clock.systemUTC());
      log("loaded %s in %s", load.counts(), load.elapsed());
      // What autovacuum does shortly after a bulk load, done now so that it does not run while measuring.
      Duration vacuum = timed(() -> execute(db.ownerDataSource(),
          "VACUUM (ANALYZE) crm.collaborators, crm.clients, crm.contracts, crm.events"));
      Duration appended = timed(() -> bench.appendAuditEntries(auditEntries, size));
      execute(db.ownerDataSource(), "VACUUM (ANALYZE) crm.audit_entries");
      md.append(loadSection(db, size, load, vacuum, auditEntries, appended));

      List<Probe> probes = new ArrayList<>();
      for (Case c : bench.cases(size)) {
        probes.add(new Probe(c, 0));
        probes.add(new Probe(c, c.deepAfter()));
      }
      log("timing %d pages through the repositories (%d runs after %d warm-up calls each)...", probes.size(),
          runs, warmup);
      Map<Probe, Stats> asIs = bench.time(probes, db.adapters());
      Map<String, long[]> planChoices = bench.planChoices(db.appDataSource());
      Map<Probe, Explained> custom = new LinkedHashMap<>();
      Map<Probe, Explained> generic = new LinkedHashMap<>();
      for (Probe p : probes) {
        custom.put(p, bench.explain(p, false));
        generic.put(p, bench.explain(p, true));
      }

      log("timing the same pages with plan_cache_mode = force_custom_plan...");
      Map<Probe, Stats> forcedCustom;
      try (HikariDataSource customPlans = CrmDatabase.pooledDataSource(
          withOption(db.jdbcUrl(), "options=-c%20plan_cache_mode%3Dforce_custom_plan"),
          db.appRole(), db.appPassword(), 2)) {
        forcedCustom = bench.time(probes, CrmDatabase.adapters(customPlans));
      }

      Duration[] verifyTime = new Duration[1];
      AuditVerification[] verification = new AuditVerification[1];
      verifyTime[0] = timed(() -> verification[0] = CrmDatabase.verifyAudit(db.appDataSource()));

      md.append(pageTable(probes, asIs, custom, generic, planChoices, bench));
      md.append(String.format(Locale.ROOT, "`verifyAudit` over %,d entries: intact = %s, %.1f s.%n%n",
          verification[0].checked(), verification[0].intact(), verifyTime[0].toMillis() / 1000.0));
      md.append(forcedCustomTable(probes, asIs, forcedCustom));
      if (whatIf) {
        log("what-if: the sales contact stored on contracts and events (scratch schema change)...");
        md.append(bench.salesContactWhatIf(probes));
      }
      md.append(String.format(Locale.ROOT, "Load average at the end: %s%n%n", loadAverage()));
      md.append(plans(probes, custom, generic, planChoices, bench));
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md.toString());
    log("results written to %s", out);
    System.exit(0); // the embedded server's shutdown hook stops it
  }

  // ---- the filters of the API contract -------------------------------------------------------

  private List<Case> cases(Size size) {
    DataSource ds = db.appDataSource();
    PersistenceAdapters app = db.adapters();
    long sales = app.collaborators().findByUsername("sales1").orElseThrow().id().value();
    long support = app.collaborators().findByUsername("support1").orElseThrow().id().value();
    long client = longQuery(ds, "SELECT client_id FROM crm.contracts WHERE client_id >= " + size.clients() / 2
        + " ORDER BY client_id LIMIT 1");
    long contract = longQuery(ds, "SELECT contract_id FROM crm.events WHERE contract_id >= "
        + size.contracts() / 2 + " ORDER BY contract_id LIMIT 1");
    long auditedClient = longQuery(ds, "SELECT entity_id FROM crm.audit_entries WHERE entity_type = 'CLIENT'"
        + " ORDER BY id LIMIT 1");
    long auditActor = longQuery(ds, "SELECT actor_id FROM crm.audit_entries WHERE actor_id IS NOT NULL"
        + " ORDER BY id LIMIT 1");
    Instant day = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
    Instant nextDay = day.plus(1, ChronoUnit.DAYS);
    Instant nextWeek = day.plus(7, ChronoUnit.DAYS);
    long clientsDeep = size.clients() * 9L / 10;
    long contractsDeep = size.contracts() * 9L / 10;
    long eventsDeep = size.events() * 9L / 10;
    long auditDeep = longQuery(ds, "SELECT max(id) FROM crm.audit_entries") * 9 / 10;
    CollaboratorId salesId = CollaboratorId.of(sales);
    CollaboratorId supportId = CollaboratorId.of(support);

    List<Case> cases = new ArrayList<>();
    cases.add(clients("all", ClientFilter.ALL, params(), clientsDeep));
    cases.add(clients("salesContactId=" + sales, new ClientFilter(salesId, null),
        params("salesContactId", sales), clientsDeep));
    cases.add(clients("q=dupont (~1 client in 48)", new ClientFilter(null, "dupont"),
        params("pattern", "%dupont%"), clientsDeep));
    cases.add(clients("q=quartz pharma (~1 in 640)", new ClientFilter(null, "quartz pharma"),
        params("pattern", "%quartz pharma%"), clientsDeep));

    cases.add(contracts("all", ContractFilter.ALL, params(), contractsDeep));
    cases.add(contracts("clientId=" + client, new ContractFilter(ClientId.of(client), null, null, null),
        params("clientId", client), contractsDeep));
    cases.add(contracts("signed=false", new ContractFilter(null, false, null, null),
        params("signed", false), contractsDeep));
    cases.add(contracts("fullyPaid=false", new ContractFilter(null, null, false, null),
        params("fullyPaid", false), contractsDeep));
    cases.add(contracts("salesContactId=" + sales, new ContractFilter(null, null, null, salesId),
        params("salesContactId", sales), contractsDeep));

    cases.add(events("all", EventFilter.ALL, params(), eventsDeep));
    cases.add(events("unassigned=true", new EventFilter(null, null, true, null, null, null),
        params("unassigned", true), eventsDeep));
    cases.add(events("supportContactId=" + support, new EventFilter(null, supportId, null, null, null, null),
        params("supportContactId", support), eventsDeep));
    cases.add(events("contractId=" + contract, new EventFilter(ContractId.of(contract), null, null, null, null, null),
        params("contractId", contract), eventsDeep));
    cases.add(events("mine, sales: salesContactId=" + sales, new EventFilter(null, null, null, salesId, null, null),
        params("salesContactId", sales), eventsDeep));
    cases.add(events("mine, support, upcoming: supportContactId=" + support + "&from",
        new EventFilter(null, supportId, null, null, day, null),
        params("supportContactId", support, "from", day), eventsDeep));
    cases.add(events("from/to: one day", new EventFilter(null, null, null, null, day, nextDay),
        params("from", day, "to", nextDay), eventsDeep));
    cases.add(events("from/to: one week", new EventFilter(null, null, null, null, day, nextWeek),
        params("from", day, "to", nextWeek), eventsDeep));
    cases.add(events("from (upcoming)", new EventFilter(null, null, null, null, day, null),
        params("from", day), eventsDeep));

    cases.add(audit("all", AuditFilter.ALL, params(), auditDeep));
    cases.add(audit("entityType=CLIENT&entityId=" + auditedClient,
        new AuditFilter(EntityType.CLIENT, auditedClient, null),
        params("entityType", "CLIENT", "entityId", auditedClient), auditDeep));
    cases.add(audit("actorId=" + auditActor, new AuditFilter(null, null, auditActor),
        params("actorId", auditActor), auditDeep));
    return cases;
  }

  private static Case clients(String filter, ClientFilter f, Map<String, Object> params, long deep) {
    return new Case("clients", filter, "ClientMapper.list", params,
        (app, after) -> app.clients().list(f, new PageRequest(after, LIMIT)), deep);
  }

  private static Case contracts(String filter, ContractFilter f, Map<String, Object> params, long deep) {
    return new Case("contracts", filter, "ContractMapper.list", params,
        (app, after) -> app.contracts().list(f, new PageRequest(after, LIMIT)), deep);
  }

  private static Case events(String filter, EventFilter f, Map<String, Object> params, long deep) {
    return new Case("events", filter, "EventMapper.list", params,
        (app, after) -> app.events().list(f, new PageRequest(after, LIMIT)), deep);
  }

  private static Case audit(String filter, AuditFilter f, Map<String, Object> params, long deep) {
    return new Case("audit", filter, "AuditMapper.list", params,
        (app, after) -> app.auditTrail().list(f, new PageRequest(after, LIMIT)), deep);
  }

  // ---- measuring -------------------------------------------------------------------------------

  /**
   * Warms every probe up, then calls them in turn, {@code runs} rounds: on a shared machine a
   * busy moment then slows every probe a little rather than one probe a lot.
   */
  private Map<Probe, Stats> time(List<Probe> probes, PersistenceAdapters app) {
    Map<Probe, Integer> rows = new HashMap<>();
    for (Probe p : probes) {
      for (int i = 0; i < warmup; i++) {
        rows.put(p, p.call(app).items().size());
      }
    }
    long[][] nanos = new long[probes.size()][runs];
    for (int r = 0; r < runs; r++) {
      for (int i = 0; i < probes.size(); i++) {
        long start = System.nanoTime();
        probes.get(i).call(app);
        nanos[i][r] = System.nanoTime() - start;
      }
    }
    Map<Probe, Stats> stats = new LinkedHashMap<>();
    for (int i = 0; i < probes.size(); i++) {
      long[] sorted = nanos[i];
      Arrays.sort(sorted);
      double median = (sorted[(runs - 1) / 2] + sorted[runs / 2]) / 2e6;
      double p95 = sorted[(int) Math.ceil(runs * 0.95) - 1] / 1e6;
      stats.put(probes.get(i), new Stats(median, p95, rows.get(probes.get(i))));
    }
    return stats;
  }

  /**
   * How often the server planned each statement generically or for its values, over every
   * connection of the application's pool (the JDBC driver prepares a statement on its 5th use;
   * PostgreSQL then tries 5 custom plans before it may settle on a generic one).
   */
  private Map<String, long[]> planChoices(DataSource pool) throws SQLException {
    Map<String, long[]> choices = new HashMap<>();
    List<Connection> all = new ArrayList<>();
    try {
      for (int i = 0; i < ((HikariDataSource) pool).getMaximumPoolSize(); i++) {
        all.add(pool.getConnection());
      }
      for (Connection c : all) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
            "SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements WHERE NOT from_sql")) {
          while (rs.next()) {
            long[] counts = choices.computeIfAbsent(normalized(rs.getString(1)), k -> new long[2]);
            counts[0] += rs.getLong(2);
            counts[1] += rs.getLong(3);
          }
        }
      }
    } finally {
      for (Connection c : all) {
        c.close();
      }
    }
    return choices;
  }

  /** The generic/custom plan counts of a probe's statement, e.g. "generic 495, custom 5". */
  private String planChoice(Probe p, Map<String, long[]> choices) {
    long[] counts = choices.get(normalized(dollarParameters(bound(p).getSql())));
    return counts == null ? "?" : "generic " + counts[0] + ", custom " + counts[1];
  }

  private boolean usedGenericPlans(Probe p, Map<String, long[]> choices) {
    long[] counts = choices.get(normalized(dollarParameters(bound(p).getSql())));
    return counts != null && counts[0] > 0;
  }

  /**
   * EXPLAIN (ANALYZE, BUFFERS) of the mapper's own SQL with the probe's parameters, as the
   * application role: the plan for those values, or ({@code generic}) the generic plan of the
   * prepared statement, the one the server reuses without looking at the values.
   */
  private Explained explain(Probe p, boolean generic) throws SQLException {
    BoundSql bound = bound(p);
    Map<String, Object> params = parameters(p);
    List<Object> values = new ArrayList<>();
    for (ParameterMapping mapping : bound.getParameterMappings()) {
      values.add(params.get(mapping.getProperty()));
    }
    try (Connection c = db.appDataSource().getConnection(); Statement s = c.createStatement()) {
      if (generic) {
        s.execute("SET plan_cache_mode = force_generic_plan");
        s.execute("PREPARE bench_generic AS " + dollarParameters(bound.getSql()));
      }
      try {
        String sql = generic ? "EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_generic(" + literals(values) + ")"
            : "EXPLAIN (ANALYZE, BUFFERS) " + bound.getSql();
        String plan = null;
        double[] times = new double[5];
        for (int run = 0; run < times.length; run++) {
          plan = explainOnce(c, sql, generic ? List.of() : values);
          Matcher m = EXECUTION_TIME.matcher(plan);
          times[run] = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        }
        Arrays.sort(times);
        return new Explained(plan, times[times.length / 2]);
      } finally {
        if (generic) {
          s.execute("DEALLOCATE bench_generic");
          s.execute("RESET plan_cache_mode");
        }
      }
    }
  }

  private static String explainOnce(Connection c, String sql, List<Object> values) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      for (Object value : values) {
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

  /**
   * The sales-contact filters walk the whole id order, joining every contract (and event) to
   * its client to test the client's sales contact. What if contracts and events carried the
   * sales contact themselves, indexed with the id? Measured on this (scratch) database after
   * everything else: columns added, filled, indexed, the mapper's SQL adapted.
   */
  private String salesContactWhatIf(List<Probe> probes) throws SQLException {
    DataSource owner = db.ownerDataSource();
    Duration change = timed(() -> {
      execute(owner, "ALTER TABLE crm.contracts ADD COLUMN sales_contact_id bigint");
      execute(owner, "ALTER TABLE crm.events ADD COLUMN sales_contact_id bigint");
      execute(owner, "UPDATE crm.contracts k SET sales_contact_id = c.sales_contact_id"
          + " FROM crm.clients c WHERE c.id = k.client_id");
      execute(owner, "UPDATE crm.events e SET sales_contact_id = k.sales_contact_id"
          + " FROM crm.contracts k WHERE k.id = e.contract_id");
      execute(owner, "CREATE INDEX contracts_sales_contact_idx ON crm.contracts (sales_contact_id, id)");
      execute(owner, "CREATE INDEX events_sales_contact_idx ON crm.events (sales_contact_id, id)");
      execute(owner, "VACUUM (ANALYZE) crm.contracts, crm.events");
    });
    StringBuilder md = new StringBuilder("## What if contracts and events stored their sales contact\n\n");
    md.append(String.format(Locale.ROOT, "Scratch change (%.0f s on this data): `sales_contact_id` added to "
        + "contracts and events, filled from the client, indexed `(sales_contact_id, id)`; the mappers' "
        + "`c.sales_contact_id = ?` becomes `k.sales_contact_id = ?` / `e.sales_contact_id = ?`. "
        + "Server execution time (EXPLAIN ANALYZE, median of 5):%n%n", change.toMillis() / 1000.0));
    md.append("| list | filter | page | as is, ms | with the stored sales contact, ms | plan |\n");
    md.append("|---|---|---|--:|--:|---|\n");
    StringBuilder plans = new StringBuilder();
    for (Probe p : probes) {
      if (!p.c().params().containsKey("salesContactId") || p.c().list().equals("clients")) {
        continue;
      }
      String alias = p.c().list().equals("events") ? "e" : "k";
      BoundSql bound = bound(p);
      String sql = bound.getSql().replace("c.sales_contact_id = ?", alias + ".sales_contact_id = ?");
      Map<String, Object> params = parameters(p);
      List<Object> values = new ArrayList<>();
      for (ParameterMapping mapping : bound.getParameterMappings()) {
        values.add(params.get(mapping.getProperty()));
      }
      String before;
      String after;
      double[] beforeMs = new double[5];
      double[] afterMs = new double[5];
      try (Connection c = db.appDataSource().getConnection()) {
        before = null;
        after = null;
        for (int run = 0; run < 5; run++) {
          before = explainOnce(c, "EXPLAIN (ANALYZE, BUFFERS) " + bound.getSql(), values);
          after = explainOnce(c, "EXPLAIN (ANALYZE, BUFFERS) " + sql, values);
          beforeMs[run] = executionMs(before);
          afterMs[run] = executionMs(after);
        }
      }
      Arrays.sort(beforeMs);
      Arrays.sort(afterMs);
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %.2f | %s |%n", p.c().list(), p.c().filter(),
          p.after() == 0 ? "first" : "deep", beforeMs[2], afterMs[2], access(after, table(p.c()))));
      plans.append("```\n").append(after).append("```\n\n");
    }
    return md.append("\nPlans with the stored sales contact:\n\n").append(plans).toString();
  }

  private static double executionMs(String plan) {
    Matcher m = EXECUTION_TIME.matcher(plan);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  private BoundSql bound(Probe p) {
    return mybatis.getMappedStatement(MAPPER + p.c().statement()).getBoundSql(parameters(p));
  }

  private static Map<String, Object> parameters(Probe p) {
    Map<String, Object> params = new HashMap<>();
    for (String name : List.of("salesContactId", "pattern", "clientId", "signed", "fullyPaid", "contractId",
        "supportContactId", "unassigned", "from", "to", "entityType", "entityId", "actorId")) {
      params.put(name, null);
    }
    params.putAll(p.c().params());
    params.put("after", p.after());
    params.put("limit", LIMIT + 1); // what the repositories ask for: one more row says a next page exists
    return params;
  }

  /** Real audit entries, appended through the application's audit trail in batches (one transaction each). */
  private void appendAuditEntries(int count, Size size) {
    PersistenceAdapters app = db.adapters();
    SplittableRandom random = new SplittableRandom(2024);
    EntityType[] types = {EntityType.CLIENT, EntityType.CONTRACT, EntityType.EVENT};
    Instant at = Instant.now().minus(count, ChronoUnit.SECONDS);
    for (int done = 0; done < count; ) {
      int batch = Math.min(500, count - done);
      int first = done;
      app.transactions().inTransaction(() -> {
        for (int i = 0; i < batch; i++) {
          EntityType type = types[random.nextInt(types.length)];
          long max = type == EntityType.CLIENT ? size.clients()
              : type == EntityType.CONTRACT ? size.contracts() : size.events();
          long actor = 1 + random.nextInt(size.collaborators());
          app.auditTrail().append(new AuditEntry(at.plusSeconds(first + i), actor, "UPDATED", type,
              1 + random.nextLong(max), Map.of("notes", new FieldChange("before", "after"))));
        }
        return null;
      });
      done += batch;
    }
  }

  // ---- reporting -------------------------------------------------------------------------------

  private static String loadSection(TestDatabase db, Size size, LoadReport load, Duration vacuum, int auditEntries,
      Duration appended) throws SQLException {
    long rows = load.counts().values().stream().mapToLong(Long::longValue).sum();
    StringBuilder md = new StringBuilder("## Load\n\n| what | figure |\n|---|---|\n");
    md.append(String.format(Locale.ROOT, "| `DemoData.load(%s)`: COPY of every table in one transaction,"
        + " audit entry, ANALYZE | **%.1f s** |%n", size.name(), load.elapsed().toMillis() / 1000.0));
    load.counts().forEach((table, n) -> md.append(String.format(Locale.ROOT, "| %s | %,d |%n", table, n)));
    md.append(String.format(Locale.ROOT, "| rows per second | %,.0f |%n", rows / (load.elapsed().toNanos() / 1e9)));
    md.append(String.format(Locale.ROOT, "| VACUUM (ANALYZE) afterwards (not part of the load) | %.1f s |%n",
        vacuum.toMillis() / 1000.0));
    md.append(String.format(Locale.ROOT, "| audit entries then appended through `AuditTrail.append` (500 per"
        + " transaction) | %,d in %.1f s |%n", auditEntries, appended.toMillis() / 1000.0));
    md.append(String.format(Locale.ROOT, "| database size | %s |%n%n",
        query(db.ownerDataSource(), "SELECT pg_size_pretty(pg_database_size(current_database()))")));
    return md.toString();
  }

  private static String pageTable(List<Probe> probes, Map<Probe, Stats> asIs, Map<Probe, Explained> custom,
      Map<Probe, Explained> generic, Map<String, long[]> choices, ScaleBenchmark bench) {
    StringBuilder md = new StringBuilder("## Pages through the repositories (limit " + LIMIT + ")\n\n");
    md.append("Repository `list` calls as the application makes them (pool, MyBatis, mapping to domain objects), ")
        .append("single thread, ").append(bench.runs).append(" calls per page after ").append(bench.warmup)
        .append(" warm-up calls, all pages called in turn. *Deep*: cursor `after` at 90% of the table's ids. ")
        .append("Goal: median under 5 ms (✗ marks a miss). *Server, custom* / *server, generic*: execution time ")
        .append("of the plan for these values / of the prepared statement's generic plan (EXPLAIN ANALYZE, ")
        .append("median of 5). *Plans used*: what the server chose for the repository's prepared statement ")
        .append("over the timed calls (pg_prepared_statements).\n\n");
    md.append("| list | filter | page | median ms | p95 ms | rows | server, custom | server, generic "
        + "| plans used | the listed table read through (custom plan) |\n");
    md.append("|---|---|---|--:|--:|--:|--:|--:|---|---|\n");
    for (Probe p : probes) {
      Stats s = asIs.get(p);
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f | %d | %.2f | %.2f | %s | %s |%n",
          p.c().list(), p.c().filter(), p.after() == 0 ? "first" : "deep (after " + p.after() + ")",
          flag(s.medianMs()), s.p95Ms(), s.rows(), custom.get(p).executionMs(), generic.get(p).executionMs(),
          bench.planChoice(p, choices), access(custom.get(p).plan(), table(p.c()))));
    }
    return md.append('\n').toString();
  }

  private static String forcedCustomTable(List<Probe> probes, Map<Probe, Stats> asIs, Map<Probe, Stats> forced) {
    StringBuilder md = new StringBuilder("## The same pages with custom plans forced\n\n");
    md.append("A second pool whose connections set `plan_cache_mode = force_custom_plan` (JDBC URL ")
        .append("`options=-c plan_cache_mode=force_custom_plan`): every execution is planned for its values.\n\n");
    md.append("| list | filter | page | as is: median ms | p95 | custom plans forced: median ms | p95 |\n");
    md.append("|---|---|---|--:|--:|--:|--:|\n");
    for (Probe p : probes) {
      Stats a = asIs.get(p);
      Stats f = forced.get(p);
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f | %s | %.2f |%n", p.c().list(),
          p.c().filter(), p.after() == 0 ? "first" : "deep", flag(a.medianMs()), a.p95Ms(), flag(f.medianMs()),
          f.p95Ms()));
    }
    return md.append('\n').toString();
  }

  private static String flag(double ms) {
    return String.format(Locale.ROOT, ms < 5 ? "%.2f" : "**%.2f** ✗", ms);
  }

  private static String plans(List<Probe> probes, Map<Probe, Explained> custom, Map<Probe, Explained> generic,
      Map<String, long[]> choices, ScaleBenchmark bench) {
    StringBuilder md = new StringBuilder("## EXPLAIN (ANALYZE, BUFFERS)\n\n");
    md.append("The mapper's SQL with the same parameters, as the application role; the generic plan is shown ")
        .append("where the repository's prepared statement ran generic plans.\n\n");
    for (Probe p : probes) {
      md.append("### ").append(p.c().list()).append(": ").append(p.c().filter()).append(", ")
          .append(p.after() == 0 ? "first page" : "deep page (after " + p.after() + ")").append("\n\n");
      md.append("```\n").append(custom.get(p).plan()).append("```\n\n");
      if (bench.usedGenericPlans(p, choices)) {
        md.append("Generic plan (").append(bench.planChoice(p, choices)).append("):\n\n```\n")
            .append(generic.get(p).plan()).append("```\n\n");
      }
    }
    return md.toString();
  }

  private static String table(Case c) {
    return c.list().equals("audit") ? "audit_entries" : c.list();
  }

  /** The scan nodes of a plan on the listed table, e.g. "Index Scan `events_pkey`". */
  private static String access(String plan, String table) {
    Set<String> scans = new LinkedHashSet<>();
    Matcher m = SCAN.matcher(plan);
    while (m.find()) {
      String kind = m.group(1) + (m.group(2) == null ? "" : m.group(2));
      String on = m.group(5);
      if (kind.equals("Bitmap Index Scan")) { // "Bitmap Index Scan on <index>"
        if (on.startsWith(table + "_")) {
          scans.add(kind + " `" + on + "`");
        }
      } else if (on.equals(table) || on.equals("crm." + table)) {
        scans.add(kind + (m.group(4) == null ? "" : " `" + m.group(4) + "`"));
      }
    }
    return scans.isEmpty() ? "?" : String.join(" + ", scans);
  }

  private static String environment(DataSource owner) throws SQLException {
    return String.format(Locale.ROOT, "Run %s on %d cores, %d GiB RAM (load average at start: %s; the machine "
            + "is shared with other builds), Java %s, %s.%n"
            + "Embedded PostgreSQL of the test fixture (fsync off, shared_buffers %s); data warm in memory.%n%n",
        Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
        totalMemoryGib(), loadAverage(), System.getProperty("java.version"),
        query(owner, "SELECT split_part(version(), ' on ', 1)"), query(owner, "SHOW shared_buffers"));
  }

  private static long totalMemoryGib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / (1024 * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: leave it out
    }
    return 0;
  }

  private static String loadAverage() {
    try {
      return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
    } catch (IOException e) {
      return "unknown";
    }
  }

  // ---- plumbing --------------------------------------------------------------------------------

  /** The mappers as CrmDatabase configures them (its own configuration is package-private). */
  private static Configuration mapperConfiguration(DataSource dataSource) {
    Configuration configuration = new Configuration(new Environment("bench", new JdbcTransactionFactory(), dataSource));
    configuration.setMapUnderscoreToCamelCase(true);
    configuration.setArgNameBasedConstructorAutoMapping(true);
    configuration.getTypeHandlerRegistry().register(Instant.class, new InstantTypeHandler());
    configuration.getTypeAliasRegistry().registerAliases("com.epicevents.crm.persistence.mapper");
    for (Class<?> mapper : List.of(ClientMapper.class, ContractMapper.class, EventMapper.class, AuditMapper.class)) {
      configuration.addMapper(mapper);
    }
    return configuration;
  }

  /** JDBC's ? placeholders as the driver sends them to the server: $1, $2, … (the mappers' SQL has no ? in text). */
  private static String dollarParameters(String sql) {
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (char ch : sql.toCharArray()) {
      if (ch == '?') {
        out.append('$').append(++n);
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  private static String normalized(String sql) {
    return sql.strip().replaceAll("\\s+", " ");
  }

  /** The benchmark's own values (numbers, text, instants) as SQL literals for EXECUTE. */
  private static String literals(List<Object> values) {
    List<String> literals = new ArrayList<>();
    for (Object v : values) {
      if (v instanceof Number || v instanceof Boolean) {
        literals.add(v.toString());
      } else if (v instanceof Instant t) {
        literals.add("'" + t + "'::timestamptz");
      } else {
        literals.add("'" + v.toString().replace("'", "''") + "'");
      }
    }
    return String.join(", ", literals);
  }

  private static String withOption(String url, String option) {
    return url + (url.contains("?") ? "&" : "?") + option;
  }

  private static Map<String, Object> params(Object... pairs) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.put((String) pairs[i], pairs[i + 1]);
    }
    return params;
  }

  private static Size size(String option) {
    if (option.contains(",")) {
      String[] n = option.split(",");
      return Size.custom(50, Integer.parseInt(n[0].strip()), Integer.parseInt(n[1].strip()),
          Integer.parseInt(n[2].strip()));
    }
    return Size.parse(option);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("usage: ScaleBenchmark [--runs N] [--warmup N] [--audit N]"
            + " [--size large|small|CLIENTS,CONTRACTS,EVENTS] [--what-if true|false] [--out FILE]");
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  private interface SqlWork {
    void run() throws SQLException;
  }

  private static Duration timed(SqlWork work) throws SQLException {
    long start = System.nanoTime();
    work.run();
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static void execute(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String query(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static long longQuery(DataSource ds, String sql) {
    try {
      return Long.parseLong(query(ds, sql));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, format + "%n", args);
  }
}
