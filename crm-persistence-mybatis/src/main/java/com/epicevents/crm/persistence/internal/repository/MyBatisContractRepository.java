package com.epicevents.crm.persistence.internal.repository;

import static com.epicevents.crm.persistence.internal.repository.Times.micros;

import com.epicevents.crm.application.port.out.ContractFilter;
import com.epicevents.crm.application.port.out.ContractRepository;
import com.epicevents.crm.application.port.out.ContractView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Money;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.contract.ContractId;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.domain.error.NotFound;
import com.epicevents.crm.persistence.internal.mapper.ContractMapper;
import com.epicevents.crm.persistence.internal.mapper.ContractRow;
import com.epicevents.crm.persistence.internal.mapper.Stamp;
import java.util.Objects;
import java.util.Optional;

/** Contracts in crm.contracts; their sales contact is read from the client. */
public final class MyBatisContractRepository implements ContractRepository {
  static final String TYPE = "Contract";
  private final MyBatisTransactions tx;

  public MyBatisContractRepository(MyBatisTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Optional<Contract> findById(ContractId id) {
    return findView(id).map(ContractView::contract);
  }

  @Override
  public Optional<ContractView> findView(ContractId id) {
    return Optional.ofNullable(tx.withMapperByKey(ContractMapper.class, m -> m.findById(id.value())))
        .map(MyBatisContractRepository::toView);
  }

  @Override
  public Contract insert(Contract contract) {
    ContractRow row = toRow(contract);
    Stamp stamp = tx.withMapper(ContractMapper.class, m -> m.insert(row));
    return toDomain(row.stored(stamp));
  }

  @Override
  public Contract update(Contract contract) {
    ContractId id = Objects.requireNonNull(contract.id(), "an update needs the contract's id");
    ContractRow row = toRow(contract);
    return tx.withMapper(ContractMapper.class, m -> {
      Stamp stamp = m.update(row);
      if (stamp == null) {
        ContractRow current = m.findById(id.value());
        if (current == null) {
          throw new NotFound(TYPE, id.value());
        }
        throw new ConcurrentModification(TYPE, id.value(), toView(current));
      }
      return toDomain(row.stored(stamp));
    });
  }

  @Override
  public Page<ContractView> list(ContractFilter filter, PageRequest page) {
    ContractFilter f = filter == null ? ContractFilter.ALL : filter;
    Long clientId = f.clientId() == null ? null : f.clientId().value();
    Long salesContactId = f.salesContactId() == null ? null : f.salesContactId().value();
    var rows = tx.withMapper(ContractMapper.class,
        m -> m.list(clientId, f.signed(), f.fullyPaid(), salesContactId, page.after(), page.limit() + 1));
    return Page.fromRows(rows, page.limit(), ContractRow::id).map(MyBatisContractRepository::toView);
  }

  static ContractRow toRow(Contract c) {
    return new ContractRow(
        c.id() == null ? null : c.id().value(),
        c.clientId().value(),
        c.totalAmount().amount(),
        c.amountDue().amount(),
        c.signed(),
        micros(c.signedAt()),
        micros(c.createdAt()),
        micros(c.updatedAt()),
        c.version(),
        null,
        null);
  }

  static Contract toDomain(ContractRow r) {
    return new Contract(
        ContractId.of(r.id()),
        ClientId.of(r.clientId()),
        new Money(r.totalAmount()),
        new Money(r.amountDue()),
        r.signed(),
        r.signedAt(),
        r.createdAt(),
        r.updatedAt(),
        r.version());
  }

  static ContractView toView(ContractRow r) {
    return new ContractView(toDomain(r), r.clientName(), CollaboratorId.of(r.salesContactId()));
  }
}
