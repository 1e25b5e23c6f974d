package com.epicevents.crm.application.fake;

import com.epicevents.crm.application.port.out.ContractFilter;
import com.epicevents.crm.application.port.out.ContractRepository;
import com.epicevents.crm.application.port.out.ContractView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.contract.ContractId;
import com.epicevents.crm.domain.error.BusinessRuleViolated;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.domain.error.NotFound;
import com.epicevents.crm.domain.error.ValidationFailed;
import java.util.Optional;

public final class InMemoryContractRepository implements ContractRepository {
  private final InMemoryStore store;

  InMemoryContractRepository(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public Optional<Contract> findById(ContractId id) {
    return store.locked(() -> Optional.ofNullable(store.contracts.get(id.value())));
  }

  @Override
  public Optional<ContractView> findView(ContractId id) {
    return store.locked(() -> Optional.ofNullable(store.contracts.get(id.value())).map(this::view));
  }

  @Override
  public Contract insert(Contract contract) {
    return store.locked(() -> {
      if (!store.clients.containsKey(contract.clientId().value())) {
        throw ValidationFailed.of("clientId", "no client with id " + contract.clientId());
      }
      long id = store.nextId();
      Contract stored = contract.stored(new ContractId(id), 1, contract.updatedAt());
      store.contracts.put(id, stored);
      return stored;
    });
  }

  @Override
  public Contract update(Contract contract) {
    return store.locked(() -> {
      long id = contract.id().value();
      Contract current = store.contracts.get(id);
      if (current == null) {
        throw new NotFound("CONTRACT", id);
      }
      if (current.version() != contract.version()) {
        throw new ConcurrentModification("CONTRACT", id, view(current));
      }
      // the database trigger's rule, kept here too so the fake cannot accept what PostgreSQL refuses
      if (current.signed() && (!contract.signed() || !current.signedAt().equals(contract.signedAt()))) {
        throw new BusinessRuleViolated("signed", "a signed contract cannot be marked as unsigned");
      }
      Contract stored = contract.stored(contract.id(), current.version() + 1, contract.updatedAt());
      store.contracts.put(id, stored);
      return stored;
    });
  }

  @Override
  public Page<ContractView> list(ContractFilter filter, PageRequest page) {
    return store.locked(() -> Paging.page(store.contracts,
        c -> (filter.clientId() == null || c.clientId().equals(filter.clientId()))
            && (filter.signed() == null || c.signed() == filter.signed())
            && (filter.fullyPaid() == null || c.fullyPaid() == filter.fullyPaid())
            && (filter.salesContactId() == null || client(c).salesContactId().equals(filter.salesContactId())),
        page, c -> c.id().value()).map(this::view));
  }

  private Client client(Contract c) {
    return store.clients.get(c.clientId().value());
  }

  ContractView view(Contract c) {
    Client client = client(c);
    return new ContractView(c, client.fullName().value(), client.salesContactId());
  }
}
