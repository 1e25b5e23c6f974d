package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.ExpectedVersion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CreateClientUseCase;
import com.epicevents.crm.application.port.in.CreateCollaboratorUseCase;
import com.epicevents.crm.application.port.in.CreateContractUseCase;
import com.epicevents.crm.application.port.in.CreateEventUseCase;
import com.epicevents.crm.application.port.in.FieldUpdate;
import com.epicevents.crm.application.port.in.UpdateClientUseCase;
import com.epicevents.crm.application.port.in.UpdateContractUseCase;
import com.epicevents.crm.application.port.in.UpdateEventUseCase;
import com.epicevents.crm.application.port.out.ChangeRecord;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.application.port.out.WebhookDelivery;
import com.epicevents.crm.application.port.out.WebhookSubscription;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.AccessDenied;
import com.epicevents.crm.domain.error.ConcurrentModification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Every change a use case makes is announced once, in its transaction, with the record's new
 * version, the names of the changed fields and the webhook event type; refusals and conflicts
 * announce nothing.
 */
class ChangeAnnouncementsTest {
  final TestCrm crm = new TestCrm();
  final Collaborator manager = crm.collaborator("manager", Team.MANAGEMENT);
  final Collaborator alice = crm.collaborator("alice", Team.SALES);
  final Collaborator sam = crm.collaborator("sam", Team.SUPPORT);
  final AuthToken boss = crm.login(manager);
  final AuthToken sales = crm.login(alice);
  final AuthToken support = crm.login(sam);
  final long everything = crm.store.webhooks().insert(new WebhookSubscription(0, "https://receiver.example/",
      List.of("*"), null, true, "whsec_AAAA", null, null, null, null, TestCrm.START, TestCrm.START, 1)).id();

  ChangeRecord last() {
    List<ChangeRecord> all = crm.store.changeLog().all();
    return all.get(all.size() - 1);
  }

  List<String> queuedTypes() {
    return crm.store.webhooks().deliveries(everything, null, new PageRequest(0, 200)).items().stream()
        .map(WebhookDelivery::eventType).toList();
  }

  void assertAnnounced(EntityType type, long id, String action, long version, List<String> fields) {
    ChangeRecord c = last();
    assertEquals(type, c.entityType());
    assertEquals(id, c.entityId());
    assertEquals(action, c.action());
    assertEquals(version, c.version());
    assertEquals(fields, c.changedFields());
  }

  @Test
  void everyMutatingUseCaseAnnouncesItsChangeAndQueuesItsWebhookEventType() {
    var collaborator = crm.useCases.createCollaborator().create(boss, CreateCollaboratorUseCase.Command.of(
        "newbie", "New Bie", null, "0102030405", "SUPPORT", "a-long-enough-passphrase".toCharArray()));
    assertAnnounced(EntityType.COLLABORATOR, collaborator.id(), "CREATED", 1,
        List.of("username", "fullName", "phone", "team", "active"));
    CollaboratorId newbie = new CollaboratorId(collaborator.id());
    crm.useCases.deactivateCollaborator().deactivate(boss, newbie, ExpectedVersion.ANY);
    assertAnnounced(EntityType.COLLABORATOR, collaborator.id(), "DEACTIVATED", 2, List.of("active"));
    crm.useCases.reactivateCollaborator().reactivate(boss, newbie, ExpectedVersion.ANY);
    assertAnnounced(EntityType.COLLABORATOR, collaborator.id(), "REACTIVATED", 3, List.of("active"));
    crm.useCases.resetPassword().resetPassword(boss, newbie, "another-long-passphrase".toCharArray());
    assertAnnounced(EntityType.COLLABORATOR, collaborator.id(), "PASSWORD_RESET", 4, List.of("password"));

    var client = crm.useCases.createClient().create(sales, CreateClientUseCase.Command.of(
        "Kevin Casey", null, "0612345678", "Cool Startup", null));
    long clientId = client.client().id().value();
    assertAnnounced(EntityType.CLIENT, clientId, "CREATED", 1,
        List.of("fullName", "phone", "companyName", "lastContactAt", "salesContactId"));
    crm.useCases.updateClient().update(sales, UpdateClientUseCase.Command.of(clientId, ExpectedVersion.ANY, null, null, null,
        FieldUpdate.set("Cooler Startup"), null));
    assertAnnounced(EntityType.CLIENT, clientId, "UPDATED", 2, List.of("companyName"));
    Collaborator bob = crm.collaborator("bob", Team.SALES);
    crm.useCases.reassignClient().reassign(boss, client.client().id(), bob.id(), ExpectedVersion.ANY);
    assertAnnounced(EntityType.CLIENT, clientId, "REASSIGNED", 3, List.of("salesContactId"));

    var contract = crm.useCases.createContract().create(boss, CreateContractUseCase.Command.of(
        clientId, "1000.00", "1000.00", false));
    long contractId = contract.contract().id().value();
    assertAnnounced(EntityType.CONTRACT, contractId, "CREATED", 1,
        List.of("clientId", "totalAmount", "amountDue", "signed"));
    crm.useCases.updateContract().update(boss, UpdateContractUseCase.Command.of(contractId, ExpectedVersion.ANY, null, null, true));
    assertAnnounced(EntityType.CONTRACT, contractId, "SIGNED", 2, List.of("signed"));

    AuthToken bobToken = crm.login(bob);
    Instant start = crm.clock.instant().plus(Duration.ofDays(10));
    var event = crm.useCases.createEvent().create(bobToken, CreateEventUseCase.Command.of(contractId, "Launch",
        "Jane 0611223344", start, start.plus(Duration.ofHours(3)), null, "Paris", 50, null));
    long eventId = event.event().id().value();
    assertAnnounced(EntityType.EVENT, eventId, "CREATED", 1,
        List.of("contractId", "name", "clientContact", "startAt", "endAt", "location", "attendees"));
    crm.useCases.assignEventSupport().assign(boss, event.event().id(), sam.id(), ExpectedVersion.ANY);
    assertAnnounced(EntityType.EVENT, eventId, "SUPPORT_ASSIGNED", 2, List.of("supportContactId"));
    crm.useCases.updateEvent().update(support, UpdateEventUseCase.Command.of(eventId, ExpectedVersion.ANY, null, null, null, null,
        null, null, FieldUpdate.set(80), null));
    assertAnnounced(EntityType.EVENT, eventId, "UPDATED", 3, List.of("attendees"));

    assertEquals(List.of("collaborator.created", "collaborator.deactivated", "collaborator.reactivated",
        "client.created", "client.updated", "client.reassigned", "contract.created", "contract.signed",
        "event.created", "event.support_assigned", "event.updated"), queuedTypes(),
        "a password reset is on the feed but has no webhook event type");
    List<Long> seqs = crm.store.changeLog().all().stream().map(ChangeRecord::seq).toList();
    assertEquals(seqs.stream().sorted().distinct().toList(), seqs);
  }

