package com.epicevents.crm.http;

import static com.epicevents.crm.domain.common.Team.MANAGEMENT;
import static com.epicevents.crm.domain.common.Team.SALES;
import static com.epicevents.crm.domain.common.Team.SUPPORT;
import static com.epicevents.crm.http.AuthorizationMatrixTest.Endpoint.ASSIGN_EVENT_SUPPORT;
import static com.epicevents.crm.http.AuthorizationMatrixTest.Endpoint.CHANGE_OWN_PASSWORD;
import static com.epicevents.crm.http.AuthorizationMatrixTest.Endpoint.CREATE_CLIENT;
import static com.epicevents.crm.http.AuthorizationMatrixTest.Endpoint.CREATE_COLLABORATOR;
import static com.epicevents.crm.http.AuthorizationMatrixTest.Endpoint.CREATE_CONTRACT;
import static com.epicevents.crm.http.AuthorizationMatrixTest.Endpoint.CREATE_EVENT;
import static com.epicevents.crm.http.AuthorizationMatrixTest.Endpoint.DEACTIVATE_COLLABORATOR;
import static com.epicevents.crm.http.AuthorizationMatrixTest.Endpoint.LOG_OUT;
import static com.epicevents.crm.http.AuthorizationMatrixTest.Endpoint.REACTIVATE_COLLABORATOR;
import static com.epicevents.crm.http.AuthorizationMatrixTest.Endpoint.REASSIGN_CLIENT;
import static com.epicevents.crm.http.AuthorizationMatrixTest.Endpoint.RESET_PASSWORD;
import static com.epicevents.crm.http.AuthorizationMatrixTest.Endpoint.UPDATE_CLIENT;
import static com.epicevents.crm.http.AuthorizationMatrixTest.Endpoint.UPDATE_COLLABORATOR;
import static com.epicevents.crm.http.AuthorizationMatrixTest.Endpoint.UPDATE_CONTRACT;
import static com.epicevents.crm.http.AuthorizationMatrixTest.Endpoint.UPDATE_EVENT;
import static com.epicevents.crm.http.AuthorizationMatrixTest.Target.NONE;
import static com.epicevents.crm.http.AuthorizationMatrixTest.Target.OTHER;
import static com.epicevents.crm.http.AuthorizationMatrixTest.Target.OWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.InMemoryStore;
import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.http.ApiFixture.Actor;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The permission table of the product specification, over HTTP: every team against every
 * mutating endpoint, on its own record and on someone else's. The expected statuses are written
 * out here from the specification (not derived from the core's policy), and a refusal must leave
 * every business record exactly as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {
  private final ApiFixture f = new ApiFixture();

  @AfterAll
  void stop() {
    f.close();
  }

  /** Whose record the call targets. */
  enum Target {
    /** the endpoint creates or concerns no existing record */
    NONE,
    /** the caller's own: themself, a client they are sales contact of, an event they support... */
    OWN,
    /** a record the caller has nothing to do with */
    OTHER
  }

  /** What a case acts on, prepared before the call. */
  record Setup(long id, long version, long secondId) {}

  enum Endpoint {
    CREATE_COLLABORATOR {
      @Override
      Api.Reply call(Api api, Actor actor, Setup s) {
        return api.post("/collaborators").as(actor.token()).json(Map.of("username", ApiFixture.unique("newbie"),
            "password", "Correct horse battery 9", "fullName", "New Person", "phone", "0612345678", "team", "SALES"))
            .send();
      }
    },
    UPDATE_COLLABORATOR {
      @Override
      Setup prepare(ApiFixture f, Actor actor, Target target) {
        return collaborator(f, actor, target);
      }

      @Override
      Api.Reply call(Api api, Actor actor, Setup s) {
        return api.patch("/collaborators/" + s.id()).as(actor.token()).ifMatch(s.version())
            .json(Map.of("fullName", "Changed Name")).send();
      }
    },
    RESET_PASSWORD {
      @Override
      Setup prepare(ApiFixture f, Actor actor, Target target) {
        return collaborator(f, actor, target);
      }

      @Override
      Api.Reply call(Api api, Actor actor, Setup s) {
        return api.put("/collaborators/" + s.id() + "/password").as(actor.token())
            .json(Map.of("newPassword", "Another long passphrase 5")).send();
      }
    },
    DEACTIVATE_COLLABORATOR {
      @Override
      Setup prepare(ApiFixture f, Actor actor, Target target) {
        return collaborator(f, actor, target);
      }

      @Override
      Api.Reply call(Api api, Actor actor, Setup s) {
        return api.post("/collaborators/" + s.id() + "/deactivate").as(actor.token()).send();
      }
    },
    REACTIVATE_COLLABORATOR {
      @Override
      Setup prepare(ApiFixture f, Actor actor, Target target) {
        Collaborator gone = f.crm.deactivated(f.member(SALES));
        return new Setup(gone.id().value(), gone.version(), 0);
      }

      @Override
      Api.Reply call(Api api, Actor actor, Setup s) {
        return api.post("/collaborators/" + s.id() + "/reactivate").as(actor.token()).send();
      }
    },
    CREATE_CLIENT {
      @Override
      Api.Reply call(Api api, Actor actor, Setup s) {
        return api.post("/clients").as(actor.token())
            .json(Map.of("fullName", "Matrix Client", "phone", "0612345678", "companyName", "Matrix Co")).send();
      }
    },
    UPDATE_CLIENT {
      @Override
      Setup prepare(ApiFixture f, Actor actor, Target target) {
        return client(f, actor, target);
      }

      @Override
      Api.Reply call(Api api, Actor actor, Setup s) {
        return api.patch("/clients/" + s.id()).as(actor.token()).ifMatch(s.version())
            .json(Map.of("companyName", "Changed Co")).send();
      }
    },
    REASSIGN_CLIENT {
      @Override
      Setup prepare(ApiFixture f, Actor actor, Target target) {
        Setup client = client(f, actor, target);
        return new Setup(client.id(), client.version(), f.member(SALES).id().value());
      }

      @Override
      Api.Reply call(Api api, Actor actor, Setup s) {
        return api.put("/clients/" + s.id() + "/sales-contact").as(actor.token()).ifMatch(s.version())
            .json(Map.of("salesContactId", s.secondId())).send();
      }
    },
    CREATE_CONTRACT {
      @Override
      Setup prepare(ApiFixture f, Actor actor, Target target) {
        return client(f, actor, target);
      }

      @Override
      Api.Reply call(Api api, Actor actor, Setup s) {
        return api.post("/contracts").as(actor.token())
            .json(Map.of("clientId", s.id(), "totalAmount", "100.00", "amountDue", "100.00")).send();
      }
    },
    UPDATE_CONTRACT {
      @Override
      Setup prepare(ApiFixture f, Actor actor, Target target) {
        Collaborator sales = target == OWN ? actor.who() : f.member(SALES);
        Contract c = f.crm.contract(f.client(sales), "100.00", "100.00", false);
        return new Setup(c.id().value(), c.version(), 0);
      }

      @Override
      Api.Reply call(Api api, Actor actor, Setup s) {
        return api.patch("/contracts/" + s.id()).as(actor.token()).ifMatch(s.version())
            .json(Map.of("signed", true, "amountDue", "40.00")).send();
      }
    },
    CREATE_EVENT {
      @Override
      Setup prepare(ApiFixture f, Actor actor, Target target) {
        Collaborator sales = target == OWN ? actor.who() : f.member(SALES);
        Contract c = f.signedContract(sales);
        return new Setup(c.id().value(), c.version(), 0);
      }

      @Override
      Api.Reply call(Api api, Actor actor, Setup s) {
        return api.post("/events").as(actor.token()).json(Map.of("contractId", s.id(),
            "clientContact", "Jane on 0611223344", "location", "Nantes", "attendees", 40)).send();
      }
    },
    UPDATE_EVENT {
      @Override
      Setup prepare(ApiFixture f, Actor actor, Target target) {
        return event(f, actor, target);
      }

      @Override
      Api.Reply call(Api api, Actor actor, Setup s) {
        return api.patch("/events/" + s.id()).as(actor.token()).ifMatch(s.version())
            .json(Map.of("attendees", 99, "location", "Bordeaux")).send();
      }
    },
    ASSIGN_EVENT_SUPPORT {
      @Override
      Setup prepare(ApiFixture f, Actor actor, Target target) {
        Setup event = event(f, actor, target);
        return new Setup(event.id(), event.version(), f.member(SUPPORT).id().value());
      }

      @Override
      Api.Reply call(Api api, Actor actor, Setup s) {
        return api.put("/events/" + s.id() + "/support-contact").as(actor.token()).ifMatch(s.version())
            .json(Map.of("supportContactId", s.secondId())).send();
      }
    },
    CHANGE_OWN_PASSWORD {
      @Override
      Api.Reply call(Api api, Actor actor, Setup s) {
        return api.put("/me/password").as(actor.token())
            .json(Map.of("currentPassword", TestCrm.PASSWORD, "newPassword", "Fresh passphrase for me 8")).send();
      }
    },
    LOG_OUT {
      @Override
      Api.Reply call(Api api, Actor actor, Setup s) {
        return api.post("/auth/logout").as(actor.token()).send();
      }
    };

    Setup prepare(ApiFixture f, Actor actor, Target target) {
      return new Setup(0, 0, 0);
    }

    abstract Api.Reply call(Api api, Actor actor, Setup s);

    /** OWN: the caller themself; OTHER: a salesperson. */
    static Setup collaborator(ApiFixture f, Actor actor, Target target) {
      Collaborator c = target == OWN ? actor.who() : f.member(SALES);
      return new Setup(c.id().value(), c.version(), 0);
    }

    /** OWN: a client the caller is sales contact of; OTHER: another salesperson's client. */
    static Setup client(ApiFixture f, Actor actor, Target target) {
      Client c = f.client(target == OWN ? actor.who() : f.member(SALES));
      return new Setup(c.id().value(), c.version(), 0);
    }

    /**
     * OWN: for support, an event they support; for sales, an event of their client. OTHER: an
     * event of another salesperson's client supported by someone else.
     */
    static Setup event(ApiFixture f, Actor actor, Target target) {
      boolean own = target == OWN;
      Collaborator sales = own && actor.who().team() == SALES ? actor.who() : f.member(SALES);
      Collaborator support = own && actor.who().team() == SUPPORT ? actor.who() : f.member(SUPPORT);
      Event e = f.event(sales, support);
      return new Setup(e.id().value(), e.version(), 0);
    }
  }

  static Stream<Arguments> permissionTable() {
    return Stream.of(
        // collaborator administration: management only, whoever the target (OWN = the caller)
        row(CREATE_COLLABORATOR, MANAGEMENT, NONE, 201),
        row(CREATE_COLLABORATOR, SALES, NONE, 403),
        row(CREATE_COLLABORATOR, SUPPORT, NONE, 403),
        row(UPDATE_COLLABORATOR, MANAGEMENT, OWN, 200),
        row(UPDATE_COLLABORATOR, MANAGEMENT, OTHER, 200),
        row(UPDATE_COLLABORATOR, SALES, OWN, 403),
        row(UPDATE_COLLABORATOR, SALES, OTHER, 403),
        row(UPDATE_COLLABORATOR, SUPPORT, OWN, 403),
        row(UPDATE_COLLABORATOR, SUPPORT, OTHER, 403),
        row(RESET_PASSWORD, MANAGEMENT, OTHER, 204),
        row(RESET_PASSWORD, MANAGEMENT, OWN, 204),
        row(RESET_PASSWORD, SALES, OWN, 403),
        row(RESET_PASSWORD, SALES, OTHER, 403),
        row(RESET_PASSWORD, SUPPORT, OWN, 403),
        row(RESET_PASSWORD, SUPPORT, OTHER, 403),
        row(DEACTIVATE_COLLABORATOR, MANAGEMENT, OTHER, 200),
        row(DEACTIVATE_COLLABORATOR, MANAGEMENT, OWN, 200),
        row(DEACTIVATE_COLLABORATOR, SALES, OWN, 403),
        row(DEACTIVATE_COLLABORATOR, SALES, OTHER, 403),
        row(DEACTIVATE_COLLABORATOR, SUPPORT, OWN, 403),
        row(DEACTIVATE_COLLABORATOR, SUPPORT, OTHER, 403),
        // a deactivated collaborator cannot call, so reactivation only ever targets someone else
        row(REACTIVATE_COLLABORATOR, MANAGEMENT, OTHER, 200),
        row(REACTIVATE_COLLABORATOR, SALES, OTHER, 403),
        row(REACTIVATE_COLLABORATOR, SUPPORT, OTHER, 403),
        // clients: only a salesperson owns one
        row(CREATE_CLIENT, SALES, NONE, 201),
        row(CREATE_CLIENT, MANAGEMENT, NONE, 403),
        row(CREATE_CLIENT, SUPPORT, NONE, 403),
        row(UPDATE_CLIENT, SALES, OWN, 200),
        row(UPDATE_CLIENT, SALES, OTHER, 403),
        row(UPDATE_CLIENT, MANAGEMENT, OTHER, 403),
        row(UPDATE_CLIENT, SUPPORT, OTHER, 403),
        row(REASSIGN_CLIENT, MANAGEMENT, OTHER, 200),
        row(REASSIGN_CLIENT, SALES, OWN, 200),
        row(REASSIGN_CLIENT, SALES, OTHER, 403),
        row(REASSIGN_CLIENT, SUPPORT, OTHER, 403),
        // contracts
        row(CREATE_CONTRACT, MANAGEMENT, OTHER, 201),
        row(CREATE_CONTRACT, SALES, OWN, 403),
        row(CREATE_CONTRACT, SALES, OTHER, 403),
        row(CREATE_CONTRACT, SUPPORT, OTHER, 403),
        row(UPDATE_CONTRACT, MANAGEMENT, OTHER, 200),
        row(UPDATE_CONTRACT, SALES, OWN, 200),
        row(UPDATE_CONTRACT, SALES, OTHER, 403),
        row(UPDATE_CONTRACT, SUPPORT, OTHER, 403),
        // events
        row(CREATE_EVENT, SALES, OWN, 201),
        row(CREATE_EVENT, SALES, OTHER, 403),
        row(CREATE_EVENT, MANAGEMENT, OTHER, 403),
        row(CREATE_EVENT, SUPPORT, OTHER, 403),
        row(UPDATE_EVENT, SUPPORT, OWN, 200),
        row(UPDATE_EVENT, SUPPORT, OTHER, 403),
        row(UPDATE_EVENT, SALES, OWN, 403),
        row(UPDATE_EVENT, SALES, OTHER, 403),
        row(UPDATE_EVENT, MANAGEMENT, OTHER, 403),
        row(ASSIGN_EVENT_SUPPORT, MANAGEMENT, OTHER, 200),
        row(ASSIGN_EVENT_SUPPORT, SUPPORT, OWN, 200),
        row(ASSIGN_EVENT_SUPPORT, SUPPORT, OTHER, 403),
        row(ASSIGN_EVENT_SUPPORT, SALES, OWN, 403),
        row(ASSIGN_EVENT_SUPPORT, SALES, OTHER, 403),
        // everyone's own session and password
        row(CHANGE_OWN_PASSWORD, MANAGEMENT, OWN, 204),
        row(CHANGE_OWN_PASSWORD, SALES, OWN, 204),
        row(CHANGE_OWN_PASSWORD, SUPPORT, OWN, 204),
        row(LOG_OUT, MANAGEMENT, OWN, 204),
        row(LOG_OUT, SALES, OWN, 204),
        row(LOG_OUT, SUPPORT, OWN, 204));
  }

  private static Arguments row(Endpoint endpoint, Team team, Target target, int status) {
    return Arguments.of(endpoint, team, target, status);
  }

  @ParameterizedTest(name = "{1} on {2} record: {0} -> {3}")
  @MethodSource("permissionTable")
  void eachTeamGetsExactlyThePermissionsOfTheTable(Endpoint endpoint, Team team, Target target, int expected) {
    Actor actor = f.actor(team);
    Setup setup = endpoint.prepare(f, actor, target);
    InMemoryStore.Snapshot before = f.crm.store.snapshot();
    long deniedBefore = deniedCount(before);

    Api.Reply reply = endpoint.call(f.api, actor, setup);

    assertEquals(expected, reply.status(), reply::toString);
    if (expected == 403) {
      ServiceEndpointsTest.assertProblem(reply, "urn:epicevents:crm:problem:access-denied");
      InMemoryStore.Snapshot after = f.crm.store.snapshot();
      assertEquals(before.businessRecords(), after.businessRecords(), "a refusal changed a record");
      assertTrue(deniedCount(after) > deniedBefore, "the refusal was not audited");
    }
  }

  private static long deniedCount(InMemoryStore.Snapshot snapshot) {
    return snapshot.audit().stream().filter(e -> e.action().equals("ACCESS_DENIED")).count();
  }
}
