package com.epicevents.crm.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CreateClientUseCase;
import com.epicevents.crm.application.port.in.CreateCollaboratorUseCase;
import com.epicevents.crm.application.port.in.CreateManagerAsAdminUseCase;
import com.epicevents.crm.application.port.in.LogInUseCase;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.domain.error.AccessDenied;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.testing.TestDatabase;
import com.google.inject.Guice;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The "Embedding the core" example of README.md, line for line, on a real PostgreSQL. */
class EmbeddingAsTheReadmeShowsTest {
  static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void theReadmeExampleRunsAgainstPostgresql() {
    DataSource owner = db.ownerDataSource();
    String jdbcUrl = db.jdbcUrl();
    String appRole = db.appRole();
    String appPassword = db.appPassword();
    // --- README example: begin ---
    // 1. once, as the database owner: create schema crm (its own history table) and the application role
    CrmDatabase.configure(owner).schema("crm").applicationRole(appRole, appPassword).migrate();
    // 2. connect as the application role and build the core (build() checks the schema version)
    DataSource dataSource = CrmDatabase.pooledDataSource(jdbcUrl, appRole, appPassword, 4);
    CrmCore core = CrmCore.builder(dataSource).build();
    UseCases crm = core.useCases();
    // 3. an installer creates the first manager; staff then act through sessions
    crm.createManagerAsAdmin().execute(CreateManagerAsAdminUseCase.Command.of(
        "ada", "Ada Lovelace", "+44 20 7946 0000", "ada@epic-events.test", "a long and private passphrase".toCharArray()));
    AuthToken ada = crm.logIn().logIn(new LogInUseCase.Command(
        "ada", "a long and private passphrase".toCharArray(), SessionKind.API)).token();
    crm.createCollaborator().create(ada, CreateCollaboratorUseCase.Command.of(
        "bob", "Bob Seller", null, "0102030405", "SALES", "a seller's long passphrase".toCharArray()));
    AuthToken bob = crm.logIn().logIn(new LogInUseCase.Command(
        "bob", "a seller's long passphrase".toCharArray(), SessionKind.API)).token();
    crm.createClient().create(bob, CreateClientUseCase.Command.of(
        "Kevin Casey", "kevin@startup.io", "+678 123 456 78", "Cool Startup LLC", null));
    Page<ClientView> clients = crm.clients().list(bob, ClientFilter.ALL, PageRequest.firstDefault());
    // --- README example: end ---

    assertEquals(1, clients.items().size());
    assertEquals("Bob Seller", clients.items().get(0).salesContactName());
    assertThrows(AccessDenied.class, () -> crm.createClient().create(ada,
        CreateClientUseCase.Command.of("Not Allowed", null, "0102030405", "Managers Inc", null)),
        "the core enforces the permission table whoever embeds it");
  }

  @Test
  void theGuiceModuleHandsOutTheSameUseCases() {
    CrmCore core = CrmCore.builder(db.appDataSource()).build();
    UseCases fromGuice = Guice.createInjector(new CrmModule(core)).getInstance(UseCases.class);
    assertEquals(core.useCases(), fromGuice);
  }
}
