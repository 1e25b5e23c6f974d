package com.epicevents.crm.bootstrap.webhooks;

import com.epicevents.crm.http.json.IntegrationRepresentations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.FakePasswordHasher;
import com.epicevents.crm.application.fake.MutableClock;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CreateClientUseCase;
import com.epicevents.crm.application.port.in.CreateCollaboratorUseCase;
import com.epicevents.crm.application.port.in.CreateManagerAsAdminUseCase;
import com.epicevents.crm.application.port.in.LogInUseCase;
import com.epicevents.crm.application.port.in.ManageWebhooksUseCase;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.AuditFilter;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.HostResolver;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.application.port.out.WebhookDelivery;
import com.epicevents.crm.application.port.out.WebhookSubscription;
import com.epicevents.crm.application.service.WebhookSettings;
import com.epicevents.crm.core.CrmCore;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.persistence.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook delivery end to end: the core on PostgreSQL, the JDK sender, a real HTTP receiver on
 * loopback (so private networks are allowed here; the SSRF tests turn that off), and a test
 * clock that drives the retry schedule without waiting hours. Delivery steps are run by hand.
 */
class WebhookDeliveryTest {
  private static final String PASSWORD = "a long and private passphrase";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestDatabase db;
  private static CrmCore core;
  private static UseCases crm;
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2031-03-01T09:00:00Z"));
  private static final AtomicReference<String> resolveTo = new AtomicReference<>();
  private static int users;
  private Receiver receiver;

  private static final byte[] KEY = new byte[32];

  @BeforeAll
  static void start() {
    db = TestDatabase.fresh();
    new SecureRandom().nextBytes(KEY);
    HostResolver resolver = host -> resolveTo.get() == null ? HostResolver.SYSTEM.resolve(host)
        : List.of(InetAddress.getByName(resolveTo.get()));
    core = CrmCore.builder(db.appDataSource())
        .passwordHasher(new FakePasswordHasher())
        .clock(CLOCK)
        .webhookBodies(IntegrationRepresentations::webhookBody)
        .webhookSettings(new WebhookSettings(true))
        .webhookSecretKey(KEY)
        .hostResolver(resolver)
        .build();
    crm = core.useCases();
    crm.createManagerAsAdmin().execute(CreateManagerAsAdminUseCase.Command.of(
        "ada", "Ada Lovelace", "+44 20 7946 0000", "ada@epic-events.test", PASSWORD.toCharArray()));
  }

  @AfterAll
  static void stop() {
    core.close();
    db.close();
  }

  @BeforeEach
  void receiver() throws Exception {
    receiver = new Receiver();
    drainQueue();
  }

  @AfterEach
  void closeReceiver() {
    receiver.close();
    resolveTo.set(null);
    for (WebhookSubscription s : crm.webhooks().list(manager(), new PageRequest(0, 200)).items()) {
      if (s.active()) {
        crm.webhooks().update(manager(), new ManageWebhooksUseCase.UpdateCommand(s.id(), null, null, null, false));
      }
    }
  }

  /** Lets earlier tests' queued attempts (other receivers) go, so each test sees only its own. */
  private static void drainQueue() {
    CLOCK.advance(Duration.ofDays(2));
    while (crm.webhookDelivery().deliverDue(50) > 0) {
      CLOCK.advance(Duration.ofHours(11));
    }
  }

  private static AuthToken login(String username) {
    return crm.logIn().logIn(new LogInUseCase.Command(username, PASSWORD.toCharArray(), SessionKind.API)).token();
  }

  private static AuthToken manager() {
    return login("ada");
  }

  private static AuthToken newSalesperson() {
    String name = "seller" + (++users);
    crm.createCollaborator().create(manager(), CreateCollaboratorUseCase.Command.of(
        name, "Seller " + users, null, "0102030405", "SALES", PASSWORD.toCharArray()));
    return login(name);
  }

  private ManageWebhooksUseCase.Created subscribe(List<String> types) {
    return crm.webhooks().create(manager(), new ManageWebhooksUseCase.CreateCommand(receiver.url("/hook"), types, null));
  }

  private static ClientView newClient(AuthToken sales, String name) {
    return crm.createClient().create(sales, CreateClientUseCase.Command.of(
        name, null, "0612345678", name + " Ltd", null));
  }

  private static List<WebhookDelivery> log(long subscriptionId) {
    return crm.webhooks().deliveries(manager(), subscriptionId, null, new PageRequest(0, 200)).items();
  }

  private static int deliver() {
    return crm.webhookDelivery().deliverDue(10);
  }

