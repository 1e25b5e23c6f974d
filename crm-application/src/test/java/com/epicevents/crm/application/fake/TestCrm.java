package com.epicevents.crm.application.fake;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.LogInUseCase;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.application.service.CorePorts;
import com.epicevents.crm.application.service.CrmServices;
import com.epicevents.crm.application.service.IdempotencySettings;
import com.epicevents.crm.application.service.SecuritySettings;
import com.epicevents.crm.application.service.WebhookSettings;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.collaborator.Username;
import com.epicevents.crm.domain.common.CompanyName;
import com.epicevents.crm.domain.common.Email;
import com.epicevents.crm.domain.common.Money;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.contract.ContractId;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.domain.event.EventDetails;
import com.epicevents.crm.domain.event.EventId;
import com.epicevents.crm.domain.event.Schedule;
import java.time.Duration;
import java.time.Instant;

/**
 * The whole core over in-memory ports, with seeding shortcuts that write straight to the store
 * (bypassing the use cases) so a test sets up exactly the state it needs.
 */
public final class TestCrm {
  /** The password every seeded collaborator has. */
  public static final String PASSWORD = "Tr1cky-but-long-enough";
  public static final Instant START = Instant.parse("2027-01-15T09:00:00Z");

  public final InMemoryStore store = new InMemoryStore();
  public final MutableClock clock = new MutableClock(START);
  public final FakePasswordHasher hasher = new FakePasswordHasher();
  public final RecordingErrorReporter reporter = new RecordingErrorReporter();
  public final RecordingWebhookSender webhookSender = new RecordingWebhookSender();
  /** A DNS of fixed answers: {@code hosts.put("name", "1.2.3.4")}; IP literals resolve to themselves. */
  public final FakeHostResolver hosts = new FakeHostResolver();
  public final CorePorts ports;
  public final UseCases useCases;

  public TestCrm() {
    this(SecuritySettings.DEFAULTS);
  }

  public TestCrm(SecuritySettings settings) {
    this(settings, new WebhookSettings(false));
  }

  public TestCrm(SecuritySettings settings, WebhookSettings webhookSettings) {
    ports = new CorePorts(store, store.collaborators(), store.clients(), store.contracts(), store.events(),
        store.sessions(), store.apiKeys(), store.loginAttempts(), store.auditTrail(), hasher, reporter, clock, settings,
        store.changeLog(), store.changeSignals(), store.webhooks(), webhookSender, hosts, webhookSettings,
        store.idempotency(), IdempotencySettings.DEFAULTS);
    useCases = CrmServices.create(ports);
  }

  public Collaborator collaborator(String username, Team team) {
    return store.collaborators().insert(Collaborator.create(new Username(username),
        new PersonName(capitalised(username)), new Email(username + "@epic-events.test"), new Phone("+33 1 23 45 67 89"),
        team, hasher.hash(PASSWORD.toCharArray()), clock.instant()));
  }

  public Collaborator deactivated(Collaborator c) {
    return store.collaborators().update(c.deactivate(99, clock.instant()));
  }

  public Client client(String fullName, Collaborator salesContact) {
    return store.clients().insert(Client.create(new PersonName(fullName), new Email(slug(fullName) + "@client.test"),
        new Phone("0612345678"), new CompanyName(fullName + " Ltd"), null, salesContact, clock.instant()));
  }

  public Contract contract(Client client, String total, String due, boolean signed) {
    return store.contracts().insert(Contract.create(client.id(), Money.of(total), Money.of(due), signed, clock.instant()));
  }

  public Event event(Contract signedContract, Collaborator support) {
    Instant start = clock.instant().plus(Duration.ofDays(30));
    return store.events().insert(Event.plan(signedContract,
        new EventDetails("Launch party", "Jane, 0611223344", "Paris", 120, null),
        new Schedule(start, start.plus(Duration.ofHours(5))), support, clock.instant()));
  }

  /** An API session (no re-authentication before changes). */
  public AuthToken login(Collaborator who) {
    return login(who, SessionKind.API);
  }

  public AuthToken login(Collaborator who, SessionKind kind) {
    return useCases.logIn().logIn(new LogInUseCase.Command(who.username().value(), PASSWORD.toCharArray(), kind)).token();
  }

  public Collaborator reload(CollaboratorId id) {
    return store.collaborators().findById(id).orElseThrow();
  }

  public Client reload(ClientId id) {
    return store.clients().findById(id).orElseThrow();
  }

  public Contract reload(ContractId id) {
    return store.contracts().findById(id).orElseThrow();
  }

  public Event reload(EventId id) {
    return store.events().findById(id).orElseThrow();
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String slug(String s) {
    return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", ".");
  }
}
