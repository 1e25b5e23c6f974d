package com.epicevents.crm.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.FakePasswordHasher;
import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.LogInUseCase;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.PasswordHasher;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.application.port.out.Transactions;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.AuthenticationFailed;
import com.epicevents.crm.domain.error.ServiceBusy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A password check takes tens of milliseconds of CPU on purpose: a login must never run it
 * inside a transaction (holding a pooled connection and the username's row lock), and a login
 * refused for lack of hashing capacity must cost nothing else.
 */
class LoginHashesOutsideTransactionsTest {
  private final TestCrm crm = new TestCrm();
  private final Collaborator alice = crm.collaborator("alice", Team.SALES);
  private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
  private final AtomicInteger transactions = new AtomicInteger();
  private final List<String> hashingSeen = new CopyOnWriteArrayList<>();
  private final AtomicBoolean full = new AtomicBoolean();
  private final UseCases core = CrmServices.create(new CorePorts(counting(crm.store), crm.store.collaborators(),
      crm.store.clients(), crm.store.contracts(), crm.store.events(), crm.store.sessions(), crm.store.apiKeys(), crm.store.loginAttempts(),
      crm.store.auditTrail(), watching(crm.hasher), crm.reporter, crm.clock, crm.ports.settings(),
      crm.ports.changes(), crm.ports.changeSignals(), crm.ports.webhooks(), crm.ports.webhookSender(),
      crm.ports.hostResolver(), crm.ports.webhookSettings(),
      crm.ports.idempotency(), crm.ports.idempotencySettings()));

  @Test
  void aSuccessfulLoginChecksThePasswordWithNoTransactionOpen() {
    core.logIn().logIn(new LogInUseCase.Command("alice", TestCrm.PASSWORD.toCharArray(), SessionKind.API));

    assertTrue(hashingSeen.contains("verify at depth 0"), hashingSeen::toString);
    assertTrue(hashingSeen.stream().allMatch(s -> s.endsWith("depth 0")), hashingSeen::toString);
    assertTrue(transactions.get() >= 2, "a short transaction before the check and one after");
  }

  @Test
  void failedLoginsOfKnownAndUnknownUsersAlsoCheckOutsideAnyTransaction() {
    assertThrows(AuthenticationFailed.class, () -> core.logIn().logIn(
        new LogInUseCase.Command("alice", "a wrong password here".toCharArray(), SessionKind.API)));
    assertThrows(AuthenticationFailed.class, () -> core.logIn().logIn(
        new LogInUseCase.Command("nobody-at-all", "a wrong password here".toCharArray(), SessionKind.API)));

    assertTrue(hashingSeen.stream().filter(s -> s.startsWith("verify")).count() >= 2, hashingSeen::toString);
    assertTrue(hashingSeen.stream().allMatch(s -> s.endsWith("depth 0")), hashingSeen::toString);
    assertEquals(2, crm.store.auditTrail().entries().stream().filter(e -> e.action().equals("LOGIN_FAILED")).count());
  }

  @Test
  void aLoginBeyondTheHashingCapacityIsRefusedBeforeAnyOtherWork() {
    full.set(true);
    int auditBefore = crm.store.auditTrail().entries().size();

    assertThrows(ServiceBusy.class, () -> core.logIn().logIn(
        new LogInUseCase.Command("alice", TestCrm.PASSWORD.toCharArray(), SessionKind.API)));

    assertEquals(0, transactions.get(), "no transaction, no database work");
    assertEquals(auditBefore, crm.store.auditTrail().entries().size());
    assertEquals(List.of(), hashingSeen);
  }

  private Transactions counting(Transactions real) {
    return new Transactions() {
      @Override
      public <T> T inTransaction(Supplier<T> work) {
        transactions.incrementAndGet();
        depth.set(depth.get() + 1);
        try {
          return real.inTransaction(work);
        } finally {
          depth.set(depth.get() - 1);
        }
      }

      @Override
      public <T> T inNewTransaction(Supplier<T> work) {
        transactions.incrementAndGet();
        return real.inNewTransaction(work);
      }
    };
  }

  private PasswordHasher watching(FakePasswordHasher real) {
    return new PasswordHasher() {
      @Override
      public String hash(char[] password) {
        hashingSeen.add("hash at depth " + depth.get());
        return real.hash(password);
      }

      @Override
      public boolean verify(char[] password, String encodedHash) {
        hashingSeen.add("verify at depth " + depth.get());
        return real.verify(password, encodedHash);
      }

      @Override
      public boolean needsRehash(String encodedHash) {
        return real.needsRehash(encodedHash);
      }

      @Override
      public void requireCapacity() {
        if (full.get()) {
          throw new ServiceBusy(1);
        }
      }
    };
  }
}
