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
import com.epicevents.crm.persistence.internal.mapper.AuditMapper;
import com.epicevents.crm.persistence.internal.mapper.ClientMapper;
import com.epicevents.crm.persistence.internal.mapper.ContractMapper;
import com.epicevents.crm.persistence.internal.mapper.EventMapper;
import com.epicevents.crm.persistence.internal.mapper.InstantTypeHandler;
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
import java.util.function.ToIntFunction;
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
 * {@code --what-if true} adds the scratch-schema measurements (paging before the joins, one search column).
 */
public final class ScaleBenchmark {
  private static final int LIMIT = PageRequest.DEFAULT_LIMIT;
  private static final String MAPPER = "com.epicevents.crm.persistence.internal.mapper.";
  private static final Pattern SCAN = Pattern.compile(
      "(Index Only Scan|Index Scan|Bitmap Index Scan|Bitmap Heap Scan|Seq Scan)( Backward)?( using (\\S+))? on (\\S+)");
  private static final Pattern EXECUTION_TIME = Pattern.compile("Execution Time: ([0-9.]+) ms");
  /** The first Buffers line of a plan: the top node's, which counts the whole execution. */
  private static final Pattern TOP_BUFFERS = Pattern.compile("Buffers: shared ([^\\n]*)");

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

  /** A page's execution in the benchmark's rotation: time and 8 KiB pages found in / read into shared buffers. */
  private record Mixed(double executionMs, long hit, long read) {}

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
    boolean whatIf = Boolean.parseBoolean(options.getOrDefault("what-if", "false"));
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
      PersistenceAdapters app = db.adapters();
      Map<Probe, Stats> asIs = bench.time(probes, p -> p.call(app).items().size());
      Map<String, long[]> planChoices = bench.planChoices(db.appDataSource());
      log("explaining every page in the same rotation...");
      Map<Probe, Mixed> inTheMix = bench.explainInTheMix(probes);
      log("timing each page back to back (hot cache)...");
      Map<Probe, Stats> hot = bench.timeHot(probes, p -> p.call(app).items().size());
      log("timing the mappers' SQL through plain JDBC...");
      Map<Probe, Stats> jdbc = bench.time(probes, bench::callJdbc);
      log("explaining...");
      Map<Probe, Explained> custom = new LinkedHashMap<>();
      Map<Probe, Explained> generic = new LinkedHashMap<>();
      Map<Probe, Explained> cheapRandom = new LinkedHashMap<>();
      for (Probe p : probes) {
        custom.put(p, bench.explain(p, Plan.CUSTOM));
        generic.put(p, bench.explain(p, Plan.GENERIC));
        cheapRandom.put(p, bench.explain(p, Plan.CUSTOM_CHEAP_RANDOM_PAGES));
      }

      log("timing the same pages with plan_cache_mode = force_custom_plan and random_page_cost = 1.1...");
      Map<Probe, Stats> proposed;
      try (HikariDataSource proposedPool = CrmDatabase.pooledDataSource(withOption(db.jdbcUrl(),
              "options=-c%20plan_cache_mode%3Dforce_custom_plan%20-c%20random_page_cost%3D1.1"),
          db.appRole(), db.appPassword(), 2)) {
        PersistenceAdapters proposedApp = CrmDatabase.adapters(proposedPool);
        proposed = bench.time(probes, p -> p.call(proposedApp).items().size());
      }

      Duration[] verifyTime = new Duration[1];
      AuditVerification[] verification = new AuditVerification[1];
      verifyTime[0] = timed(() -> verification[0] = CrmDatabase.verifyAudit(db.appDataSource()));

