package com.epicevents.crm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.epicevents.crm.application.port.out.AuditFilter;
import com.epicevents.crm.application.port.out.AuditRecord;
import com.epicevents.crm.application.port.out.AuditTrail;
import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.domain.audit.Changes;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.common.Team;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every AuditTrail does, whatever stores it. */
public abstract class AuditTrailContract extends PortContractSupport {

  private AuditTrail trail() {
    return ports().auditTrail();
  }

  @Test
  void anAppendedEntryIsListedAsWritten() {
    long actor = newCollaborator(Team.MANAGEMENT).id().value();
    long entity = uniqueEntityId();
    AuditEntry entry = new AuditEntry(at(1), actor, "UPDATED", EntityType.CLIENT, entity,
        new Changes().field("companyName", "Old \"Co\"", "New\nCo").field("email", null, "a@b.example")
            .field("phone", "0102", null).secret("password").toOrderedMap());

    trail().append(entry);

    List<AuditRecord> listed = trail().list(new AuditFilter(EntityType.CLIENT, entity, null),
        com.epicevents.crm.application.port.out.PageRequest.first(10)).items();
    assertEquals(1, listed.size());
    assertEquals(entry, listed.get(0).entry());
  }

  @Test
  void entriesWithoutActorEntityOrChangesAreKept() {
    AuditEntry failedLogin = new AuditEntry(at(2), null, "LOGIN_FAILED", EntityType.SESSION, null, Map.of());
    long entity = uniqueEntityId();
    AuditEntry marker = AuditEntry.of(at(2), null, "LOGIN_FAILED", EntityType.COLLABORATOR, entity);

    trail().append(failedLogin);
    trail().append(marker);

    List<AuditRecord> listed = all(new AuditFilter(EntityType.COLLABORATOR, entity, null));
    assertEquals(List.of(marker), listed.stream().map(AuditRecord::entry).toList());
  }

  @Test
  void listFiltersByEntityAndActorInAppendOrder() {
    long actor = newCollaborator(Team.MANAGEMENT).id().value();
    long otherActor = newCollaborator(Team.MANAGEMENT).id().value();
    long entity = uniqueEntityId();
    AuditEntry created = AuditEntry.of(at(1), actor, "CREATED", EntityType.CONTRACT, entity);
    AuditEntry signed = AuditEntry.of(at(2), otherActor, "SIGNED", EntityType.CONTRACT, entity);
    AuditEntry sameIdOtherType = AuditEntry.of(at(3), actor, "UPDATED", EntityType.EVENT, entity);
    List.of(created, signed, sameIdOtherType).forEach(trail()::append);

    assertEquals(List.of(created, signed), entries(new AuditFilter(EntityType.CONTRACT, entity, null)));
    assertEquals(List.of(created, sameIdOtherType), entries(new AuditFilter(null, null, actor)));
    assertEquals(List.of(signed), entries(new AuditFilter(EntityType.CONTRACT, entity, otherActor)));
    assertEquals(List.of(created, sameIdOtherType), entries(new AuditFilter(null, entity, actor)));
  }

  @Test
  void keysetPagesListEveryEntryExactlyOnceInAppendOrder() {
    long actor = newCollaborator(Team.MANAGEMENT).id().value();
    List<AuditEntry> appended = IntStream.range(0, 7)
        .mapToObj(i -> AuditEntry.of(at(i), actor, "UPDATED", EntityType.CLIENT, (long) i + 1))
        .toList();
    appended.forEach(trail()::append);

    List<AuditRecord> byActor = allPages(p -> trail().list(new AuditFilter(null, null, actor), p), 3, AuditRecord::id);
    List<AuditRecord> everything = allPages(p -> trail().list(AuditFilter.ALL, p), 4, AuditRecord::id);

    assertEquals(appended, byActor.stream().map(AuditRecord::entry).toList());
    assertEquals(appended, everything.stream().map(AuditRecord::entry)
        .filter(e -> e.actorId() != null && e.actorId() == actor).toList());
  }

  private List<AuditEntry> entries(AuditFilter filter) {
    return all(filter).stream().map(AuditRecord::entry).toList();
  }

  private List<AuditRecord> all(AuditFilter filter) {
    return allPages(p -> trail().list(filter, p), 50, AuditRecord::id);
  }

  private static long uniqueEntityId() {
    return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L);
  }
}
