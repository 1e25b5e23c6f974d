package com.epicevents.crm.bootstrap.webhooks;

import com.epicevents.crm.http.json.IntegrationRepresentations;
import com.epicevents.crm.application.fake.FakePasswordHasher;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CreateClientUseCase;
import com.epicevents.crm.application.port.in.CreateCollaboratorUseCase;
import com.epicevents.crm.application.port.in.CreateManagerAsAdminUseCase;
import com.epicevents.crm.application.port.in.FieldUpdate;
import com.epicevents.crm.application.port.in.LogInUseCase;
import com.epicevents.crm.application.port.in.ManageWebhooksUseCase;
import com.epicevents.crm.application.port.in.UpdateClientUseCase;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.application.service.WebhookSettings;
import com.epicevents.crm.core.CrmCore;
import com.epicevents.crm.bootstrap.serve.ServeRunner;
import com.epicevents.crm.http.HttpSettings;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measurements for the closing note, not a test (the name keeps it out of the build's
 * test run): {@code ./mvnw -o -q -pl crm-bootstrap -am test -Dtest=IntegrationsMeasurement
 * -Dsurefire.failIfNoSpecifiedTests=false}. Prints:
 * <ul>
 *   <li>delivery latency, commit → receiver: a client update through the use case, one at a
 *       time, through {@code crm serve}'s runner (worker woken by NOTIFY) to a loopback receiver;
 *       measured from the use case's return (the commit has happened) to the request's arrival;</li>
 *   <li>feed throughput: items per second a consumer reads over HTTP following {@code nextCursor}
 *       with {@code limit=1000}, on 100,000 changes.</li>
 * </ul>
 */
class IntegrationsMeasurement {
  private static final String PASSWORD = "a long and private passphrase";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void measure() throws Exception {
    try (TestDatabase db = TestDatabase.fresh(); Receiver receiver = new Receiver()) {
      HikariDataSource pool = CrmDatabase.pooledDataSource(db.jdbcUrl(), db.appRole(), db.appPassword(), 8);
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      CrmCore core = CrmCore.builder(pool).passwordHasher(new FakePasswordHasher())
          .webhookSettings(new WebhookSettings(true)).webhookSecretKey(key)
          .webhookBodies(IntegrationRepresentations::webhookBody).build();
      UseCases crm = core.useCases();
      crm.createManagerAsAdmin().execute(CreateManagerAsAdminUseCase.Command.of(
          "ada", "Ada Lovelace", "+44 20 7946 0000", "ada@epic-events.test", PASSWORD.toCharArray()));
      AuthToken ada = login(crm, "ada");
      crm.createCollaborator().create(ada, CreateCollaboratorUseCase.Command.of(
          "sam", "Sam Seller", null, "0102030405", "SALES", PASSWORD.toCharArray()));
      AuthToken sam = login(crm, "sam");
      ClientView client = crm.createClient().create(sam, CreateClientUseCase.Command.of(
          "Kevin Casey", null, "0612345678", "Start", null));
      crm.webhooks().create(ada, new ManageWebhooksUseCase.CreateCommand(receiver.url("/hook"),
          List.of("client.updated"), null));
      ServeRunner runner = ServeRunner.start(core, pool, HttpSettings.loopbackRandomPort());
      try {
        latency(crm, sam, client, receiver);
        throughput(db, runner.port(), ada);
      } finally {
        runner.stop();
      }
    }
  }

  private static void latency(UseCases crm, AuthToken sam, ClientView client, Receiver receiver) throws Exception {
    int warmUp = 100;
    int measured = 500;
    List<Long> micros = new ArrayList<>();
    long version = client.client().version();
    for (int i = 0; i < warmUp + measured; i++) {
      ClientView updated = crm.updateClient().update(sam, UpdateClientUseCase.Command.of(client.client().id().value(),
          version, null, null, null, FieldUpdate.set("Company " + i), null));
      long committed = System.nanoTime();
      version = updated.client().version();
      Receiver.Request got = receiver.next(Duration.ofSeconds(10));
      if (i >= warmUp) {
        micros.add((got.receivedNanos() - committed) / 1000);
      }
    }
    Collections.sort(micros);
    System.out.printf("MEASURED delivery latency commit->receiver over %d changes: p50 %.2f ms, p90 %.2f ms,"
        + " p99 %.2f ms, max %.2f ms%n", measured, micros.get(measured / 2) / 1000.0,
        micros.get(measured * 90 / 100) / 1000.0, micros.get(measured * 99 / 100) / 1000.0,
        micros.get(measured - 1) / 1000.0);
  }

  private static void throughput(TestDatabase db, int port, AuthToken token) throws Exception {
    int rows = 100_000;
    try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO crm.changes (seq, at, entity_type, entity_id, action, version, actor_id, changed_fields)"
          + " SELECT nextval('crm.changes_seq'), now(), 'CLIENT', g, 'UPDATED', 2, 1, ARRAY['email','phone']"
          + " FROM generate_series(1, " + rows + ") g");
      s.execute("ANALYZE crm.changes");
    }
    HttpClient http = HttpClient.newHttpClient();
    for (int round = 1; round <= 3; round++) {
      long started = System.nanoTime();
      String cursor = null;
      long items = 0;
      int pages = 0;
      while (true) {
        String url = "http://127.0.0.1:" + port + "/api/v1/changes?limit=1000" + (cursor == null ? "" : "&after=" + cursor);
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token.value()).build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode page = JSON.readTree(r.body());
        pages++;
        int n = page.get("items").size();
        items += n;
        cursor = page.get("nextCursor").asText();
        if (n == 0) {
          break;
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("MEASURED feed throughput round %d: %d items in %d pages in %.2f s = %.0f items/s%n",
          round, items, pages, seconds, items / seconds);
    }
  }

  private static AuthToken login(UseCases crm, String username) {
    return crm.logIn().logIn(new LogInUseCase.Command(username, PASSWORD.toCharArray(), SessionKind.API)).token();
  }
}
