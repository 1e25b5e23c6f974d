package com.epicevents.crm.application.port.in;

import com.epicevents.crm.application.port.out.ContractFilter;
import com.epicevents.crm.application.port.out.ContractView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.contract.ContractId;

/** Every active collaborator reads all contracts, filtered by client, signature, payment or sales contact. */
public interface ViewContractsUseCase {
  ContractView get(AuthToken token, ContractId id);

  Page<ContractView> list(AuthToken token, ContractFilter filter, PageRequest page);
}
