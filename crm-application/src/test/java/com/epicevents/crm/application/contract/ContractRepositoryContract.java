package com.epicevents.crm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.out.ContractFilter;
import com.epicevents.crm.application.port.out.ContractRepository;
import com.epicevents.crm.application.port.out.ContractView;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Money;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.contract.ContractId;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.domain.error.NotFound;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What every ContractRepository does, whatever stores it. */
public abstract class ContractRepositoryContract extends PortContractSupport {

  private ContractRepository repository() {
    return ports().contracts();
  }

  @Test
  void insertAssignsAnIdAndVersionOneAndFindByIdReturnsTheSameContract() {
    Contract unsigned = newContract(newClient(newCollaborator(Team.SALES)), false, "2500.50", "2500.50");
    Contract signed = newContract(newClient(newCollaborator(Team.SALES)), true, "0.00", "0.00");

    assertNotNull(unsigned.id());
    assertEquals(1, unsigned.version());
    assertEquals(Optional.of(unsigned), repository().findById(unsigned.id()));
    assertEquals(Optional.of(signed), repository().findById(signed.id()));
    assertEquals(NOW, signed.signedAt());
  }

  @Test
  void theViewCarriesTheClientsNameAndSalesContact() {
    Collaborator sales = newCollaborator(Team.SALES);
    Client client = newClient(sales);
    Contract contract = newSignedContract(client);

    assertEquals(Optional.of(new ContractView(contract, client.fullName().value(), sales.id())),
        repository().findView(contract.id()));
  }

  @Test
  void theSalesContactFollowsTheClientWhenTheClientIsReassigned() {
    Client client = newClient(newCollaborator(Team.SALES));
    Contract contract = newSignedContract(client);
    Collaborator newSales = newCollaborator(Team.SALES);

    ports().clients().update(client.reassignTo(newSales, at(1)));

    assertEquals(newSales.id(), repository().findView(contract.id()).orElseThrow().salesContactId());
    assertEquals(Set.of(contract.id().value()),
        listed(new ContractFilter(null, null, null, newSales.id())));
  }

  @Test
  void unknownIdFindsNothing() {
    assertEquals(Optional.empty(), repository().findById(ContractId.of(987_654_321_000L)));
    assertEquals(Optional.empty(), repository().findView(ContractId.of(987_654_321_000L)));
  }

  @Test
  void updateSavesAmountsAndSigningAndBumpsTheVersion() {
    Contract inserted = newContract(newClient(newCollaborator(Team.SALES)), false, "100.00", "100.00");

    Contract paid = repository().update(inserted.changeAmounts(Money.of("120.00"), Money.of("20.10"), at(1)));
    Contract signed = repository().update(paid.sign(at(2)));

    assertEquals(2, paid.version());
    assertEquals(3, signed.version());
    assertEquals(at(2), signed.signedAt());
    assertEquals(Optional.of(signed), repository().findById(inserted.id()));
  }

  @Test
  void updateWithAStaleVersionIsRefusedWithTheCurrentViewAndChangesNothing() {
    Collaborator sales = newCollaborator(Team.SALES);
    Client client = newClient(sales);
    Contract inserted = newContract(client, false, "100.00", "100.00");
    Contract current = repository().update(inserted.changeAmounts(Money.of("100.00"), Money.of("50.00"), at(1)));
    Contract stale = inserted.changeAmounts(Money.of("100.00"), Money.of("0.00"), at(2));

    ConcurrentModification conflict = assertThrows(ConcurrentModification.class, () -> repository().update(stale));

    assertEquals(inserted.id().value(), conflict.id());
    assertTrue("contract".equalsIgnoreCase(conflict.entityType()));
    assertEquals(new ContractView(current, client.fullName().value(), sales.id()), conflict.current());
    assertEquals(Optional.of(current), repository().findById(inserted.id()));
  }

