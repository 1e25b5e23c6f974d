package com.epicevents.crm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.ViewClientsUseCase;
import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One INFO line per request, with the route template and, for a 500, the errorId; the observer hears the same. */
class RequestLogTest {
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(RequestLog.LOGGER);
  private final List<String> observed = new CopyOnWriteArrayList<>();

  @BeforeEach
  void listen() {
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void stopListening() {
    logger.detachAppender(lines);
  }

  @Test
  void eachRequestIsOneInfoLineWithItsRouteTemplateStatusDurationAndErrorId() {
    TestCrm crm = new TestCrm();
    ViewClientsUseCase broken = new ViewClientsUseCase() {
      @Override
      public ClientView get(AuthToken token, ClientId id) {
        throw new IllegalStateException("boom");
      }

      @Override
      public Page<ClientView> list(AuthToken token, ClientFilter filter, PageRequest page) {
        return crm.useCases.clients().list(token, filter, page);
      }
    };
    HttpApi server = HttpApi.start(UnexpectedErrorTest.withClients(crm.useCases, broken), crm.reporter, () -> true,
        HttpSettings.loopbackRandomPort(), (method, route, status, nanos) -> observed.add(method + " " + route + " " + status));
    try {
      Collaborator who = crm.collaborator("logged", Team.SALES);
      AuthToken token = crm.login(who);
      Api api = new Api(server.port());

      assertEquals(200, api.get("/clients?q=secret-search").as(token).send().status());
      Api.Reply failed = api.get("/clients/42").as(token).send();
      assertEquals(404, api.get("/nowhere").send().status());

      assertEquals(500, failed.status());
      List<String> messages = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertEquals(3, messages.size(), messages::toString);
      assertTrue(messages.get(0).matches("GET /api/v1/clients -> 200 in \\d+ ms"), messages.get(0));
      assertEquals("GET /api/v1/clients/{id} -> 500 in " + lines.list.get(1).getMDCPropertyMap().get("http.durationMs")
          + " ms errorId=" + failed.json().get("errorId").asText(), messages.get(1));
      assertTrue(messages.get(2).startsWith("GET (no route) -> 404 in "), messages.get(2));
      assertTrue(lines.list.stream().allMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.INFO));
      assertTrue(messages.stream().noneMatch(m -> m.contains("secret-search")), "the query is never logged");
      assertEquals("/api/v1/clients/{id}", lines.list.get(1).getMDCPropertyMap().get("http.route"));
      assertEquals("500", lines.list.get(1).getMDCPropertyMap().get("http.status"));
      assertEquals(List.of("GET /api/v1/clients 200", "GET /api/v1/clients/{id} 500", "GET (no route) 404"), observed);
    } finally {
      server.stop();
    }
  }
}