  @Test
  void aRefusedOrConflictingChangeAnnouncesNothing() {
    Client client = crm.client("Kevin Casey", alice);
    int before = crm.store.changeLog().all().size();
    assertThrows(AccessDenied.class, () -> crm.useCases.updateClient().update(support, UpdateClientUseCase.Command.of(
        client.id().value(), ExpectedVersion.ANY, null, null, null, FieldUpdate.set("Hijacked"), null)));
    assertThrows(ConcurrentModification.class, () -> crm.useCases.updateClient().update(sales,
        UpdateClientUseCase.Command.of(client.id().value(), 99L, null, null, null, FieldUpdate.set("Stale"), null)));
    crm.useCases.updateClient().update(sales, UpdateClientUseCase.Command.of(client.id().value(), ExpectedVersion.ANY, null, null,
        null, FieldUpdate.set(client.companyName().value()), null));
    assertEquals(before, crm.store.changeLog().all().size(), "refusals, conflicts and no-op updates announce nothing");
    assertTrue(queuedTypes().isEmpty());
  }

  @Test
  void retriesAreJitteredWithinTenPercentEitherWay() {
    DeliverWebhooksService low = new DeliverWebhooksService(crm.ports, () -> fixed(0.0));
    DeliverWebhooksService high = new DeliverWebhooksService(crm.ports, () -> fixed(0.999999));
    DeliverWebhooksService middle = new DeliverWebhooksService(crm.ports, () -> fixed(0.5));
    Duration fiveMinutes = Duration.ofMinutes(5);
    assertEquals(Duration.ofSeconds(270), low.jittered(fiveMinutes));
    Duration longest = high.jittered(fiveMinutes);
    assertTrue(longest.compareTo(Duration.ofSeconds(330)) <= 0 && longest.compareTo(Duration.ofSeconds(329)) > 0,
        longest::toString);
    assertEquals(fiveMinutes, middle.jittered(fiveMinutes));
    assertEquals(7, DeliverWebhooksService.RETRY_DELAYS.size());
  }

  @Test
  void aDisabledSubscriptionGetsNothingNew() {
    var subscription = crm.store.webhooks().find(everything).orElseThrow();
    crm.store.webhooks().update(new WebhookSubscription(subscription.id(), subscription.url(),
        subscription.eventTypes(), null, false, subscription.secret(), null, null, null, "off", subscription.createdAt(),
        subscription.updatedAt(), subscription.version()));
    crm.useCases.createClient().create(sales, CreateClientUseCase.Command.of("Off Line", null, "0612345678",
        "Quiet", null));
    assertTrue(queuedTypes().isEmpty());
    assertNull(crm.store.webhooks().find(everything).orElseThrow().failingSince());
  }

  private static RandomGenerator fixed(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }
}