  @Test
  void updateOfAnUnknownContractIsNotFound() {
    Contract ghost = newSignedContract(newClient(newCollaborator(Team.SALES)))
        .stored(ContractId.of(987_654_321_000L), 1, NOW);

    assertThrows(NotFound.class, () -> repository().update(ghost));
  }

  @Test
  void listFiltersByClientSignatureFullPaymentAndSalesContact() {
    Collaborator sales = newCollaborator(Team.SALES);
    Client client = newClient(sales);
    Client otherClient = newClient(sales);
    Contract unsignedDue = newContract(client, false, "100.00", "40.00");
    Contract unsignedPaid = newContract(client, false, "100.00", "0.00");
    Contract signedDue = newContract(otherClient, true, "100.00", "100.00");
    Contract signedPaid = newContract(otherClient, true, "0.00", "0.00");
    Contract elsewhere = newSignedContract(newClient(newCollaborator(Team.SALES)));
    Set<Long> mine = ids(unsignedDue, unsignedPaid, signedDue, signedPaid);

    assertEquals(mine, listed(new ContractFilter(null, null, null, sales.id())));
    assertEquals(ids(unsignedDue, unsignedPaid), listed(new ContractFilter(client.id(), null, null, null)));
    assertEquals(ids(unsignedDue, unsignedPaid), listed(new ContractFilter(null, false, null, sales.id())));
    assertEquals(ids(signedDue, signedPaid), listed(new ContractFilter(null, true, null, sales.id())));
    assertEquals(ids(unsignedPaid, signedPaid), listed(new ContractFilter(null, null, true, sales.id())));
    assertEquals(ids(unsignedDue, signedDue), listed(new ContractFilter(null, null, false, sales.id())));
    assertEquals(ids(signedDue), listed(new ContractFilter(otherClient.id(), true, false, sales.id())));
    assertEquals(ids(unsignedDue, unsignedPaid), idsAmong(allPages(
        p -> repository().list(new ContractFilter(null, false, null, null), p), 50, ContractRepositoryContract::id),
        ContractRepositoryContract::id, union(mine, ids(elsewhere))));
  }

  @Test
  void listedViewsCarryTheClientAndSalesContact() {
    Collaborator sales = newCollaborator(Team.SALES);
    Client client = newClient(sales);
    Contract contract = newSignedContract(client);

    List<ContractView> listed = repository().list(new ContractFilter(client.id(), null, null, null),
        com.epicevents.crm.application.port.out.PageRequest.first(10)).items();

    assertEquals(List.of(new ContractView(contract, client.fullName().value(), sales.id())), listed);
  }

  @Test
  void keysetPagesListEveryContractExactlyOnceInIdOrder() {
    Client client = newClient(newCollaborator(Team.SALES));
    List<Contract> created = Stream.generate(() -> newSignedContract(client)).limit(5).toList();
    Set<Long> mine = created.stream().map(c -> c.id().value()).collect(Collectors.toSet());

    List<ContractView> all = allPages(p -> repository().list(ContractFilter.ALL, p), 2, ContractRepositoryContract::id);
    List<ContractView> filtered = allPages(
        p -> repository().list(new ContractFilter(client.id(), null, null, null), p), 2, ContractRepositoryContract::id);

    assertEquals(mine, idsAmong(all, ContractRepositoryContract::id, mine));
    assertEquals(created, filtered.stream().map(ContractView::contract).toList());
  }

  private Set<Long> listed(ContractFilter filter) {
    return allPages(p -> repository().list(filter, p), 50, ContractRepositoryContract::id)
        .stream().map(ContractRepositoryContract::id).collect(Collectors.toSet());
  }

  private static long id(ContractView view) {
    return view.contract().id().value();
  }

  private static Set<Long> ids(Contract... contracts) {
    return Stream.of(contracts).map(c -> c.id().value()).collect(Collectors.toSet());
  }

  private static Set<Long> union(Set<Long> a, Set<Long> b) {
    return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
  }
}
