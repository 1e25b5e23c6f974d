package com.epicevents.crm.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.RecordingErrorReporter.BusinessEvent;
import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CreateCollaboratorUseCase;
import com.epicevents.crm.application.port.in.CreateContractUseCase;
import com.epicevents.crm.application.port.in.CreateEventUseCase;
import com.epicevents.crm.application.port.in.ExpectedVersion;
import com.epicevents.crm.application.port.in.FieldUpdate;
import com.epicevents.crm.application.port.in.UpdateClientUseCase;
import com.epicevents.crm.application.port.in.UpdateCollaboratorUseCase;
import com.epicevents.crm.application.port.in.UpdateContractUseCase;
import com.epicevents.crm.application.port.in.UpdateEventUseCase;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.domain.audit.FieldChange;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.error.AccessDenied;
import com.epicevents.crm.domain.error.BusinessRuleViolated;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.domain.error.FieldError;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.epicevents.crm.domain.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mutations end to end through the core: all-or-nothing, conflicts, audit and business events. */
class MutationUseCasesTest {
  final TestCrm crm = new TestCrm();
  final Collaborator manager = crm.collaborator("manager", Team.MANAGEMENT);
  final Collaborator alice = crm.collaborator("alice", Team.SALES);
  final Collaborator sam = crm.collaborator("sam", Team.SUPPORT);
  final AuthToken boss = crm.login(manager);

  AuditEntry lastAudit() {
    List<AuditEntry> all = crm.store.auditTrail().entries();
    return all.get(all.size() - 1);
  }

  @Test
  void everyWrongFieldIsReportedAtOnceAndNothingIsSaved() {
    var before = crm.store.snapshot().businessRecords();
    ValidationFailed e = assertThrows(ValidationFailed.class, () -> CreateCollaboratorUseCase.Command.of(
        "x", "", "nope", "call me", "JANITOR", "a-long-enough-passphrase".toCharArray()));
    assertEquals(List.of("username", "fullName", "email", "phone", "team"),
        e.errors().stream().map(FieldError::field).toList());
    assertEquals(before, crm.store.snapshot().businessRecords());
  }

  @Test
  void aTakenUsernameOrEmailIsAConflictNamingTheField() {
    BusinessRuleViolated username = assertThrows(BusinessRuleViolated.class, () -> crm.useCases.createCollaborator()
        .create(boss, CreateCollaboratorUseCase.Command.of("ALICE", "Other Alice", null, "0102030405", "SALES",
            "a-long-enough-passphrase".toCharArray())));
    assertEquals("username", username.field());
    BusinessRuleViolated email = assertThrows(BusinessRuleViolated.class, () -> crm.useCases.createCollaborator()
        .create(boss, CreateCollaboratorUseCase.Command.of("alice2", "Other Alice", "ALICE@epic-events.test",
            "0102030405", "SALES", "a-long-enough-passphrase".toCharArray())));
    assertEquals("email", email.field());
  }

  @Test
  void creatingACollaboratorIsAuditedWithoutThePasswordAndReported() {
    var created = crm.useCases.createCollaborator().create(boss, CreateCollaboratorUseCase.Command.of(
        "newbie", "New Bie", "newbie@epic-events.test", "0102030405", "SUPPORT", "a-long-enough-passphrase".toCharArray()));
    AuditEntry entry = lastAudit();
    assertEquals("CREATED", entry.action());
    assertEquals(created.id(), entry.entityId());
    assertEquals(new FieldChange(null, "SUPPORT"), entry.changes().get("team"));
    assertTrue(entry.changes().keySet().stream().noneMatch(k -> k.toLowerCase().contains("password")));
    assertEquals(new BusinessEvent("collaborator created", Map.of("collaboratorId", String.valueOf(created.id()),
        "team", "SUPPORT")), crm.reporter.businessEvents().get(0));
  }

  @Test
  void theLastActiveManagerCannotBeDeactivatedOrDemoted() {
    assertThrows(BusinessRuleViolated.class, () -> crm.useCases.deactivateCollaborator().deactivate(boss, manager.id(), ExpectedVersion.ANY));
    assertThrows(BusinessRuleViolated.class, () -> crm.useCases.updateCollaborator().update(boss,
        UpdateCollaboratorUseCase.Command.of(manager.id().value(), ExpectedVersion.ANY, null, null, null, null, FieldUpdate.set("SALES"))));
    assertTrue(crm.reload(manager.id()).isActiveManager());
  }

  @Test
  void deactivationAndReactivationAreReportedAsBusinessEvents() {
    crm.useCases.deactivateCollaborator().deactivate(boss, sam.id(), ExpectedVersion.ANY);
    crm.useCases.reactivateCollaborator().reactivate(boss, sam.id(), ExpectedVersion.ANY);
    assertEquals(List.of("collaborator deactivated", "collaborator reactivated"),
        crm.reporter.businessEvents().stream().map(BusinessEvent::message).toList());
    assertTrue(crm.reload(sam.id()).active());
  }

  @Test
  void aStaleVersionIsRefusedWithTheCurrentValuesAndNothingOverwritten() {
    Client client = crm.client("Kevin Casey", alice);
    AuthToken sales = crm.login(alice);
    crm.useCases.updateClient().update(sales, UpdateClientUseCase.Command.of(client.id().value(), 1L,
        null, null, FieldUpdate.set("0600000001"), null, null));
    ConcurrentModification conflict = assertThrows(ConcurrentModification.class, () -> crm.useCases.updateClient()
        .update(sales, UpdateClientUseCase.Command.of(client.id().value(), 1L, null, null,
            FieldUpdate.set("0600000002"), null, null)));
    ClientView current = assertInstanceOf(ClientView.class, conflict.current());
    assertEquals("0600000001", current.client().phone().value());
    assertEquals("0600000001", crm.reload(client.id()).phone().value());
    assertEquals(2, crm.reload(client.id()).version());
  }

