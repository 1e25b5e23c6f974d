package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.contract.ContractId;
import java.util.Optional;

/** Stores contracts. Saves check the version read (optimistic locking). */
public interface ContractRepository {
  Optional<Contract> findById(ContractId id);

  Optional<ContractView> findView(ContractId id);

  /** Inserts a new contract; returns it with its id and version 1. */
  Contract insert(Contract contract);

  /**
   * Saves a changed contract if its stored version still equals {@code contract.version()}; returns it
   * with the next version, else throws ConcurrentModification.
   */
  Contract update(Contract contract);

  Page<ContractView> list(ContractFilter filter, PageRequest page);
}
