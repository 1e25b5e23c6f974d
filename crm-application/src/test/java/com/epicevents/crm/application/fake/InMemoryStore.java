package com.epicevents.crm.application.fake;

import com.epicevents.crm.application.port.out.ApiKey;
import com.epicevents.crm.application.port.out.ChangeRecord;
import com.epicevents.crm.application.port.out.LoginAttempts;
import com.epicevents.crm.application.port.out.Session;
import com.epicevents.crm.application.port.out.Transactions;
import com.epicevents.crm.application.port.out.WebhookDelivery;
import com.epicevents.crm.application.port.out.WebhookSubscription;
import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.event.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * All in-memory tables behind the fake ports, with real transactions: a unit of work holds one
 * lock (so units run one at a time, like SERIALIZABLE) and is rolled back on any exception by
 * restoring a snapshot. Records are immutable, so copying the maps copies the data.
 */
public final class InMemoryStore implements Transactions {
  final ReentrantLock lock = new ReentrantLock();
  TreeMap<Long, Collaborator> collaborators = new TreeMap<>();
  TreeMap<Long, Client> clients = new TreeMap<>();
  TreeMap<Long, Contract> contracts = new TreeMap<>();
  TreeMap<Long, Event> events = new TreeMap<>();
  TreeMap<Long, Session> sessions = new TreeMap<>();
  Map<String, LoginAttempts> loginAttempts = new HashMap<>();
  List<AuditEntry> audit = new ArrayList<>();
  List<ChangeRecord> changes = new ArrayList<>();
  TreeMap<Long, WebhookSubscription> webhooks = new TreeMap<>();
  TreeMap<Long, WebhookDelivery> deliveries = new TreeMap<>();
  Map<String, InMemoryWebhookStore.StoredEvent> webhookEvents = new HashMap<>();
  TreeMap<Long, ApiKey> apiKeys = new TreeMap<>();
  Map<String, com.epicevents.crm.application.port.out.IdempotencyRecord> idempotency = new HashMap<>();
  long nextId = 1;
  private final List<Runnable> afterCommit = new ArrayList<>();
  /** What independent units changed while an outer unit was open (before, after): kept if the outer one rolls back. */
  private final List<Snapshot[]> independent = new ArrayList<>();