  @Test
  void aSignedContractCannotBeUnsignedAndSigningIsReportedOnce() {
    Contract contract = crm.contract(crm.client("Kevin", alice), "1000", "1000", false);
    crm.useCases.updateContract().update(boss, UpdateContractUseCase.Command.of(contract.id().value(), ExpectedVersion.ANY, null, null, true));
    assertEquals("SIGNED", lastAudit().action());
    assertThrows(BusinessRuleViolated.class, () -> crm.useCases.updateContract().update(boss,
        UpdateContractUseCase.Command.of(contract.id().value(), ExpectedVersion.ANY, null, null, false)));
    crm.useCases.updateContract().update(boss, UpdateContractUseCase.Command.of(contract.id().value(), ExpectedVersion.ANY, null, "0", true));
    assertTrue(crm.reload(contract.id()).signed());
    assertEquals(1, crm.reporter.businessEvents().stream().filter(e -> e.message().equals("contract signed")).count());
  }

  @Test
  void amountsAreCheckedAgainstEachOtherAfterAPartialChange() {
    Contract contract = crm.contract(crm.client("Kevin", alice), "1000", "400", false);
    ValidationFailed e = assertThrows(ValidationFailed.class, () -> crm.useCases.updateContract().update(boss,
        UpdateContractUseCase.Command.of(contract.id().value(), ExpectedVersion.ANY, "300", null, null)));
    assertEquals("amountDue", e.errors().get(0).field());
    assertThrows(ValidationFailed.class, () -> CreateContractUseCase.Command.of(1, "100", "100.01", false));
  }

  @Test
  void aContractForAnUnknownClientNamesClientId() {
    ValidationFailed e = assertThrows(ValidationFailed.class, () -> crm.useCases.createContract().create(boss,
        CreateContractUseCase.Command.of(999, "100", "0", true)));
    assertEquals("clientId", e.errors().get(0).field());
  }

  @Test
  void eventsNeedASignedContractAndOnlyManagementChoosesTheirSupportContact() {
    Client client = crm.client("Kevin", alice);
    Contract unsigned = crm.contract(client, "100", "100", false);
    Contract signed = crm.contract(client, "100", "0", true);
    AuthToken sales = crm.login(alice);
    Instant start = TestCrm.START.plus(Duration.ofDays(3));
    assertThrows(BusinessRuleViolated.class, () -> crm.useCases.createEvent().create(sales,
        CreateEventUseCase.Command.of(unsigned.id().value(), null, "Jane", start, null, null, "Paris", 10, null)));
    long deniedBefore = crm.store.auditTrail().entries().stream().filter(a -> a.action().equals("ACCESS_DENIED")).count();
    AccessDenied withSupport = assertThrows(AccessDenied.class, () -> crm.useCases.createEvent().create(sales,
        CreateEventUseCase.Command.of(signed.id().value(), "Gala", "Jane", start, start, sam.id().value(), "Paris", 10, null)));
    assertEquals("ASSIGN_EVENT_SUPPORT", withSupport.action());
    assertEquals(deniedBefore + 1,
        crm.store.auditTrail().entries().stream().filter(a -> a.action().equals("ACCESS_DENIED")).count());
    var created = crm.useCases.createEvent().create(sales,
        CreateEventUseCase.Command.of(signed.id().value(), "Gala", "Jane", start, start, null, "Paris", 10, null));
    assertEquals(null, created.supportContactName());
    assertEquals("Kevin", created.clientName());
  }

  @Test
  void supportUpdatesTheirEventAndMayHandItToAnotherSupportMember() {
    Collaborator sue = crm.collaborator("sue", Team.SUPPORT);
    Event event = crm.event(crm.contract(crm.client("Kevin", alice), "100", "0", true), sam);
    AuthToken support = crm.login(sam);
    Instant newStart = TestCrm.START.plus(Duration.ofDays(60));
    var updated = crm.useCases.updateEvent().update(support, UpdateEventUseCase.Command.of(event.id().value(), 1L,
        null, null, FieldUpdate.set(newStart), FieldUpdate.set(newStart.plus(Duration.ofHours(3))), null,
        FieldUpdate.set("Billu Island"), FieldUpdate.set(16), FieldUpdate.set("Date to be decided")));
    assertEquals("Billu Island", updated.event().details().location());
    assertEquals(2, updated.event().version());
    ValidationFailed past = assertThrows(ValidationFailed.class, () -> crm.useCases.updateEvent().update(support,
        UpdateEventUseCase.Command.of(event.id().value(), ExpectedVersion.ANY, null, null, FieldUpdate.set(TestCrm.START.minusSeconds(60)),
            null, null, null, null, null)));
    assertEquals("startAt", past.errors().get(0).field());
    crm.useCases.updateEvent().update(support, UpdateEventUseCase.Command.of(event.id().value(), ExpectedVersion.ANY, null, null,
        null, null, FieldUpdate.set(sue.id().value()), null, null, null));
    assertEquals(sue.id(), crm.reload(event.id()).supportContactId());
  }

  @Test
  void anEventFormReportsEveryWrongFieldAtOnce() {
    Instant start = TestCrm.START.plus(Duration.ofDays(3));
    ValidationFailed e = assertThrows(ValidationFailed.class, () -> CreateEventUseCase.Command.of(
        5, "x".repeat(101), " ", start, start.minusSeconds(1), null, "", -1, null));
    assertEquals(List.of("name", "clientContact", "location", "attendees", "endAt"),
        e.errors().stream().map(FieldError::field).toList());
  }
}