  @Test
  void aCommittedChangeIsDeliveredSignedOverTheExactBytesAndVerifiedIndependently() throws Exception {
    var sub = subscribe(List.of("client.created"));
    AuthToken sales = newSalesperson();
    ClientView client = newClient(sales, "Kevin Casey");

    assertEquals(1, deliver());
    Receiver.Request got = receiver.next(Duration.ofSeconds(5));
    new StandardWebhooksVerifier(sub.secret()).verify(got.bodyText(), got.headers(), CLOCK.instant().getEpochSecond());
    assertThrows(StandardWebhooksVerifier.VerificationFailed.class, () ->
        new StandardWebhooksVerifier(otherSecret())
            .verify(got.bodyText(), got.headers(), CLOCK.instant().getEpochSecond()));
    byte[] tampered = got.body().clone();
    tampered[tampered.length - 2] = (byte) (tampered[tampered.length - 2] == ' ' ? '\t' : ' ');
    assertThrows(StandardWebhooksVerifier.VerificationFailed.class, () -> new StandardWebhooksVerifier(sub.secret())
        .verify(new String(tampered, StandardCharsets.UTF_8), got.headers(), CLOCK.instant().getEpochSecond()));

    JsonNode body = JSON.readTree(got.body());
    assertEquals(List.of("id", "type", "occurredAt", "data"), fieldNames(body));
    assertEquals(got.header("webhook-id"), body.get("id").asText());
    assertTrue(body.get("id").asText().matches("evt_[0-9A-Za-z]{26}"));
    assertEquals("client.created", body.get("type").asText());
    assertEquals(String.valueOf(CLOCK.instant().getEpochSecond()), got.header("webhook-timestamp"));
    assertEquals("application/json", got.header("Content-Type"));
    JsonNode data = body.get("data");
    assertEquals(client.client().id().value(), data.get("id").asLong());
    assertEquals("Kevin Casey", data.get("fullName").asText());
    assertEquals("Seller " + users, data.get("salesContactName").asText());
    assertEquals(1, data.get("version").asLong());
    assertEquals(List.of("id", "fullName", "email", "phone", "companyName", "createdAt", "updatedAt", "lastContactAt",
        "salesContactId", "salesContactName", "version"), fieldNames(data), "the record as GET shows it");

    WebhookDelivery attempt = log(sub.subscription().id()).get(0);
    assertEquals(WebhookDelivery.SUCCEEDED, attempt.status());
    assertEquals(204, attempt.responseStatus());
    assertEquals(1, attempt.attempt());
    assertNull(attempt.nextAttemptAt());
  }

