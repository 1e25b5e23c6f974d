package com.epicevents.crm.persistence.internal.repository;

import static com.epicevents.crm.persistence.internal.repository.Times.micros;

import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.ClientRepository;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.CompanyName;
import com.epicevents.crm.domain.common.Email;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.domain.error.NotFound;
import com.epicevents.crm.persistence.internal.mapper.ClientMapper;
import com.epicevents.crm.persistence.internal.mapper.ClientRow;
import com.epicevents.crm.persistence.internal.mapper.Stamp;
import java.util.Objects;
import java.util.Optional;

/** Clients in crm.clients, viewed with their sales contact's name. */
public final class MyBatisClientRepository implements ClientRepository {
  static final String TYPE = "Client";
  private final MyBatisTransactions tx;

  public MyBatisClientRepository(MyBatisTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Optional<Client> findById(ClientId id) {
    return findView(id).map(ClientView::client);
  }

  @Override
  public Optional<ClientView> findView(ClientId id) {
    return Optional.ofNullable(tx.withMapperByKey(ClientMapper.class, m -> m.findById(id.value())))
        .map(MyBatisClientRepository::toView);
  }

  @Override
  public Client insert(Client client) {
    ClientRow row = toRow(client);
    Stamp stamp = tx.withMapper(ClientMapper.class, m -> m.insert(row));
    return toDomain(row.stored(stamp));
  }

  @Override
  public Client update(Client client) {
    ClientId id = Objects.requireNonNull(client.id(), "an update needs the client's id");
    ClientRow row = toRow(client);
    return tx.withMapper(ClientMapper.class, m -> {
      Stamp stamp = m.update(row);
      if (stamp == null) {
        ClientRow current = m.findById(id.value());
        if (current == null) {
          throw new NotFound(TYPE, id.value());
        }
        throw new ConcurrentModification(TYPE, id.value(), toView(current));
      }
      return toDomain(row.stored(stamp));
    });
  }

  @Override
  public Page<ClientView> list(ClientFilter filter, PageRequest page) {
    ClientFilter f = filter == null ? ClientFilter.ALL : filter;
    Long salesContactId = f.salesContactId() == null ? null : f.salesContactId().value();
    if (f.text() != null && f.text().indexOf('\u0000') >= 0) {
      return new Page<>(java.util.List.of(), null); // no stored text holds NUL (PostgreSQL cannot)
    }
    String pattern = TextSearch.containsPattern(f.text());
    var rows = pattern == null
        ? tx.withMapper(ClientMapper.class, m -> m.list(salesContactId, null, page.after(), page.limit() + 1))
        // How many clients a term matches varies by orders of magnitude ("a" against a rare
        // name): a generic plan made for no term in particular took 36 ms instead of 1.7 ms for a
        // rare one (bench/scale-results.md), so a search is planned for its own term each time.
        : tx.inTransaction(() -> tx.withMapper(ClientMapper.class, m -> {
          m.planForTheseValues();
          return m.list(salesContactId, pattern, page.after(), page.limit() + 1);
        }));
    return Page.fromRows(rows, page.limit(), ClientRow::id).map(MyBatisClientRepository::toView);
  }

  static ClientRow toRow(Client c) {
    return new ClientRow(
        c.id() == null ? null : c.id().value(),
        c.fullName().value(),
        c.email() == null ? null : c.email().value(),
        c.phone().value(),
        c.companyName().value(),
        micros(c.createdAt()),
        micros(c.updatedAt()),
        micros(c.lastContactAt()),
        c.salesContactId().value(),
        c.version(),
        null);
  }

  static Client toDomain(ClientRow r) {
    return new Client(
        ClientId.of(r.id()),
        new PersonName(r.fullName()),
        Email.optional(r.email()),
        new Phone(r.phone()),
        new CompanyName(r.companyName()),
        r.createdAt(),
        r.updatedAt(),
        r.lastContactAt(),
        CollaboratorId.of(r.salesContactId()),
        r.version());
  }

  static ClientView toView(ClientRow r) {
    return new ClientView(toDomain(r), r.salesContactName());
  }
}
