package com.epicevents.crm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GracefulStopTest {

  @Test
  void stopLetsARequestInFlightFinishThenReleasesThePort() throws Exception {
    TestCrm crm = new TestCrm();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ViewClientsUseCase real = crm.useCases.clients();
    ViewClientsUseCase slow = new ViewClientsUseCase() {
      @Override
      public ClientView get(AuthToken token, ClientId id) {
        return real.get(token, id);
      }

      @Override
      public Page<ClientView> list(AuthToken token, ClientFilter filter, PageRequest page) {
        entered.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return real.list(token, filter, page);
      }
    };
    HttpApi server = HttpApi.start(UnexpectedErrorTest.withClients(crm.useCases, slow), crm.reporter, () -> true,
        HttpSettings.loopbackRandomPort());
    AuthToken token = crm.login(crm.collaborator("stayer", Team.SALES));
    Api api = new Api(server.port());

    CompletableFuture<Api.Reply> inFlight = CompletableFuture.supplyAsync(() -> api.get("/clients").as(token).send());
    assertTrue(entered.await(5, TimeUnit.SECONDS));
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
    Thread.sleep(300);
    assertFalse(stopping.isDone(), "stop() returned while a request was still running");

    release.countDown();
    Api.Reply reply = inFlight.get(10, TimeUnit.SECONDS);
    assertEquals(200, reply.status(), reply::toString);
    stopping.get(15, TimeUnit.SECONDS);
    assertThrows(UncheckedIOException.class, () -> api.get("/health").send());
    server.stop(); // a second stop is harmless
  }
}
