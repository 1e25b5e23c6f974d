package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.ExpectedVersion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.FieldUpdate;
import com.epicevents.crm.application.port.in.UpdateClientUseCase;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.ClientRepository;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.ConcurrentModification;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract: a PATCH without If-Match applies to the current version. When another writer
 * saves between this change's read and its save, the change is re-read and re-applied; only a
 * caller who named a version gets the conflict.
 */
class ChangesWithoutIfMatchTest {
  private final TestCrm crm = new TestCrm();
  private final Collaborator alice = crm.collaborator("alice", Team.SALES);
  private final AuthToken token = crm.login(alice);
  private final Client client = crm.client("Race Client", alice);
  /** How many more saves find that another writer saved first. */
  private final AtomicInteger interleavedWrites = new AtomicInteger();
  private final UseCases core = CrmServices.create(new CorePorts(crm.store, crm.store.collaborators(),
      racing(crm.store.clients()), crm.store.contracts(), crm.store.events(), crm.store.sessions(), crm.store.apiKeys(),
      crm.store.loginAttempts(), crm.store.auditTrail(), crm.hasher, crm.reporter, crm.clock, crm.ports.settings(),
      crm.ports.changes(), crm.ports.changeSignals(), crm.ports.webhooks(), crm.ports.webhookSender(),
      crm.ports.hostResolver(), crm.ports.webhookSettings(),
      crm.ports.idempotency(), crm.ports.idempotencySettings()));

  @Test
  void aChangeWithoutAnExpectedVersionIsReappliedAfterConcurrentWrites() {
    interleavedWrites.set(3);

    var view = core.updateClient().update(token, phone(ExpectedVersion.ANY, "0600000009"));

    assertEquals("0600000009", view.client().phone().value());
    assertEquals(0, interleavedWrites.get(), "three refused saves, then a fourth attempt");
    assertEquals("0600000009", crm.reload(client.id()).phone().value());
    assertEquals(1, crm.store.auditTrail().entries().stream().filter(e -> e.action().equals("UPDATED")).count());
  }

  @Test
  void aChangeNamingItsVersionStillGetsTheConflict() {
    interleavedWrites.set(1);

    assertThrows(ConcurrentModification.class, () -> core.updateClient().update(token, phone(1L, "0600000009")));
  }

  private UpdateClientUseCase.Command phone(Long expected, String phone) {
    return UpdateClientUseCase.Command.of(client.id().value(), expected, null, null, FieldUpdate.set(phone), null, null);
  }

  /** The store's repository, whose next saves find the client changed by another writer. */
  private ClientRepository racing(ClientRepository real) {
    return (ClientRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ClientRepository.class},
        (proxy, method, args) -> {
          if (method.getName().equals("update") && interleavedWrites.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            // What the real repository answers when the stored version moved since the read.
            Client changed = (Client) args[0];
            throw new ConcurrentModification("CLIENT", changed.id().value(), real.findView(changed.id()).orElseThrow());
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