  @Test
  void failedAttemptsAreRetriedOnTheScheduleWithJitterWithTheSameIdAndBytesUntilOneSucceeds() throws Exception {
    var sub = subscribe(List.of("*"));
    crm.webhooks().test(manager(), sub.subscription().id());
    receiver.answer(500, 500, 503);
    List<Duration> schedule = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30));
    byte[] firstBody = null;
    String firstId = null;
    for (int attempt = 1; attempt <= 4; attempt++) {
      Instant sentAt = CLOCK.instant();
      assertEquals(1, deliver(), "attempt " + attempt + " was due");
      Receiver.Request got = receiver.next(Duration.ofSeconds(5));
      new StandardWebhooksVerifier(sub.secret()).verify(got.bodyText(), got.headers(), CLOCK.instant().getEpochSecond());
      if (firstBody == null) {
        firstBody = got.body();
        firstId = got.header("webhook-id");
      }
      assertTrue(java.util.Arrays.equals(firstBody, got.body()), "every attempt sends the same bytes");
      assertEquals(firstId, got.header("webhook-id"), "receivers de-duplicate on webhook-id");
      List<WebhookDelivery> log = log(sub.subscription().id());
      if (attempt == 4) {
        assertEquals(WebhookDelivery.SUCCEEDED, log.get(log.size() - 1).status());
        break;
      }
      WebhookDelivery failed = log.get(log.size() - 2);
      WebhookDelivery next = log.get(log.size() - 1);
      assertEquals(WebhookDelivery.FAILED, failed.status());
      assertEquals(attempt, failed.attempt());
      assertTrue(failed.responseStatus() >= 500);
      assertEquals(WebhookDelivery.PENDING, next.status());
      assertEquals(attempt + 1, next.attempt());
      Duration delay = Duration.between(sentAt, next.nextAttemptAt());
      Duration planned = schedule.get(attempt - 1);
      assertTrue(delay.compareTo(planned.multipliedBy(9).dividedBy(10)) >= 0
          && delay.compareTo(planned.multipliedBy(11).dividedBy(10)) <= 0, () -> delay + " for " + planned);
      CLOCK.advance(planned.multipliedBy(9).dividedBy(10).minusSeconds(1));
      assertEquals(0, deliver(), "not due before the schedule");
      CLOCK.advance(planned.dividedBy(5).plusSeconds(2));
    }
  }

  @Test
  void afterTheEighthFailedAttemptTheDeliveryIsFailedForGood() throws Exception {
    var sub = subscribe(List.of("*"));
    crm.webhooks().test(manager(), sub.subscription().id());
    for (int i = 0; i < 10; i++) {
      receiver.answer(500);
    }
    List<Duration> schedule = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
        Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
    for (int attempt = 1; attempt <= 8; attempt++) {
      assertEquals(1, deliver(), "attempt " + attempt);
      if (attempt <= 7) {
        CLOCK.advance(schedule.get(attempt - 1).multipliedBy(11).dividedBy(10).plusSeconds(1));
      }
    }
    CLOCK.advance(Duration.ofDays(1));
    assertEquals(0, deliver(), "nothing more after 8 attempts");
    List<WebhookDelivery> log = log(sub.subscription().id());
    assertEquals(8, log.size());
    assertTrue(log.stream().allMatch(d -> d.status().equals(WebhookDelivery.FAILED)));
    assertEquals(8, receiver.drain().size());
    assertTrue(crm.webhooks().get(manager(), sub.subscription().id()).active(), "28 h of failure is not 5 days");
  }

  @Test
  void a410GoneDisablesTheSubscriptionAndIsAudited() throws Exception {
    var sub = subscribe(List.of("*"));
    crm.webhooks().test(manager(), sub.subscription().id());
    receiver.answer(410);
    assertEquals(1, deliver());
    receiver.next(Duration.ofSeconds(5));
    WebhookSubscription now = crm.webhooks().get(manager(), sub.subscription().id());
    assertFalse(now.active());
    assertEquals("the receiver answered 410 Gone", now.disabledReason());
    CLOCK.advance(Duration.ofMinutes(10));
    assertEquals(0, deliver(), "no retry after 410");
    var audit = crm.auditTrail().list(manager(), new AuditFilter(EntityType.WEBHOOK, sub.subscription().id(), null),
        new PageRequest(0, 50)).items();
    assertEquals("DISABLED", audit.get(audit.size() - 1).entry().action());
  }

  @Test
  void aSubscriptionWhoseDeliveriesAllFailForFiveDaysIsDisabled() throws Exception {
    var sub = subscribe(List.of("*"));
    long id = sub.subscription().id();
    for (int i = 0; i < 100; i++) {
      receiver.answer(500);
    }
    crm.webhooks().test(manager(), id);
    assertEquals(1, deliver());
    Instant firstFailure = crm.webhooks().get(manager(), id).failingSince();
    assertEquals(CLOCK.instant(), firstFailure);
    for (int day = 1; day <= 4; day++) {
      CLOCK.advance(Duration.ofDays(1));
      crm.webhooks().test(manager(), id);
      while (deliver() > 0) {
        // the day's attempts
      }
      assertTrue(crm.webhooks().get(manager(), id).active(), "still active after " + day + " days");
    }
    CLOCK.advance(Duration.ofDays(1).plusMinutes(1));
    crm.webhooks().test(manager(), id);
    while (deliver() > 0) {
      // the last attempts
    }
    WebhookSubscription now = crm.webhooks().get(manager(), id);
    assertFalse(now.active());
    assertEquals("every delivery failed for 5 days", now.disabledReason());
  }

  @Test
  void aSuccessEndsTheFailingStreak() throws Exception {
    var sub = subscribe(List.of("*"));
    long id = sub.subscription().id();
    receiver.answer(500);
    crm.webhooks().test(manager(), id);
    deliver();
    assertTrue(crm.webhooks().get(manager(), id).failingSince() != null);
    CLOCK.advance(Duration.ofSeconds(6));
    deliver();
    assertNull(crm.webhooks().get(manager(), id).failingSince());
  }

  @Test
  void afterARotationBothSecretsSignFor24HoursThenOnlyTheNewOne() throws Exception {
    var sub = subscribe(List.of("*"));
    long id = sub.subscription().id();
    String fresh = crm.webhooks().rotateSecret(manager(), id);
    assertNotEquals(sub.secret(), fresh);

    crm.webhooks().test(manager(), id);
    deliver();
    Receiver.Request during = receiver.next(Duration.ofSeconds(5));
    long now = CLOCK.instant().getEpochSecond();
    assertEquals(2, during.header("webhook-signature").split(" ").length);
    new StandardWebhooksVerifier(sub.secret()).verify(during.bodyText(), during.headers(), now);
    new StandardWebhooksVerifier(fresh).verify(during.bodyText(), during.headers(), now);

    CLOCK.advance(Duration.ofHours(24).plusSeconds(1));
    crm.webhooks().test(manager(), id);
    deliver();
    Receiver.Request after = receiver.next(Duration.ofSeconds(5));
    long later = CLOCK.instant().getEpochSecond();
    assertEquals(1, after.header("webhook-signature").split(" ").length);
    new StandardWebhooksVerifier(fresh).verify(after.bodyText(), after.headers(), later);
    assertThrows(StandardWebhooksVerifier.VerificationFailed.class,
        () -> new StandardWebhooksVerifier(sub.secret()).verify(after.bodyText(), after.headers(), later));
  }

  @Test
  void redirectsAreNotFollowedAndOnlyTheStartOfAResponseIsKept() throws Exception {
    var sub = subscribe(List.of("*"));
    long id = sub.subscription().id();
    receiver.answer(new Receiver.Answer(302, Map.of("Location", receiver.url("/elsewhere")), new byte[0]),
        new Receiver.Answer(500, Map.of(), "x".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII)));
    crm.webhooks().test(manager(), id);
    deliver();
    assertEquals("/hook", receiver.next(Duration.ofSeconds(5)).path());
    WebhookDelivery redirected = log(id).get(0);
    assertEquals(302, redirected.responseStatus());
    assertEquals(WebhookDelivery.FAILED, redirected.status());
    CLOCK.advance(Duration.ofSeconds(6));
    deliver();
    assertEquals("/hook", receiver.next(Duration.ofSeconds(5)).path(), "the redirect target was never called");
    WebhookDelivery big = log(id).get(1);
    assertEquals(500, big.responseStatus());
    assertTrue(big.error().length() < 4200, () -> "kept " + big.error().length() + " characters");
  }

  @Test
  void anAddressThatTurnsPrivateAfterSubscribingIsRefusedAtDelivery() throws Exception {
    AtomicReference<String> dns = new AtomicReference<>("93.184.215.14");
    try (CrmCore strict = CrmCore.builder(db.appDataSource())
        .passwordHasher(new FakePasswordHasher())
        .clock(CLOCK)
        .webhookBodies(IntegrationRepresentations::webhookBody)
        .webhookSettings(new WebhookSettings(false))
        .webhookSecretKey(KEY)
        .hostResolver(host -> List.of(InetAddress.getByName(dns.get())))
        .build()) {
      UseCases s = strict.useCases();
      AuthToken ada = s.logIn().logIn(new LogInUseCase.Command("ada", PASSWORD.toCharArray(), SessionKind.API)).token();
      String url = "http://receiver.test:" + receiver.url("/hook").split(":")[2];
      var sub = s.webhooks().create(ada, new ManageWebhooksUseCase.CreateCommand(url, List.of("*"), null));
      dns.set("127.0.0.1"); // DNS rebinding
      s.webhooks().test(ada, sub.subscription().id());
      assertEquals(1, s.webhookDelivery().deliverDue(10));
      WebhookDelivery attempt = s.webhooks().deliveries(ada, sub.subscription().id(), null, new PageRequest(0, 10))
          .items().get(0);
      assertEquals(WebhookDelivery.FAILED, attempt.status());
      assertNull(attempt.responseStatus());
      assertTrue(attempt.error().startsWith("not sent: resolves to 127.0.0.1"), attempt.error());
      assertTrue(receiver.drain().isEmpty(), "nothing reached the loopback receiver");
    }
  }

  @Test
  void secretsAreSealedInTheDatabaseAndNeverInTheAuditTrail() throws Exception {
    var sub = subscribe(List.of("*"));
    String rotated = crm.webhooks().rotateSecret(manager(), sub.subscription().id());
    try (Connection c = db.ownerDataSource().getConnection(); Statement st = c.createStatement()) {
      StringBuilder dump = new StringBuilder();
      try (ResultSet rs = st.executeQuery("SELECT s::text FROM crm.webhook_subscriptions s")) {
        while (rs.next()) {
          dump.append(rs.getString(1));
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT a::text FROM crm.audit_entries a")) {
        while (rs.next()) {
          dump.append(rs.getString(1));
        }
      }
      for (String secret : List.of(sub.secret(), rotated)) {
        assertFalse(dump.toString().contains(secret));
        assertFalse(dump.toString().contains(secret.substring("whsec_".length())));
      }
      assertTrue(dump.toString().contains("v1:"), "sealed form present");
    }
  }

  private static String otherSecret() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return "whsec_" + java.util.Base64.getEncoder().encodeToString(key);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
