package com.epicevents.crm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.out.CollaboratorFilter;
import com.epicevents.crm.application.port.out.CollaboratorRepository;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.collaborator.Username;
import com.epicevents.crm.domain.common.Email;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.BusinessRuleViolated;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.domain.error.NotFound;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What every CollaboratorRepository does, whatever stores it. */
public abstract class CollaboratorRepositoryContract extends PortContractSupport {

  private CollaboratorRepository repository() {
    return ports().collaborators();
  }

  @Test
  void insertAssignsAnIdAndVersionOneAndFindByIdReturnsTheSameCollaborator() {
    Collaborator inserted = newCollaborator(Team.SALES);

    assertNotNull(inserted.id());
    assertEquals(1, inserted.version());
    assertEquals(Optional.of(inserted), repository().findById(inserted.id()));
  }

  @Test
  void aCollaboratorWithoutEmailRoundTrips() {
    String username = unique("noemail");
    Collaborator inserted = repository().insert(Collaborator.create(new Username(username),
        new PersonName("Zoé Ça"), null, new Phone("0102030405"), Team.SUPPORT, "hash", NOW));

    assertEquals(Optional.of(inserted), repository().findById(inserted.id()));
  }

  @Test
  void findByUsernameIgnoresCase() {
    Collaborator inserted = newCollaborator(Team.SUPPORT);

    assertEquals(Optional.of(inserted),
        repository().findByUsername(inserted.username().value().toUpperCase(Locale.ROOT)));
  }

  @Test
  void unknownIdOrUsernameFindsNothing() {
    assertEquals(Optional.empty(), repository().findById(CollaboratorId.of(987_654_321_000L)));
    assertEquals(Optional.empty(), repository().findByUsername(unique("nobody")));
    assertEquals(Optional.empty(), repository().findByUsername("not a valid username!"));
  }

  @Test
  void aUsernameTakenInAnotherCaseIsRefused() {
    Collaborator first = newCollaborator(Team.SALES);
    Collaborator twin = Collaborator.create(new Username(first.username().value().toUpperCase(Locale.ROOT)),
        new PersonName("Twin"), null, new Phone("0102030405"), Team.SALES, "hash", NOW);

    BusinessRuleViolated refused = assertThrows(BusinessRuleViolated.class, () -> repository().insert(twin));
    assertEquals("username", refused.field());
  }

  @Test
  void anEmailTakenInAnotherCaseIsRefused() {
    Collaborator first = newCollaborator(Team.SALES);
    Collaborator twin = Collaborator.create(new Username(unique("twin")), new PersonName("Twin"),
        new Email(first.email().value().toUpperCase(Locale.ROOT)), new Phone("0102030405"), Team.SALES, "hash", NOW);

    BusinessRuleViolated refused = assertThrows(BusinessRuleViolated.class, () -> repository().insert(twin));
    assertEquals("email", refused.field());
  }

  @Test
  void emailTakenSeesOtherCollaboratorsButNotTheOneExcepted() {
    Collaborator owner = newCollaborator(Team.SALES);
    Email upper = new Email(owner.email().value().toUpperCase(Locale.ROOT));

    assertTrue(repository().emailTaken(upper, null));
    assertTrue(repository().emailTaken(upper, newCollaborator(Team.SALES).id()));
    assertFalse(repository().emailTaken(upper, owner.id()));
    assertFalse(repository().emailTaken(new Email(unique("free") + "@epic.example"), null));
  }

  @Test
  void updateSavesTheChangeAndBumpsTheVersion() {
    Collaborator inserted = newCollaborator(Team.SALES);
    Collaborator changed = inserted.updateDetails(inserted.username(), new PersonName("Renamed Person"),
        null, new Phone("0999999999"), Team.SUPPORT, 5, at(10));

    Collaborator saved = repository().update(changed);

    assertEquals(2, saved.version());
    assertEquals(at(10), saved.updatedAt());
    assertEquals(Optional.of(saved), repository().findById(inserted.id()));
    assertEquals(Team.SUPPORT, saved.team());
    assertEquals(null, saved.email());
  }

  @Test
  void updateWithAStaleVersionIsRefusedWithTheCurrentRecordAndChangesNothing() {
    Collaborator inserted = newCollaborator(Team.SALES);
    Collaborator current = repository().update(inserted.withPasswordHash("new-hash", at(1)));
    Collaborator stale = inserted.updateDetails(inserted.username(), new PersonName("Lost Update"),
        inserted.email(), inserted.phone(), inserted.team(), 5, at(2));

    ConcurrentModification conflict = assertThrows(ConcurrentModification.class, () -> repository().update(stale));

    assertEquals(inserted.id().value(), conflict.id());
    assertTrue("collaborator".equalsIgnoreCase(conflict.entityType()));
    assertEquals(current, conflict.current());
    assertEquals(Optional.of(current), repository().findById(inserted.id()));
  }

  @Test
  void updateOfAnUnknownCollaboratorIsNotFound() {
    Collaborator ghost = newCollaborator(Team.SALES).stored(CollaboratorId.of(987_654_321_000L), 1, NOW);

    assertThrows(NotFound.class, () -> repository().update(ghost));
  }

  @Test
  void countActiveManagersCountsOnlyActiveMembersOfManagement() {
    long before = repository().countActiveManagers();
    newCollaborator(Team.MANAGEMENT);
    Collaborator leaving = newCollaborator(Team.MANAGEMENT);
    newCollaborator(Team.SALES);
    repository().update(leaving.deactivate(10, at(1)));

    assertEquals(before + 1, repository().countActiveManagers());
  }

  @Test
  void listFiltersByTeamAndActiveFlag() {
    Collaborator sales = newCollaborator(Team.SALES);
    Collaborator support = newCollaborator(Team.SUPPORT);
    Collaborator inactiveSupport = repository().update(newCollaborator(Team.SUPPORT).deactivate(10, at(1)));
    Set<Long> mine = ids(sales, support, inactiveSupport);

    assertEquals(ids(support, inactiveSupport), listed(new CollaboratorFilter(Team.SUPPORT, null), mine));
    assertEquals(ids(support), listed(new CollaboratorFilter(Team.SUPPORT, true), mine));
    assertEquals(ids(inactiveSupport), listed(new CollaboratorFilter(null, false), mine));
    assertEquals(ids(sales), listed(new CollaboratorFilter(Team.SALES, true), mine));
    assertEquals(mine, listed(CollaboratorFilter.ALL, mine));
  }

  @Test
  void keysetPagesListEveryCollaboratorExactlyOnceInIdOrder() {
    List<Collaborator> created = Stream.generate(() -> newCollaborator(Team.SUPPORT)).limit(5).toList();
    Set<Long> mine = created.stream().map(c -> c.id().value()).collect(Collectors.toSet());

    List<Collaborator> all = allPages(p -> repository().list(CollaboratorFilter.ALL, p), 2, c -> c.id().value());

    assertEquals(mine, idsAmong(all, c -> c.id().value(), mine));
    assertTrue(all.containsAll(created), "listed collaborators equal the stored ones");
  }

  private Set<Long> listed(CollaboratorFilter filter, Set<Long> among) {
    return idsAmong(allPages(p -> repository().list(filter, p), 50, c -> c.id().value()), c -> c.id().value(), among);
  }

  private static Set<Long> ids(Collaborator... collaborators) {
    return Stream.of(collaborators).map(c -> c.id().value()).collect(Collectors.toSet());
  }
}
