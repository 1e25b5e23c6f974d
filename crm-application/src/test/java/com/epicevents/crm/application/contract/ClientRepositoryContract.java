package com.epicevents.crm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.ClientRepository;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.CompanyName;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.domain.error.NotFound;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What every ClientRepository does, whatever stores it. */
public abstract class ClientRepositoryContract extends PortContractSupport {

  private ClientRepository repository() {
    return ports().clients();
  }

  @Test
  void insertAssignsAnIdAndVersionOneAndFindByIdReturnsTheSameClient() {
    Client inserted = newClient(newCollaborator(Team.SALES));

    assertNotNull(inserted.id());
    assertEquals(1, inserted.version());
    assertEquals(Optional.of(inserted), repository().findById(inserted.id()));
  }

  @Test
  void theViewCarriesTheSalesContactsName() {
    Collaborator sales = newCollaborator(Team.SALES);
    Client inserted = newClient(sales);

    assertEquals(Optional.of(new ClientView(inserted, sales.fullName().value())), repository().findView(inserted.id()));
  }

  @Test
  void unknownIdFindsNothing() {
    assertEquals(Optional.empty(), repository().findById(ClientId.of(987_654_321_000L)));
    assertEquals(Optional.empty(), repository().findView(ClientId.of(987_654_321_000L)));
  }

  @Test
  void updateSavesTheChangeAndBumpsTheVersion() {
    Client inserted = newClient(newCollaborator(Team.SALES));
    Client changed = inserted.updateDetails(new PersonName("New Name"), null, new Phone("0700000000"),
        new CompanyName("New Company"), NOW.minusSeconds(60), at(5));

    Client saved = repository().update(changed);

    assertEquals(2, saved.version());
    assertEquals(at(5), saved.updatedAt());
    assertEquals(Optional.of(saved), repository().findById(inserted.id()));
  }

  @Test
  void reassigningTheSalesContactShowsTheNewNameInTheView() {
    Client inserted = newClient(newCollaborator(Team.SALES));
    Collaborator other = newCollaborator(Team.SALES);

    Client saved = repository().update(inserted.reassignTo(other, at(1)));

    assertEquals(Optional.of(new ClientView(saved, other.fullName().value())), repository().findView(inserted.id()));
  }

  @Test
  void updateWithAStaleVersionIsRefusedWithTheCurrentViewAndChangesNothing() {
    Collaborator sales = newCollaborator(Team.SALES);
    Client inserted = newClient(sales);
    Client current = repository().update(inserted.updateDetails(inserted.fullName(), inserted.email(),
        inserted.phone(), new CompanyName("First Writer"), inserted.lastContactAt(), at(1)));
    Client stale = inserted.updateDetails(inserted.fullName(), inserted.email(), inserted.phone(),
        new CompanyName("Second Writer"), inserted.lastContactAt(), at(2));

    ConcurrentModification conflict = assertThrows(ConcurrentModification.class, () -> repository().update(stale));

    assertEquals(inserted.id().value(), conflict.id());
    assertTrue("client".equalsIgnoreCase(conflict.entityType()));
    assertEquals(new ClientView(current, sales.fullName().value()), conflict.current());
    assertEquals(Optional.of(current), repository().findById(inserted.id()));
  }

  @Test
  void updateOfAnUnknownClientIsNotFound() {
    Client ghost = newClient(newCollaborator(Team.SALES)).stored(ClientId.of(987_654_321_000L), 1, NOW);

    assertThrows(NotFound.class, () -> repository().update(ghost));
  }

  @Test
  void listFiltersBySalesContact() {
    Collaborator mine = newCollaborator(Team.SALES);
    Client a = newClient(mine);
    Client b = newClient(mine);
    Client other = newClient(newCollaborator(Team.SALES));

    List<ClientView> listed = allPages(p -> repository().list(new ClientFilter(mine.id(), null), p), 50, ClientRepositoryContract::id);

    assertEquals(ids(a, b), listed.stream().map(ClientRepositoryContract::id).collect(Collectors.toSet()));
    assertTrue(listed.stream().allMatch(v -> v.salesContactName().equals(mine.fullName().value())));
    assertTrue(idsAmong(allPages(p -> repository().list(ClientFilter.ALL, p), 50, ClientRepositoryContract::id),
        ClientRepositoryContract::id, ids(other)).contains(other.id().value()));
  }

  @Test
  void textSearchMatchesNameCompanyOrEmailAnywhereIgnoringCase() {
    Collaborator sales = newCollaborator(Team.SALES);
    Client byName = newClient(sales, "Kévin Casey-Blue", "Alpha Events");
    Client byCompany = newClient(sales, "Anna Stone", "Blue Lagoon Parties");
    Client none = newClient(sales, "Bob Marley", "Reggae Corp");

    assertEquals(ids(byName, byCompany), search(sales, "bLuE"));
    assertEquals(ids(byName), search(sales, "kévin casey"));
    assertEquals(ids(none), search(sales, "REGGAE"));
    String email = byCompany.email().value();
    String emailPart = email.substring(2, email.indexOf('@') + 4).toUpperCase(java.util.Locale.ROOT);
    assertEquals(ids(byCompany), search(sales, emailPart));
    assertEquals(ids(byName, byCompany, none), search(sales, null));
  }

  @Test
  void textSearchTakesWildcardsLiterally() {
    Collaborator sales = newCollaborator(Team.SALES);
    Client percent = newClient(sales, "Percy", "Fun 100% Party");
    Client digits = newClient(sales, "Percy", "Fun 1000 Party");
    Client underscore = newClient(sales, "Under_Score", "Plain");
    Client letter = newClient(sales, "UnderXScore", "Plain");

    assertEquals(ids(percent), search(sales, "100%"));
    assertEquals(ids(underscore), search(sales, "r_s"));
    assertEquals(ids(percent), search(sales, "%"));
    assertEquals(ids(), search(sales, "_x_"));
    assertEquals(ids(percent, digits), search(sales, "Fun 10"));
    assertEquals(ids(letter), search(sales, "rxs"));
  }

  @Test
  void keysetPagesListEveryClientExactlyOnceInIdOrder() {
    Collaborator sales = newCollaborator(Team.SALES);
    List<Client> created = Stream.generate(() -> newClient(sales)).limit(7).toList();
    Set<Long> mine = created.stream().map(c -> c.id().value()).collect(Collectors.toSet());

    List<ClientView> all = allPages(p -> repository().list(ClientFilter.ALL, p), 3, ClientRepositoryContract::id);
    List<ClientView> filtered = allPages(p -> repository().list(new ClientFilter(sales.id(), null), p), 2,
        ClientRepositoryContract::id);

    assertEquals(mine, idsAmong(all, ClientRepositoryContract::id, mine));
    assertEquals(created, filtered.stream().map(ClientView::client).toList());
  }

  private Set<Long> search(Collaborator sales, String text) {
    return allPages(p -> repository().list(new ClientFilter(sales.id(), text), p), 50, ClientRepositoryContract::id)
        .stream().map(ClientRepositoryContract::id).collect(Collectors.toSet());
  }

  private static long id(ClientView view) {
    return view.client().id().value();
  }

  private static Set<Long> ids(Client... clients) {
    return Stream.of(clients).map(c -> c.id().value()).collect(Collectors.toSet());
  }
}