  private final InMemoryCollaboratorRepository collaboratorRepository = new InMemoryCollaboratorRepository(this);
  private final InMemoryClientRepository clientRepository = new InMemoryClientRepository(this);
  private final InMemoryContractRepository contractRepository = new InMemoryContractRepository(this);
  private final InMemoryEventRepository eventRepository = new InMemoryEventRepository(this);
  private final InMemorySessionStore sessionStore = new InMemorySessionStore(this);
  private final InMemoryApiKeyStore apiKeyStore = new InMemoryApiKeyStore(this);
  private final InMemoryLoginAttemptStore loginAttemptStore = new InMemoryLoginAttemptStore(this);
  private final InMemoryAuditTrail auditTrail = new InMemoryAuditTrail(this);
  private final InMemoryChangeSignals changeSignals = new InMemoryChangeSignals();
  private final InMemoryWebhookStore webhookStore = new InMemoryWebhookStore(this);
  private final InMemoryChangeLog changeLog = new InMemoryChangeLog(this, webhookStore, changeSignals);
  private final InMemoryIdempotencyStore idempotencyStore = new InMemoryIdempotencyStore(this);

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    List<Runnable> committed;
    T result;
    lock.lock();
    try {
      if (lock.getHoldCount() > 1) {
        return work.get();
      }
      Snapshot before = snapshot();
      try {
        result = work.get();
      } catch (RuntimeException | Error e) {
        restore(before);
        afterCommit.clear();
        List<Snapshot[]> done = List.copyOf(independent);
        independent.clear();
        done.forEach(d -> reapply(d[0], d[1])); // committed on their own: their changes stay
        throw e;
      }
      committed = List.copyOf(afterCommit);
      afterCommit.clear();
      independent.clear();
    } finally {
      lock.unlock();
    }
    committed.forEach(Runnable::run);
    return result;
  }

  /**
   * Inside an open unit: runs the work at once and, should the open unit roll back, again on the
   * restored state, so that its effect stays as if it had committed on its own.
   */
  @Override
  public <T> T inNewTransaction(Supplier<T> work) {
    if (!lock.isHeldByCurrentThread()) {
      return inTransaction(work);
    }
    Snapshot before = snapshot();
    T result = work.get();
    independent.add(new Snapshot[] {before, snapshot()});
    return result;
  }

  /** Applies to the current tables what changed from {@code before} to {@code after}. */
  private void reapply(Snapshot before, Snapshot after) {
    diff(collaborators, before.collaborators(), after.collaborators());
    diff(clients, before.clients(), after.clients());
    diff(contracts, before.contracts(), after.contracts());
    diff(events, before.events(), after.events());
    diff(sessions, before.sessions(), after.sessions());
    diff(loginAttempts, before.loginAttempts(), after.loginAttempts());
    diff(webhooks, before.webhooks(), after.webhooks());
    diff(deliveries, before.deliveries(), after.deliveries());
    diff(webhookEvents, before.webhookEvents(), after.webhookEvents());
    diff(idempotency, before.idempotency(), after.idempotency());
    audit.addAll(after.audit().subList(before.audit().size(), after.audit().size()));
    changes.addAll(after.changes().subList(before.changes().size(), after.changes().size()));
    nextId = Math.max(nextId, after.nextId());
  }

  private static <K, V> void diff(Map<K, V> target, Map<K, V> before, Map<K, V> after) {
    after.forEach((k, v) -> {
      if (!before.containsKey(k) || !java.util.Objects.equals(before.get(k), v)) {
        target.put(k, v);
      }
    });
    before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(target::remove);
  }

  /** Runs {@code action} once the current unit of work has committed (never if it rolls back). */
  void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  /** Runs a repository call in its own unit of work when none is open. */
  <T> T locked(Supplier<T> work) {
    return inTransaction(work);
  }

  long nextId() {
    return nextId++;
  }

  public InMemoryCollaboratorRepository collaborators() {
    return collaboratorRepository;
  }

  public InMemoryClientRepository clients() {
    return clientRepository;
  }

  public InMemoryContractRepository contracts() {
    return contractRepository;
  }

  public InMemoryEventRepository events() {
    return eventRepository;
  }

  public InMemorySessionStore sessions() {
    return sessionStore;
  }

  public InMemoryApiKeyStore apiKeys() {
    return apiKeyStore;
  }

  public InMemoryLoginAttemptStore loginAttempts() {
    return loginAttemptStore;
  }

  public InMemoryAuditTrail auditTrail() {
    return auditTrail;
  }

  public InMemoryChangeLog changeLog() {
    return changeLog;
  }

  public InMemoryChangeSignals changeSignals() {
    return changeSignals;
  }

  public InMemoryWebhookStore webhooks() {
    return webhookStore;
  }

  public InMemoryIdempotencyStore idempotency() {
    return idempotencyStore;
  }

  /** Everything stored, for tests that prove a refusal changed nothing. */
  public Snapshot snapshot() {
    return locked(() -> new Snapshot(new TreeMap<>(collaborators), new TreeMap<>(clients), new TreeMap<>(contracts),
        new TreeMap<>(events), new TreeMap<>(sessions), new HashMap<>(loginAttempts), new ArrayList<>(audit), nextId,
        new ArrayList<>(changes), new TreeMap<>(webhooks), new TreeMap<>(deliveries), new HashMap<>(webhookEvents), new TreeMap<>(apiKeys),
        new HashMap<>(idempotency)));
  }

  private void restore(Snapshot s) {
    collaborators = new TreeMap<>(s.collaborators());
    clients = new TreeMap<>(s.clients());
    contracts = new TreeMap<>(s.contracts());
    events = new TreeMap<>(s.events());
    sessions = new TreeMap<>(s.sessions());
    loginAttempts = new HashMap<>(s.loginAttempts());
    audit = new ArrayList<>(s.audit());
    nextId = s.nextId();
    changes = new ArrayList<>(s.changes());
    webhooks = new TreeMap<>(s.webhooks());
    deliveries = new TreeMap<>(s.deliveries());
    webhookEvents = new HashMap<>(s.webhookEvents());
    apiKeys = new TreeMap<>(s.apiKeys());
    idempotency = new HashMap<>(s.idempotency());
  }

  /** A copy of all tables at one moment. */
  public record Snapshot(
      Map<Long, Collaborator> collaborators, Map<Long, Client> clients, Map<Long, Contract> contracts,
      Map<Long, Event> events, Map<Long, Session> sessions, Map<String, LoginAttempts> loginAttempts,
      List<AuditEntry> audit, long nextId, List<ChangeRecord> changes, Map<Long, WebhookSubscription> webhooks,
      Map<Long, WebhookDelivery> deliveries, Map<String, InMemoryWebhookStore.StoredEvent> webhookEvents,
      Map<Long, ApiKey> apiKeys,
      Map<String, com.epicevents.crm.application.port.out.IdempotencyRecord> idempotency) {

    /** The business records only (no sessions, counters or audit). */
    public List<Object> businessRecords() {
      List<Object> all = new ArrayList<>();
      all.addAll(collaborators.values());
      all.addAll(clients.values());
      all.addAll(contracts.values());
      all.addAll(events.values());
      return all;
    }
  }
}
