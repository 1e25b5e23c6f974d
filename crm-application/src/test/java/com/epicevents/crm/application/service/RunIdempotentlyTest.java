package com.epicevents.crm.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CreateClientUseCase;
import com.epicevents.crm.application.port.in.RunIdempotentlyUseCase;
import com.epicevents.crm.application.port.in.RunIdempotentlyUseCase.Kind;
import com.epicevents.crm.application.port.in.RunIdempotentlyUseCase.Outcome;
import com.epicevents.crm.application.port.in.RunIdempotentlyUseCase.Request;
import com.epicevents.crm.application.port.out.RecordedResponse;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.AccessDenied;
import com.epicevents.crm.domain.error.AuthenticationFailed;
import com.epicevents.crm.domain.error.ValidationFailed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** RunIdempotently over the in-memory ports: what runs, what is stored, what is answered. */
class RunIdempotentlyTest {
  private static final String SAME = "1".repeat(64);
  private static final String OTHER = "2".repeat(64);
  final TestCrm crm = new TestCrm();
  final Collaborator alice = crm.collaborator("alice", Team.SALES);
  final Collaborator sam = crm.collaborator("sam", Team.SUPPORT);
  final AuthToken aliceToken = crm.login(alice);
  final AuthToken samToken = crm.login(sam);
  final RunIdempotentlyUseCase idempotently = crm.useCases.runIdempotently();
  final AtomicInteger runs = new AtomicInteger();

  /** Creates a client as the token's owner; a core refusal is stored as a 403 response. */
  private RunIdempotentlyUseCase.Work creatingClient(AuthToken token, String name) {
    return work(() -> {
      runs.incrementAndGet();
      crm.useCases.createClient().create(token, CreateClientUseCase.Command.of(name, null, "0612345678", "Acme", null));
      return response(201, name);
    });
  }

  private static RunIdempotentlyUseCase.Work work(Supplier<RecordedResponse> run) {
    return new RunIdempotentlyUseCase.Work() {
      @Override
      public RecordedResponse run() {
        return run.get();
      }

      @Override
      public Optional<RecordedResponse> refusal(RuntimeException error) {
        return error instanceof AccessDenied ? Optional.of(response(403, "refused")) : Optional.empty();
      }
    };
  }

  private static RecordedResponse response(int status, String body) {
    return new RecordedResponse(status, "application/json", null, null, body.getBytes(StandardCharsets.UTF_8));
  }

  private long clientsNamed(String name) {
    return crm.store.snapshot().clients().values().stream().filter(c -> c.fullName().value().equals(name)).count();
  }

  @Test
  void theWorkRunsOnceAndTheRetryGetsTheStoredResponse() {
    Outcome first = idempotently.run(new Request(aliceToken, "k1", SAME), creatingClient(aliceToken, "Once"));
    Outcome retry = idempotently.run(new Request(aliceToken, "k1", SAME), creatingClient(aliceToken, "Once"));

    assertEquals(Kind.EXECUTED, first.kind());
    assertEquals(Kind.REPLAYED, retry.kind());
    assertEquals(first.response(), retry.response());
    assertEquals(1, runs.get());
    assertEquals(1, clientsNamed("Once"));
  }

  @Test
  void anotherFingerprintWithTheSameKeyRunsNothing() {
    idempotently.run(new Request(aliceToken, "k1", SAME), creatingClient(aliceToken, "First"));

    Outcome reused = idempotently.run(new Request(aliceToken, "k1", OTHER), creatingClient(aliceToken, "Second"));

    assertEquals(Kind.KEY_REUSED, reused.kind());
    assertEquals(0, clientsNamed("Second"));
  }

  @Test
  void aRefusalIsStoredAndStillAuditedAlthoughTheUnitAroundTheUseCaseRolledBack() {
    Outcome refused = idempotently.run(new Request(samToken, "k1", SAME), creatingClient(samToken, "Refused"));
    Outcome replayed = idempotently.run(new Request(samToken, "k1", SAME), creatingClient(samToken, "Refused"));

    assertEquals(Kind.EXECUTED, refused.kind());
    assertEquals(403, refused.response().status());
    assertEquals(Kind.REPLAYED, replayed.kind());
    assertEquals(1, runs.get());
    assertEquals(1, crm.store.auditTrail().entries().stream()
        .filter(e -> e.action().equals("ACCESS_DENIED") && Long.valueOf(sam.id().value()).equals(e.actorId())).count());
  }

  @Test
  void anErrorThatIsNotARefusalLeavesNoRecordSoTheRetryRuns() {
    ValidationFailed invalid = ValidationFailed.of("email", "is not valid");
    ValidationFailed thrown = assertThrows(ValidationFailed.class, () -> idempotently.run(
        new Request(aliceToken, "k1", SAME), work(() -> {
          throw invalid;
        })));

    Outcome corrected = idempotently.run(new Request(aliceToken, "k1", OTHER), creatingClient(aliceToken, "Fixed"));

    assertSame(invalid, thrown);
    assertEquals(Kind.EXECUTED, corrected.kind());
    assertEquals(1, clientsNamed("Fixed"));
  }

  @Test
  void workThatFailsAfterItsChangeLeavesNeitherTheChangeNorARecord() {
    assertThrows(IllegalStateException.class, () -> idempotently.run(new Request(aliceToken, "k1", SAME), work(() -> {
      creatingClient(aliceToken, "Half Done").run();
      throw new IllegalStateException("the response could not be written");
    })));

    assertEquals(0, clientsNamed("Half Done"));
    assertEquals(0, crm.store.idempotency().count());
  }

  @Test
  void afterTheRetentionAReusedKeyIsANewRequestAndPruningDeletesTheOldRecord() {
    idempotently.run(new Request(aliceToken, "old", SAME), creatingClient(aliceToken, "Old"));
    crm.clock.advance(Duration.ofHours(24).plusSeconds(1));
    AuthToken fresh = crm.login(alice); // the first session has ended meanwhile

    Outcome again = idempotently.run(new Request(fresh, "old", OTHER), creatingClient(fresh, "New"));
    idempotently.run(new Request(fresh, "older", SAME), creatingClient(fresh, "Other"));
    crm.clock.advance(Duration.ofHours(24).plusSeconds(1));
    int pruned = idempotently.pruneExpired();

    assertEquals(Kind.EXECUTED, again.kind());
    assertEquals(2, pruned);
    assertEquals(0, crm.store.idempotency().count());
  }

  @Test
  void anUnknownTokenIsRefusedBeforeAnythingRuns() {
    assertThrows(AuthenticationFailed.class, () -> idempotently.run(
        new Request(new AuthToken("not-a-session"), "k1", SAME), creatingClient(aliceToken, "Never")));

    assertEquals(0, runs.get());
  }

  @Test
  void aKeyMustBe1To255VisibleAsciiCharactersAndTheFingerprintASha256() {
    assertEquals("k".repeat(255), new Request(aliceToken, "k".repeat(255), SAME).key());
    assertThrows(ValidationFailed.class, () -> new Request(aliceToken, "k".repeat(256), SAME));
    assertThrows(ValidationFailed.class, () -> new Request(aliceToken, "", SAME));
    assertThrows(ValidationFailed.class, () -> new Request(aliceToken, "two words", SAME));
    assertThrows(ValidationFailed.class, () -> new Request(aliceToken, "tab\there", SAME));
    assertThrows(IllegalArgumentException.class, () -> new Request(aliceToken, "k", "not a sha-256"));
  }
}