      md.append(pageTable(probes, asIs, jdbc, custom, generic, cheapRandom, planChoices, bench));
      md.append(cacheTable(probes, asIs, hot, inTheMix, custom));
      md.append(String.format(Locale.ROOT, "`verifyAudit` over %,d entries: intact = %s, %.1f s.%n%n",
          verification[0].checked(), verification[0].intact(), verifyTime[0].toMillis() / 1000.0));
      md.append(proposedSettingsTable(probes, asIs, proposed));
      if (whatIf) {
        log("what-if: paging before the joins, one search column (scratch schema)...");
        md.append(bench.pageFirstWhatIf(probes)); // first: the others change the schema and its statistics
        md.append(bench.searchTextWhatIf(probes));
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
   * busy moment then slows every probe a little rather than one probe a lot. {@code call} returns
   * the number of rows the page had.
   */
  private Map<Probe, Stats> time(List<Probe> probes, ToIntFunction<Probe> call) {
    Map<Probe, Integer> rows = new HashMap<>();
    for (Probe p : probes) {
      for (int i = 0; i < warmup; i++) {
        rows.put(p, call.applyAsInt(p));
      }
    }
    long[][] nanos = new long[probes.size()][runs];
    for (int r = 0; r < runs; r++) {
      for (int i = 0; i < probes.size(); i++) {
        long start = System.nanoTime();
        call.applyAsInt(probes.get(i));
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

  /** Each probe's calls back to back, so that its pages stay in shared buffers. */
  private Map<Probe, Stats> timeHot(List<Probe> probes, ToIntFunction<Probe> call) {
    Map<Probe, Stats> stats = new LinkedHashMap<>();
    for (Probe p : probes) {
      Map<Probe, Stats> one = time(List.of(p), call);
      stats.put(p, one.get(p));
    }
    return stats;
  }

  /**
   * EXPLAIN (ANALYZE, BUFFERS) of every probe, in the same rotation as the timed calls (three
   * rounds, the last one kept): how many pages each one finds in shared buffers and how many it
   * has to read back from the operating system because the other pages pushed them out.
   */
  private Map<Probe, Mixed> explainInTheMix(List<Probe> probes) throws SQLException {
    Map<Probe, Mixed> mixed = new LinkedHashMap<>();
    for (int round = 0; round < 3; round++) {
      for (Probe p : probes) {
        BoundSql bound = bound(p);
        try (Connection c = db.appDataSource().getConnection()) {
          String plan = explainOnce(c, "EXPLAIN (ANALYZE, BUFFERS) " + bound.getSql(), values(p, bound));
          Matcher buffers = TOP_BUFFERS.matcher(plan);
          long hit = 0;
          long read = 0;
          if (buffers.find()) {
            Matcher h = Pattern.compile("hit=(\\d+)").matcher(buffers.group(1));
            Matcher r = Pattern.compile("read=(\\d+)").matcher(buffers.group(1));
            hit = h.find() ? Long.parseLong(h.group(1)) : 0;
            read = r.find() ? Long.parseLong(r.group(1)) : 0;
          }
          mixed.put(p, new Mixed(executionMs(plan), hit, read));
        }
      }
    }
    return mixed;
  }

  /**
   * The probe's mapper SQL through plain JDBC on the application's pool (autocommit, every
   * column read as text, no MyBatis, no domain objects): what the repository adds shows.
   */
  private int callJdbc(Probe p) {
    BoundSql bound = bound(p);
    List<Object> values = values(p, bound);
    try (Connection c = db.appDataSource().getConnection(); PreparedStatement ps = c.prepareStatement(bound.getSql())) {
      bind(ps, values);
      int rows = 0;
      try (ResultSet rs = ps.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          rows++;
          for (int i = 1; i <= columns; i++) {
            rs.getString(i);
          }
        }
      }
      return Math.min(rows, LIMIT);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
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

  /** Which plan to explain. */
  private enum Plan {
    /** The plan for the probe's values (what a custom plan does). */
    CUSTOM,
    /** The prepared statement's generic plan, which the server reuses without looking at the values. */
    GENERIC,
    /** The plan for the values with {@code random_page_cost = 1.1} (data in memory or on SSD). */
    CUSTOM_CHEAP_RANDOM_PAGES
  }

  /**
   * EXPLAIN (ANALYZE, BUFFERS) of the mapper's own SQL with the probe's parameters, as the
   * application role; the execution time is the median of 5 runs.
   */
  private Explained explain(Probe p, Plan mode) throws SQLException {
    BoundSql bound = bound(p);
    List<Object> values = values(p, bound);
    try (Connection c = db.appDataSource().getConnection(); Statement s = c.createStatement()) {
      String sql = "EXPLAIN (ANALYZE, BUFFERS) " + bound.getSql();
      if (mode == Plan.GENERIC) {
        s.execute("SET plan_cache_mode = force_generic_plan");
        s.execute("PREPARE bench_generic AS " + dollarParameters(bound.getSql()));
        sql = "EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_generic(" + literals(values) + ")";
        values = List.of();
      } else if (mode == Plan.CUSTOM_CHEAP_RANDOM_PAGES) {
        s.execute("SET random_page_cost = 1.1");
      }
      try {
        return explainMedian(c, sql, values);
      } finally {
        if (mode == Plan.GENERIC) {
          s.execute("DEALLOCATE bench_generic");
          s.execute("RESET plan_cache_mode");
        } else if (mode == Plan.CUSTOM_CHEAP_RANDOM_PAGES) {
          s.execute("RESET random_page_cost");
        }
      }
    }
  }

  private static Explained explainMedian(Connection c, String sql, List<Object> values) throws SQLException {
    String plan = null;
    double[] times = new double[5];
    for (int run = 0; run < times.length; run++) {
      plan = explainOnce(c, sql, values);
      times[run] = executionMs(plan);
    }
    Arrays.sort(times);
    return new Explained(plan, times[times.length / 2]);
  }

  private static String explainOnce(Connection c, String sql, List<Object> values) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, values);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    return plan.toString();
  }

  /**
   * Client search runs three ILIKEs per row: walking the id order past rows that do not match
   * costs about a microsecond each, which the planner does not charge. What if the three fields
   * were one lower-cased, stored, trigram-indexed column?
   */
  private String searchTextWhatIf(List<Probe> probes) throws SQLException {
    DataSource owner = db.ownerDataSource();
    String trgm;
    try {
      trgm = query(owner, "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
          + " WHERE e.extname = 'pg_trgm'");
    } catch (SQLException | RuntimeException e) {
      return "## What if client search used one column\n\npg_trgm is not installed: skipped.\n\n";
    }
    Duration change = timed(() -> {
      execute(owner, "ALTER TABLE crm.clients ADD COLUMN search_text text GENERATED ALWAYS AS"
          + " (lower(full_name || ' ' || company_name || ' ' || coalesce(email, ''))) STORED");
      execute(owner, "CREATE INDEX clients_search_text_trgm ON crm.clients USING gin (search_text \"" + trgm
          + "\".gin_trgm_ops)");
      // a finer histogram: '%text%' selectivity is estimated by matching the pattern against it
      execute(owner, "ALTER TABLE crm.clients ALTER COLUMN search_text SET STATISTICS 1000");
      execute(owner, "VACUUM (ANALYZE) crm.clients");
    });
    StringBuilder md = new StringBuilder("## What if client search used one column\n\n");
    md.append(String.format(Locale.ROOT, "Scratch change (%.0f s on this data): a stored generated column "
        + "`search_text = lower(full_name || ' ' || company_name || ' ' || coalesce(email, ''))` with a GIN "
        + "trigram index and a statistics target of 1000; the mapper's three ILIKEs become `c.search_text LIKE ?` "
        + "with the pattern lower-cased. "
        + "Server execution time (EXPLAIN ANALYZE, median of 5), default planner settings:%n%n",
        change.toMillis() / 1000.0));
    StringBuilder plans = new StringBuilder();
    md.append(WHAT_IF_HEADER);
    for (Probe p : probes) {
      if (!p.c().params().containsKey("pattern")) {
        continue;
      }
      BoundSql bound = bound(p);
      String changed = bound.getSql().replaceAll(
          "\\(c\\.full_name ILIKE \\? OR c\\.company_name ILIKE \\? OR c\\.email ILIKE \\?\\)",
          "c.search_text LIKE ?");
      List<Object> values = new ArrayList<>();
      boolean patternBound = false;
      for (ParameterMapping mapping : bound.getParameterMappings()) {
        Object value = parameters(p).get(mapping.getProperty());
        if (mapping.getProperty().equals("pattern")) {
          if (patternBound) {
            continue;
          }
          patternBound = true;
          value = value.toString().toLowerCase(Locale.ROOT);
        }
        values.add(value);
      }
      md.append(whatIfRow(p, changed, values, plans));
    }
    return md.append("\nPlans after the change:\n\n").append(plans).toString();
  }

  /**
   * Events and contracts are listed with their joins planned for the whole table: PostgreSQL
   * puts Memoize nodes on the lookups, sized for a million rows, and setting those up costs
   * milliseconds per call for 51 rows. What if the page were cut first (filter, order, limit on
   * the listed table alone) and the names joined to those rows only? Or Memoize turned off?
   * Plain JDBC on the application's pool, hot, median of the benchmark's runs. The sales-contact
   * filter is left out (it needs the stored column of the next what-if).
   */
  private String pageFirstWhatIf(List<Probe> probes) throws SQLException {
    Pattern listSql = Pattern.compile(
        "^SELECT (.*) FROM crm\\.(events e|contracts k) (.*?) WHERE (.*) ORDER BY ([ek])\\.id LIMIT \\?$");
    StringBuilder md = new StringBuilder("## What if events and contracts were paged before the joins\n\n");
    md.append("The mapper's SQL rewritten as `SELECT … FROM (SELECT * FROM crm.events e WHERE <filter> ORDER BY ")
        .append("e.id LIMIT ?) e JOIN … ORDER BY e.id`, against the SQL ")
        .append("as it is, with and without `enable_memoize`. Plain JDBC through the application's pool, each ")
        .append("page repeated back to back, median of ").append(runs).append(" calls:\n\n");
    md.append("| list | filter | page | as is, ms | as is, enable_memoize = off, ms | paged first, ms |\n");
    md.append("|---|---|---|--:|--:|--:|\n");
    StringBuilder plans = new StringBuilder();
    for (Probe p : probes) {
      if (!p.c().list().equals("events") && !p.c().list().equals("contracts")
          || p.c().params().containsKey("salesContactId")) {
        continue;
      }
      BoundSql bound = bound(p);
      List<Object> values = values(p, bound);
      String asIs = normalized(bound.getSql());
      Matcher m = listSql.matcher(asIs);
      if (!m.matches()) {
        throw new IllegalStateException("unexpected list SQL: " + asIs);
      }
      String alias = m.group(5);
      String pagedFirst = "SELECT " + m.group(1) + " FROM (SELECT * FROM crm." + m.group(2) + " WHERE " + m.group(4)
          + " ORDER BY " + alias + ".id LIMIT ?) " + alias + " " + m.group(3) + " ORDER BY " + alias + ".id";
      double asIsMs = jdbcMedian(asIs, values, false);
      double noMemoizeMs = jdbcMedian(asIs, values, true);
      double pagedFirstMs = jdbcMedian(pagedFirst, values, false);
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %.2f | %.2f |%n", p.c().list(), p.c().filter(),
          p.after() == 0 ? "first" : "deep", asIsMs, noMemoizeMs, pagedFirstMs));
      if (p.after() == 0 && p.c().filter().equals("all")) {
        try (Connection c = db.appDataSource().getConnection()) {
          plans.append(p.c().list()).append(", all, paged first:\n\n```\n")
              .append(explainOnce(c, "EXPLAIN (ANALYZE, BUFFERS) " + pagedFirst, values)).append("```\n\n");
        }
      }
    }
    return md.append('\n').append(plans).toString();
  }

  private double jdbcMedian(String sql, List<Object> values, boolean memoizeOff) throws SQLException {
    long[] nanos = new long[runs];
    try (Connection c = db.appDataSource().getConnection(); Statement s = c.createStatement()) {
      if (memoizeOff) {
        s.execute("SET enable_memoize = off");
      }
      try {
        for (int i = -warmup; i < runs; i++) {
          long start = System.nanoTime();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
              int columns = rs.getMetaData().getColumnCount();
              while (rs.next()) {
                for (int k = 1; k <= columns; k++) {
                  rs.getString(k);
                }
              }
            }
          }
          if (i >= 0) {
            nanos[i] = System.nanoTime() - start;
          }
        }
      } finally {
        s.execute("RESET enable_memoize");
      }
    }
    Arrays.sort(nanos);
    return (nanos[(runs - 1) / 2] + nanos[runs / 2]) / 2e6;
  }

  private static final String WHAT_IF_HEADER =
      "| list | filter | page | as is, ms | after the change, ms | the listed table read through |\n"
          + "|---|---|---|--:|--:|---|\n";

  private String whatIfRow(Probe p, String changedSql, List<Object> changedValues, StringBuilder plans)
      throws SQLException {
    BoundSql bound = bound(p);
    Explained before;
    Explained after;
    try (Connection c = db.appDataSource().getConnection()) {
      before = explainMedian(c, "EXPLAIN (ANALYZE, BUFFERS) " + bound.getSql(), values(p, bound));
      after = explainMedian(c, "EXPLAIN (ANALYZE, BUFFERS) " + changedSql, changedValues);
    }
    plans.append(p.c().list()).append(": ").append(p.c().filter()).append(", ")
        .append(p.after() == 0 ? "first page" : "deep page").append("\n\n```\n").append(after.plan())
        .append("```\n\n");
    return String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %.2f | %s |%n", p.c().list(), p.c().filter(),
        p.after() == 0 ? "first" : "deep", before.executionMs(), after.executionMs(),
        access(after.plan(), table(p.c())));
  }

  private static double executionMs(String plan) {
    Matcher m = EXECUTION_TIME.matcher(plan);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  private List<Object> values(Probe p, BoundSql bound) {
    Map<String, Object> params = parameters(p);
    List<Object> values = new ArrayList<>();
    for (ParameterMapping mapping : bound.getParameterMappings()) {
      values.add(params.get(mapping.getProperty()));
    }
    return values;
  }

  private static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
    int i = 1;
    for (Object value : values) {
      ps.setObject(i++, value instanceof Instant t ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : value);
    }
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

  private static String pageTable(List<Probe> probes, Map<Probe, Stats> asIs, Map<Probe, Stats> jdbc,
      Map<Probe, Explained> custom, Map<Probe, Explained> generic, Map<Probe, Explained> cheapRandom,
      Map<String, long[]> choices, ScaleBenchmark bench) {
    StringBuilder md = new StringBuilder("## Pages through the repositories (limit " + LIMIT + ")\n\n");
    md.append("*median / p95*: repository `list` calls as the application makes them (pool, MyBatis, ")
        .append("transaction, mapping to domain objects), single thread, ").append(bench.runs)
        .append(" calls per page after ").append(bench.warmup)
        .append(" warm-up calls, all pages called in turn. Goal: median under 5 ms (✗ marks a miss). ")
        .append("*Deep*: cursor `after` at 90% of the table's ids. *JDBC*: the same SQL through plain JDBC ")
        .append("(median). *Server*: execution time of the plan (EXPLAIN ANALYZE, median of 5; planning not ")
        .append("included) for these values (*custom*), of the prepared statement's generic plan (*generic*), ")
        .append("for these values with random_page_cost = 1.1 (*rpc 1.1*). *Plans used*: what the server chose ")
        .append("for the repository's prepared statement during the timed calls (pg_prepared_statements). ")
        .append("*Read through*: the scans of the listed table in the custom plan.\n\n");
    md.append("| list | filter | page | median ms | p95 ms | rows | JDBC ms | server: custom | generic | rpc 1.1 "
        + "| plans used | read through |\n");
    md.append("|---|---|---|--:|--:|--:|--:|--:|--:|--:|---|---|\n");
    for (Probe p : probes) {
      Stats s = asIs.get(p);
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f | %d | %.2f | %.2f | %.2f | %.2f | %s | %s |%n",
          p.c().list(), p.c().filter(), p.after() == 0 ? "first" : "deep (after " + p.after() + ")",
          flag(s.medianMs()), s.p95Ms(), s.rows(), jdbc.get(p).medianMs(), custom.get(p).executionMs(),
          generic.get(p).executionMs(), cheapRandom.get(p).executionMs(), bench.planChoice(p, choices),
          access(custom.get(p).plan(), table(p.c()))));
    }
    return md.append('\n').toString();
  }

  private static String cacheTable(List<Probe> probes, Map<Probe, Stats> asIs, Map<Probe, Stats> hot,
      Map<Probe, Mixed> mixed, Map<Probe, Explained> custom) {
    StringBuilder md = new StringBuilder("## Shared buffers: the rotation against a hot cache\n\n");
    md.append("The timed calls above rotate through every page, so each page's buffers may have been pushed ")
        .append("out of shared_buffers by the others (the database is larger than shared_buffers). *Hot*: the ")
        .append("same repository call repeated back to back. *In the rotation*: one EXPLAIN (ANALYZE, BUFFERS) ")
        .append("per page, in the same rotation: execution time and 8 KiB pages found in shared buffers / read ")
        .append("back from the operating system's cache. *Alone*: the same EXPLAIN repeated (median of 5).\n\n");
    md.append("| list | filter | page | rotation: median ms | hot: median ms | in the rotation: server ms "
        + "| pages hit / read | alone: server ms |\n");
    md.append("|---|---|---|--:|--:|--:|--:|--:|\n");
    for (Probe p : probes) {
      Mixed m = mixed.get(p);
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.2f | %d / %d | %.2f |%n", p.c().list(),
          p.c().filter(), p.after() == 0 ? "first" : "deep", flag(asIs.get(p).medianMs()),
          flag(hot.get(p).medianMs()), m.executionMs(), m.hit(), m.read(), custom.get(p).executionMs()));
    }
    return md.append('\n').toString();
  }

  private static String proposedSettingsTable(List<Probe> probes, Map<Probe, Stats> asIs, Map<Probe, Stats> proposed) {
    StringBuilder md = new StringBuilder("## The same pages with custom plans and random_page_cost = 1.1\n\n");
    md.append("A second pool whose connections set `plan_cache_mode = force_custom_plan` and ")
        .append("`random_page_cost = 1.1` (JDBC URL `options=-c plan_cache_mode=force_custom_plan -c ")
        .append("random_page_cost=1.1`): every execution is planned for its values, with random reads priced ")
        .append("for data in memory / on SSD.\n\n");
    md.append("| list | filter | page | as is: median ms | p95 | with the settings: median ms | p95 |\n");
    md.append("|---|---|---|--:|--:|--:|--:|\n");
    for (Probe p : probes) {
      Stats a = asIs.get(p);
      Stats f = proposed.get(p);
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
    configuration.getTypeAliasRegistry().registerAliases("com.epicevents.crm.persistence.internal.mapper");
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
