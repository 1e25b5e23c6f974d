package com.epicevents.crm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.epicevents.crm.application.fake.RecordingErrorReporter;
import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.in.ViewClientsUseCase;
import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.AccessDenied;
import com.epicevents.crm.domain.error.AuthenticationFailed;
import com.epicevents.crm.domain.error.BusinessRuleViolated;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.domain.error.CrmException;
import com.epicevents.crm.domain.error.LoginThrottled;
import com.epicevents.crm.domain.error.NotFound;
import com.epicevents.crm.domain.error.ReauthenticationRequired;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.epicevents.crm.http.problem.Problem;
import com.epicevents.crm.http.problem.ProblemMapper;
import com.epicevents.crm.http.problem.ProblemType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Anything outside the core's error family: a 500 with a reference, and nothing else. */
class UnexpectedErrorTest {

  /** The core's use cases, with the client reads failing like a broken database would. */
  static UseCases withClients(UseCases c, ViewClientsUseCase clients) {
    return new UseCases(c.logIn(), c.logOut(), c.reauthenticate(), c.currentSession(), c.changeOwnPassword(),
        c.createManagerAsAdmin(), c.createCollaborator(), c.updateCollaborator(), c.resetPassword(),
        c.deactivateCollaborator(), c.reactivateCollaborator(), c.collaborators(), c.createClient(), c.updateClient(),
        c.reassignClient(), clients, c.createContract(), c.updateContract(), c.contracts(), c.createEvent(),
        c.updateEvent(), c.assignEventSupport(), c.events(), c.auditTrail(), c.changes(), c.webhooks(), c.apiKeys(),
        c.webhookDelivery(), c.checkTeamAccess(), c.runIdempotently());
  }

  @Test
  void anUnexpectedFailureIsA500WithOnlyAnErrorIdAndIsReportedWithUseCaseAndActor() {
    TestCrm crm = new TestCrm();
    ViewClientsUseCase broken = new ViewClientsUseCase() {
      @Override
      public ClientView get(AuthToken token, ClientId id) {
        throw new IllegalStateException("ERROR: relation \"clients\" does not exist; SELECT * FROM clients WHERE id = 1");
      }

      @Override
      public Page<ClientView> list(AuthToken token, ClientFilter filter, PageRequest page) {
        throw new NullPointerException("Cannot invoke \"com.epicevents.Secret.password()\"");
      }
    };
    HttpApi server = HttpApi.start(withClients(crm.useCases, broken), crm.reporter, () -> true,
        HttpSettings.loopbackRandomPort());
    try {
      Collaborator who = crm.collaborator("victim", Team.SALES);
      AuthToken token = crm.login(who);
      Api api = new Api(server.port());

      Api.Reply r = api.get("/clients/1").as(token).send();

      assertEquals(500, r.status());
      ServiceEndpointsTest.assertProblem(r, "urn:epicevents:crm:problem:internal-error");
      RecordingErrorReporter.Unexpected reported = crm.reporter.unexpectedErrors().get(0);
      assertEquals(reported.errorId(), r.json().get("errorId").asText());
      assertEquals("ViewClients", reported.useCase());
      assertEquals(who.id().value(), reported.actorId());
      for (String leak : new String[] {"SELECT", "relation", "IllegalStateException", "java.", "com.epicevents", "at "}) {
        assertFalse(r.body().contains(leak), () -> leak + " leaked: " + r.body());
      }
      assertEquals("nosniff", r.header("X-Content-Type-Options").orElseThrow());

      Api.Reply list = api.get("/clients").as(token).send();
      assertEquals(500, list.status());
      assertFalse(list.body().contains("Secret"), list::toString);
      assertFalse(list.body().contains("NullPointerException"), list::toString);
      assertEquals(2, crm.reporter.unexpectedErrors().size());
    } finally {
      server.stop();
    }
  }

  @Test
  void anUnexpectedFailureWithoutAValidTokenIsReportedWithoutActor() {
    TestCrm crm = new TestCrm();
    ViewClientsUseCase broken = new ViewClientsUseCase() {
      @Override
      public ClientView get(AuthToken token, ClientId id) {
        throw new IllegalStateException("boom");
      }

      @Override
      public Page<ClientView> list(AuthToken token, ClientFilter filter, PageRequest page) {
        throw new IllegalStateException("boom");
      }
    };
    HttpApi server = HttpApi.start(withClients(crm.useCases, broken), crm.reporter, () -> true,
        HttpSettings.loopbackRandomPort());
    try {
      Api.Reply r = new Api(server.port()).get("/clients/1").as(new AuthToken("not-a-session")).send();
      assertEquals(500, r.status());
      assertNull(crm.reporter.unexpectedErrors().get(0).actorId());
    } finally {
      server.stop();
    }
  }

  @Test
  void everyCoreErrorMapsToItsContractStatus() {
    Map<Integer, ProblemType> expected = Map.of(
        400, ProblemType.VALIDATION_FAILED, 401, ProblemType.AUTHENTICATION_REQUIRED, 403, ProblemType.ACCESS_DENIED,
        404, ProblemType.NOT_FOUND, 409, ProblemType.BUSINESS_RULE_VIOLATED, 412, ProblemType.VERSION_MISMATCH,
        429, ProblemType.TOO_MANY_LOGIN_ATTEMPTS);
    var errors = Map.of(
        400, (CrmException) ValidationFailed.of("phone", "is required"),
        401, new AuthenticationFailed("expired"),
        403, new AccessDenied("not allowed", 1L, "X", "CLIENT", 2L),
        404, new NotFound("CLIENT", 3),
        409, new BusinessRuleViolated(null, "no"),
        412, new ConcurrentModification("CLIENT", 3, null),
        429, new LoginThrottled(30, false));
    errors.forEach((status, error) -> {
      Problem p = ProblemMapper.map(error);
      assertEquals(status, p.status());
      assertEquals(expected.get(status).uri(), p.type());
    });
    Problem reauth = ProblemMapper.map(
        new ReauthenticationRequired());
    assertEquals(401, reauth.status());
    assertEquals("30", ProblemMapper.map(
        new LoginThrottled(30, true)).headers().get("Retry-After"));
    assertNull(ProblemMapper.map(new BusinessRuleViolated(null, "no")).errors());
  }
}
