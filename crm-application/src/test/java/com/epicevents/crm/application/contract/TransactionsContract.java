package com.epicevents.crm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.epicevents.crm.application.port.out.Transactions;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.CompanyName;
import com.epicevents.crm.domain.common.Team;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What every Transactions does with the repositories of its store: all or nothing. */
public abstract class TransactionsContract extends PortContractSupport {

  private Transactions transactions() {
    return ports().transactions();
  }

  @Test
  void committedWorkIsVisibleAfterwardsAndItsResultReturned() {
    Collaborator sales = newCollaborator(Team.SALES);

    Client inserted = transactions().inTransaction(() -> newClient(sales));

    assertEquals(Optional.of(inserted), ports().clients().findById(inserted.id()));
  }

  @Test
  void workThatFailsLeavesNothingBehind() {
    Collaborator sales = newCollaborator(Team.SALES);
    Client client = newClient(sales);
    AtomicReference<Client> insertedInside = new AtomicReference<>();
    IllegalStateException failure = new IllegalStateException("boom");

    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
      insertedInside.set(newClient(sales));
      ports().clients().update(client.updateDetails(client.fullName(), client.email(), client.phone(),
          new CompanyName("Never Saved"), client.lastContactAt(), at(1)));
      throw failure;
    }));

    assertSame(failure, thrown);
    assertEquals(Optional.empty(), ports().clients().findById(insertedInside.get().id()));
    assertEquals(Optional.of(client), ports().clients().findById(client.id()));
  }

  @Test
  void aNestedUnitJoinsTheOuterOneAndFailsWithIt() {
    Collaborator sales = newCollaborator(Team.SALES);
    AtomicReference<Client> insertedInNested = new AtomicReference<>();

    assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
      transactions().run(() -> insertedInNested.set(newClient(sales)));
      throw new IllegalStateException("outer fails after the nested unit finished");
    }));

    assertEquals(Optional.empty(), ports().clients().findById(insertedInNested.get().id()));
  }

  @Test
  void aNewUnitInsideAnOpenOneStaysCommittedWhenTheOpenOneRollsBack() {
    Collaborator sales = newCollaborator(Team.SALES);
    AtomicReference<Client> insertedInNew = new AtomicReference<>();
    AtomicReference<Client> insertedInOuter = new AtomicReference<>();

    assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
      insertedInOuter.set(newClient(sales));
      insertedInNew.set(transactions().inNewTransaction(() -> newClient(sales)));
      throw new IllegalStateException("the open unit fails after the new one committed");
    }));

    assertEquals(Optional.of(insertedInNew.get()), ports().clients().findById(insertedInNew.get().id()));
    assertEquals(Optional.empty(), ports().clients().findById(insertedInOuter.get().id()));
  }

  @Test
  void theOpenUnitCarriesOnAfterANewUnitAndCommitsItsOwnWork() {
    Collaborator sales = newCollaborator(Team.SALES);

    Client[] both = transactions().inTransaction(() -> {
      Client before = newClient(sales);
      transactions().inNewTransaction(() -> newClient(sales));
      Client after = newClient(sales);
      assertEquals(Optional.of(before), ports().clients().findById(before.id()));
      return new Client[] {before, after};
    });

    assertEquals(Optional.of(both[0]), ports().clients().findById(both[0].id()));
    assertEquals(Optional.of(both[1]), ports().clients().findById(both[1].id()));
  }

  @Test
  void workSeesItsOwnChangesBeforeCommitting() {
    Collaborator sales = newCollaborator(Team.SALES);

    transactions().run(() -> {
      Client inserted = newClient(sales);
      assertEquals(Optional.of(inserted), ports().clients().findById(inserted.id()));
    });
  }
}
