package com.example.host;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CreateClientUseCase;
import com.epicevents.crm.application.port.in.CreateCollaboratorUseCase;
import com.epicevents.crm.application.port.in.CreateContractUseCase;
import com.epicevents.crm.application.port.in.CreateEventUseCase;
import com.epicevents.crm.application.port.in.CreateManagerAsAdminUseCase;
import com.epicevents.crm.application.port.in.ExpectedVersion;
import com.epicevents.crm.application.port.in.LogInUseCase;
import com.epicevents.crm.application.port.in.UpdateContractUseCase;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.in.ViewEventsUseCase;
import com.epicevents.crm.application.port.out.AuditFilter;
import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.ContractView;
import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.core.CrmCore;
import com.epicevents.crm.domain.error.AccessDenied;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.domain.error.CrmException;
import com.epicevents.crm.domain.error.SchemaNotReady;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.epicevents.crm.persistence.CrmDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A host application: its own Flyway migrations beside the CRM's, then the whole flow of
 * docs/embedding.md. Arguments: JDBC URL, owner user, owner password. Prints "HOST OK" at the end.
 */
public final class HostApp {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    String ownerUser = args[1];
    String ownerPassword = args[2];
    String appRole = args.length > 3 ? args[3] : "host_crm_app";
    String appPassword = "an application password";

    // the host's own DataSource as the database owner (CrmDatabase.pooledDataSource would pin
    // search_path to the CRM's schema: it is for the CRM's application role)
    PGSimpleDataSource owner = new PGSimpleDataSource();
    owner.setURL(url);
    owner.setUser(ownerUser);
    owner.setPassword(ownerPassword);
    {
      // the host's own migrations: Flyway's defaults (classpath:db/migration, flyway_schema_history)
      Flyway.configure().dataSource(owner).load().migrate();
      // the CRM's, in its own schema with its own history table
      String version = CrmDatabase.configure(owner).schema("crm").applicationRole(appRole, appPassword).migrate();
      System.out.println("CRM schema version " + version);
      check(count(owner, "SELECT count(*) FROM public.flyway_schema_history WHERE version IS NOT NULL") == 1,
          "the host's history holds only the host's V1");
      check(count(owner, "SELECT count(*) FROM crm.crm_schema_history WHERE script LIKE '%host%'") == 0,
          "the CRM's history holds none of the host's scripts");
    }

