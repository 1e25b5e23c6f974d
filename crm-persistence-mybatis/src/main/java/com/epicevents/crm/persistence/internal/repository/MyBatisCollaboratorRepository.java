package com.epicevents.crm.persistence.internal.repository;

import static com.epicevents.crm.persistence.internal.repository.Times.micros;

import com.epicevents.crm.application.port.out.CollaboratorFilter;
import com.epicevents.crm.application.port.out.CollaboratorRepository;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.collaborator.Username;
import com.epicevents.crm.domain.common.Email;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.domain.error.NotFound;
import com.epicevents.crm.persistence.internal.mapper.CollaboratorMapper;
import com.epicevents.crm.persistence.internal.mapper.CollaboratorRow;
import com.epicevents.crm.persistence.internal.mapper.Stamp;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** Collaborators in crm.collaborators. */
public final class MyBatisCollaboratorRepository implements CollaboratorRepository {
  static final String TYPE = "Collaborator";
  private static final Pattern POSSIBLE_USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,50}");
  private final MyBatisTransactions tx;

  public MyBatisCollaboratorRepository(MyBatisTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Optional<Collaborator> findById(CollaboratorId id) {
    return Optional.ofNullable(tx.withMapper(CollaboratorMapper.class, m -> m.findById(id.value())))
        .map(MyBatisCollaboratorRepository::toDomain);
  }

  @Override
  public Optional<Collaborator> findByUsername(String username) {
    if (username == null || !POSSIBLE_USERNAME.matcher(username.strip()).matches()) {
      return Optional.empty(); // no stored username has this shape (CHECK), and NUL could not even be sent
    }
    String key = username.strip();
    return Optional.ofNullable(tx.withMapper(CollaboratorMapper.class, m -> m.findByUsername(key)))
        .map(MyBatisCollaboratorRepository::toDomain);
  }

  @Override
  public boolean emailTaken(Email email, CollaboratorId except) {
    Objects.requireNonNull(email, "email");
    Long exceptId = except == null ? null : except.value();
    return tx.withMapper(CollaboratorMapper.class, m -> m.emailTaken(email.value(), exceptId));
  }

  @Override
  public Collaborator insert(Collaborator collaborator) {
    CollaboratorRow row = toRow(collaborator);
    Stamp stamp = tx.withMapper(CollaboratorMapper.class, m -> m.insert(row));
    return toDomain(row.stored(stamp));
  }

  @Override
  public Collaborator update(Collaborator collaborator) {
    CollaboratorId id = Objects.requireNonNull(collaborator.id(), "an update needs the collaborator's id");
    CollaboratorRow row = toRow(collaborator);
    return tx.withMapper(CollaboratorMapper.class, m -> {
      Stamp stamp = m.update(row);
      if (stamp == null) {
        CollaboratorRow current = m.findById(id.value());
        if (current == null) {
          throw new NotFound(TYPE, id.value());
        }
        throw new ConcurrentModification(TYPE, id.value(), toDomain(current));
      }
      return toDomain(row.stored(stamp));
    });
  }

  /**
   * Locks the active managers' rows until the unit of work ends, so two managers demoting or
   * deactivating each other at once cannot both pass the "last active manager" rule.
   */
  @Override
  public long countActiveManagers() {
    return tx.<CollaboratorMapper, Integer>withMapper(CollaboratorMapper.class, m -> m.lockActiveManagers().size());
  }

  @Override
  public Page<Collaborator> list(CollaboratorFilter filter, PageRequest page) {
    CollaboratorFilter f = filter == null ? CollaboratorFilter.ALL : filter;
    String team = f.team() == null ? null : f.team().name();
    var rows = tx.withMapper(CollaboratorMapper.class,
        m -> m.list(team, f.active(), page.after(), page.limit() + 1));
    return Page.fromRows(rows, page.limit(), CollaboratorRow::id).map(MyBatisCollaboratorRepository::toDomain);
  }

  static CollaboratorRow toRow(Collaborator c) {
    return new CollaboratorRow(
        c.id() == null ? null : c.id().value(),
        c.username().value(),
        c.fullName().value(),
        c.email() == null ? null : c.email().value(),
        c.phone().value(),
        c.team().name(),
        c.active(),
        c.passwordHash(),
        micros(c.createdAt()),
        micros(c.updatedAt()),
        c.version());
  }

  static Collaborator toDomain(CollaboratorRow r) {
    return new Collaborator(
        CollaboratorId.of(r.id()),
        new Username(r.username()),
        new PersonName(r.fullName()),
        Email.optional(r.email()),
        new Phone(r.phone()),
        Team.valueOf(r.team()),
        r.active(),
        r.passwordHash(),
        r.createdAt(),
        r.updatedAt(),
        r.version());
  }
}
