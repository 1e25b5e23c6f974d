package com.epicevents.crm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.ViewClientsUseCase;
import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.DatabaseUnavailable;
import com.epicevents.crm.domain.error.SchemaNotReady;
import org.junit.jupiter.api.Test;

/** The core's operational errors (database down, schema not migrated) are a 503, not a reported 500. */
class DatabaseUnavailableTest {
  @Test
  void aDatabaseThatIsDownOrNotMigratedIsA503WithRetryAfterAndNoDetail() {
    TestCrm crm = new TestCrm();
    ViewClientsUseCase failing = new ViewClientsUseCase() {
      @Override
      public ClientView get(AuthToken token, ClientId id) {
        throw new DatabaseUnavailable("the database is unavailable (SQLSTATE 08001): nothing was changed");
      }

      @Override
      public Page<ClientView> list(AuthToken token, ClientFilter filter, PageRequest page) {
        throw new SchemaNotReady("3", "4", "schema \"crm\" is at version 3, this CRM needs 4: run ...migrate()");
      }
    };
    HttpApi server = HttpApi.start(UnexpectedErrorTest.withClients(crm.useCases, failing), crm.reporter, () -> true,
        HttpSettings.loopbackRandomPort());
    try {
      AuthToken token = crm.login(crm.collaborator("reader", Team.SALES));
      Api api = new Api(server.port());
      for (String path : new String[] {"/clients/1", "/clients"}) {
        Api.Reply r = api.get(path).as(token).send();
        assertEquals(503, r.status(), path);
        ServiceEndpointsTest.assertProblem(r, "urn:epicevents:crm:problem:service-unavailable");
        assertEquals("30", r.header("Retry-After").orElseThrow());
        assertFalse(r.body().contains("SQLSTATE") || r.body().contains("migrate"), r.body());
      }
      assertTrue(crm.reporter.unexpectedErrors().isEmpty(), "an operational error is not a bug report");
    } finally {
      server.stop();
    }
  }
}