    try (HikariDataSource app = CrmDatabase.pooledDataSource(url, appRole, appPassword, 8)) {
      CrmCore core = CrmCore.builder(app).build();
      run(core.useCases(), app);
    }
    try (HikariDataSource app = CrmDatabase.pooledDataSource(url, appRole, appPassword, 1)) {
      CrmCore.builder(app).schema("not_there").build();
      throw new AssertionError("build() accepted a schema that is not migrated");
    } catch (SchemaNotReady expected) {
      System.out.println("not migrated: " + expected.getMessage());
    }
    System.out.println("HOST OK");
  }

  private static void run(UseCases crm, DataSource app) throws Exception {
    crm.createManagerAsAdmin().execute(CreateManagerAsAdminUseCase.Command.of(
        "ada", "Ada Lovelace", "+44 20 7946 0000", "ada@host.test", "a long and private passphrase".toCharArray()));
    AuthToken ada = logIn(crm, "ada", "a long and private passphrase");
    long bobId = crm.createCollaborator().create(ada, CreateCollaboratorUseCase.Command.of(
        "bob", "Bob Seller", null, "0102030405", "SALES", "a seller's long passphrase".toCharArray())).id();
    crm.createCollaborator().create(ada, CreateCollaboratorUseCase.Command.of(
        "sue", "Sue Support", null, "0102030406", "SUPPORT", "a supporter's long passphrase".toCharArray()));
    AuthToken bob = logIn(crm, "bob", "a seller's long passphrase");

    for (int i = 1; i <= 5; i++) {
      crm.createClient().create(bob, CreateClientUseCase.Command.of(
          "Client Number " + i, "client" + i + "@startup.test", "+33 6 12 34 56 7" + i, "Startup " + i, null));
    }
    // the paging loop: keyset pages of 2 until nextAfter is null
    List<ClientView> all = new ArrayList<>();
    PageRequest page = PageRequest.first(2);
    while (true) {
      Page<ClientView> clients = crm.clients().list(bob, ClientFilter.ALL, page);
      all.addAll(clients.items());
      if (!clients.hasNext()) {
        break;
      }
      page = new PageRequest(clients.nextAfter(), 2);
    }
    check(all.size() == 5, "five clients over three pages, got " + all.size());

    long clientId = all.get(0).client().id().value();
    ContractView contract = crm.createContract().create(ada,
        CreateContractUseCase.Command.of(clientId, "12000.00", "12000.00", false));
    long contractId = contract.contract().id().value();
    ContractView signed = crm.updateContract().update(bob, UpdateContractUseCase.Command.of(
        contractId, contract.contract().version(), null, null, true));
    check(signed.contract().signed(), "the contract is signed");

    // a stale edit is refused with the current record
    try {
      crm.updateContract().update(bob, UpdateContractUseCase.Command.of(
          contractId, contract.contract().version(), null, "6000.00", null));
      throw new AssertionError("a stale edit went through");
    } catch (ConcurrentModification e) {
      System.out.println("stale edit refused: " + e.getMessage());
    }
    // no version check only when asked for by name; a null is refused
    try {
      crm.updateContract().update(bob, UpdateContractUseCase.Command.of(contractId, null, null, "6000.00", null));
      throw new AssertionError("a null expected version went through");
    } catch (ValidationFailed e) {
      check(e.errors().get(0).field().equals("expectedVersion"), e.getMessage());
    }
    ContractView paid = crm.updateContract().update(bob, UpdateContractUseCase.Command.of(
        contractId, ExpectedVersion.ANY, null, "6000.00", null));
    check(paid.contract().amountDue().toString().equals("6000.00"), "half paid: " + paid.contract().amountDue());

    Instant start = Instant.now().plus(Duration.ofDays(30));
    EventView event = crm.createEvent().create(bob, CreateEventUseCase.Command.of(contractId, "Launch party",
        "Client Number 1, +33 6 12 34 56 71", start, start.plus(Duration.ofHours(5)), null, "Paris", 150, null));
    Page<EventView> unassigned = crm.events().list(ada, ViewEventsUseCase.Query.unassignedOnly(), PageRequest.firstDefault());
    check(unassigned.items().size() == 1 && unassigned.items().get(0).event().id().equals(event.event().id()),
        "the new event waits for support");

    // every refusal is a CrmException; sales may not create contracts
    try {
      crm.createContract().create(bob, CreateContractUseCase.Command.of(clientId, "10.00", "10.00", false));
      throw new AssertionError("sales created a contract");
    } catch (CrmException e) {
      check(e instanceof AccessDenied, "refused as AccessDenied: " + e.getClass().getSimpleName());
      System.out.println(ErrorMessages.forUser(e));
    }
    check(crm.auditTrail().list(ada, AuditFilter.ALL, PageRequest.first(200)).items().size() >= 10, "audited");

    // threads: one core serves concurrent callers
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> reads = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        reads.add(pool.submit(() -> crm.clients().list(bob, ClientFilter.ALL, PageRequest.firstDefault()).items().size()));
      }
      for (Future<Integer> read : reads) {
        check(read.get() == 5, "each thread reads five clients");
      }
    } finally {
      pool.shutdown();
    }
    try (Connection c = app.getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO public.host_orders (crm_client_id, note) VALUES (" + clientId + ", 'x')");
      throw new AssertionError("the CRM's application role wrote into the host's table");
    } catch (java.sql.SQLException expected) {
      System.out.println("the CRM's role cannot touch host tables: SQLSTATE " + expected.getSQLState());
    }
    System.out.println("seller " + bobId + ", client " + clientId + ", contract " + contractId + " signed, event "
        + event.event().id().value());
  }

  private static AuthToken logIn(UseCases crm, String username, String password) {
    return crm.logIn().logIn(new LogInUseCase.Command(username, password.toCharArray(), SessionKind.API)).token();
  }

  private static long count(DataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }
}
