package com.epicevents.crm.http;

import static com.epicevents.crm.http.ServiceEndpointsTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.http.ApiFixture.Actor;
import com.epicevents.crm.http.HttpLimits.RateLimit;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The per-credential rate limit over real HTTP: a token bucket of 5 refilled at 1 per second
 * (small figures, so that a burst is quick), RateLimit-* headers on every answer, 429 with
 * Retry-After when the bucket is empty.
 */
class RateLimitTest {
  private static final String RATE_LIMITED = "urn:epicevents:crm:problem:rate-limited";
  private static final int BURST = 5;

  private ApiFixture f = limited(new RateLimit(1, BURST));

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void aBurstOverTheLimitIsRefusedWithRetryAfterWhileAnotherCredentialIsStillServed() throws Exception {
    Actor busy = f.actor(Team.SALES);
    Actor other = f.actor(Team.SALES);

    List<Api.Reply> replies = new ArrayList<>();
    Api.Reply last;
    do {
      last = f.api.get("/me").as(busy.token()).send();
      replies.add(last);
    } while (last.status() == 200 && replies.size() < 50);

    assertEquals(429, last.status(), last::toString);
    assertTrue(replies.size() > BURST, "the whole burst was served first: " + replies.size());
    long previous = Long.MAX_VALUE;
    for (Api.Reply served : replies.subList(0, replies.size() - 1)) {
      assertEquals(200, served.status());
      long remaining = header(served, "RateLimit-Remaining");
      assertTrue(remaining < previous, "RateLimit-Remaining decreases: " + remaining + " after " + previous);
      previous = remaining;
    }
    assertEquals(BURST - 1, header(replies.get(0), "RateLimit-Remaining"));
    assertProblem(last, RATE_LIMITED);
    assertEquals(429, last.json().get("status").asInt());
    assertTrue(last.json().get("detail").asText().contains("wait 1 s"), last::toString);
    long retryAfter = header(last, "Retry-After");
    assertEquals(1, retryAfter, "one request comes back within a second at 1 per second");
    assertEquals(BURST, header(last, "RateLimit-Limit"));
    assertEquals(0, header(last, "RateLimit-Remaining"));
    assertTrue(header(last, "RateLimit-Reset") >= 1, last.headers()::toString);

    Api.Reply meanwhile = f.api.get("/me").as(other.token()).send();
    assertEquals(200, meanwhile.status(), "another credential has its own bucket: " + meanwhile);
    assertEquals(BURST - 1, header(meanwhile, "RateLimit-Remaining"));

    Thread.sleep(retryAfter * 1_000);
    Api.Reply again = f.api.get("/me").as(busy.token()).send();
    assertEquals(200, again.status(), "served again after Retry-After: " + again);
    assertEquals(busy.id(), again.json().get("id").asLong());
  }

  @Test
  void everyAnswerCarriesTheRateLimitHeadersErrorsIncluded() {
    Actor sales = f.actor(Team.SALES);
    Api.Reply ok = f.api.get("/me").as(sales.token()).send();
    Api.Reply notFound = f.api.get("/clients/999999").as(sales.token()).send();
    Api.Reply noEndpoint = f.api.get("/no-such-endpoint").as(sales.token()).send();
    Api.Reply invalid = f.api.post("/clients").as(sales.token()).json(Map.of("fullName", "")).send();
    Api.Reply wrongMethod = f.api.method("DELETE", "/me").as(sales.token()).send();
    Api.Reply unauthenticated = f.api.get("/clients").send();
    Api.Reply unknownToken = f.api.get("/clients").header("Authorization", "Bearer not-a-real-token").send();

    assertEquals(List.of(200, 404, 404, 400, 405, 401, 401), List.of(ok.status(), notFound.status(),
        noEndpoint.status(), invalid.status(), wrongMethod.status(), unauthenticated.status(), unknownToken.status()));
    for (Api.Reply r : List.of(ok, notFound, noEndpoint, invalid, wrongMethod, unauthenticated, unknownToken)) {
      assertEquals(BURST, header(r, "RateLimit-Limit"), r.headers()::toString);
      assertTrue(header(r, "RateLimit-Remaining") >= 0, r.headers()::toString);
      assertTrue(header(r, "RateLimit-Reset") >= 1, "a request was just taken: " + r.headers());
    }
    assertEquals(List.of(4L, 3L, 2L, 1L, 0L), List.of(header(ok, "RateLimit-Remaining"),
        header(notFound, "RateLimit-Remaining"), header(noEndpoint, "RateLimit-Remaining"),
        header(invalid, "RateLimit-Remaining"), header(wrongMethod, "RateLimit-Remaining")),
        "the five requests with one token share its bucket");
    assertEquals(BURST - 1, header(unauthenticated, "RateLimit-Remaining"),
        "without a credential, the client address has a bucket of its own");
    assertEquals(BURST - 1, header(unknownToken, "RateLimit-Remaining"),
        "an unknown token is counted as a credential too (the core refuses it afterwards)");
  }

  @Test
  void aRefusedRequestIsNotReadNorRunByTheCore() throws Exception {
    Actor sales = f.actor(Team.SALES);
    drain(sales);

    Api.Reply create = f.api.post("/clients").as(sales.token()).json(Map.of("fullName", "Refused Client",
        "phone", "0612345678", "companyName", "Refused Ltd")).send();
    Api.Reply malformed = f.api.post("/clients").as(sales.token()).raw("{not json", "application/json").send();

    assertEquals(429, create.status(), create::toString);
    assertEquals(429, malformed.status(), "refused before the body is parsed: " + malformed);
    assertProblem(malformed, RATE_LIMITED);
    Thread.sleep(header(create, "Retry-After") * 1_000);
    JsonNode list = f.api.get("/clients?limit=200").as(sales.token()).send().json();
    assertTrue(StreamSupport.stream(list.get("items").spliterator(), false)
        .noneMatch(c -> c.get("fullName").asText().equals("Refused Client")), list::toString);
  }

  @Test
  void loginsWithoutACredentialAreCountedPerClientAddress() {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i <= BURST; i++) {
      statuses.add(f.api.post("/auth/login").json(Map.of("username", "nobody" + i, "password", "wrong password"))
          .send().status());
    }
    assertEquals(List.of(401, 401, 401, 401, 401, 429), statuses);
  }

  @Test
  void healthIsNeverCountedSoAProbeIsNeverRefused() {
    for (int i = 0; i < 3 * BURST; i++) {
      Api.Reply health = f.api.get("/health").send();
      assertEquals(200, health.status(), health::toString);
      assertEquals(BURST, header(health, "RateLimit-Remaining"), "/health only says where the bucket stands");
    }
    Api.Reply counted = f.api.get("/clients").send();
    assertEquals(BURST - 1, header(counted, "RateLimit-Remaining"), "the address's bucket was untouched");
    Api.Reply afterwards = f.api.get("/health").send();
    assertEquals(BURST - 1, header(afterwards, "RateLimit-Remaining"));
    assertEquals(200, afterwards.status());
  }

  @Test
  void withTheLimitOffALargeBurstIsNeverRefusedAndNoHeaderIsSent() {
    f.close();
    f = limited(RateLimit.OFF);
    Actor sales = f.actor(Team.SALES);
    for (int i = 0; i < 300; i++) {
      Api.Reply r = f.api.get("/me").as(sales.token()).send();
      assertEquals(200, r.status(), "request " + i + ": " + r);
      assertTrue(r.header("RateLimit-Limit").isEmpty() && r.header("RateLimit-Remaining").isEmpty(),
          r.headers()::toString);
    }
  }

  @Test
  void browsersOfAConfiguredOriginMayReadTheHeaders() {
    f.close();
    f = new ApiFixture(new HttpSettings("127.0.0.1", 0, List.of("https://crm.epic-events.test"),
        HttpLimits.DEFAULTS.withRateLimit(new RateLimit(1, BURST))));
    Api.Reply r = f.api.get("/clients").header("Origin", "https://crm.epic-events.test").send();
    String exposed = r.header("Access-Control-Expose-Headers").orElse("");
    for (String name : List.of("Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")) {
      assertTrue(exposed.toLowerCase(java.util.Locale.ROOT).contains(name.toLowerCase(java.util.Locale.ROOT)),
          name + " not in " + exposed);
    }
  }

  @Test
  void theShippedDefaultIs20PerSecondInBurstsOf100() {
    assertEquals(new RateLimit(20, 100), HttpLimits.DEFAULTS.rateLimit());
    assertEquals(new RateLimit(20, 100), HttpSettings.defaults().limits().rateLimit());
    assertEquals(new RateLimit(20, 100), new HttpSettings("0.0.0.0", 80, List.of()).limits().rateLimit());
    assertEquals(RateLimit.OFF, HttpSettings.loopbackRandomPort().limits().rateLimit(), "tests' servers only");
  }

  private void drain(Actor actor) {
    for (int i = 0; i < 50; i++) {
      if (f.api.get("/me").as(actor.token()).send().status() == 429) {
        return;
      }
    }
    throw new AssertionError("never refused");
  }

  private static long header(Api.Reply r, String name) {
    return Long.parseLong(r.header(name).orElseThrow(() -> new AssertionError(name + " missing: " + r.headers())));
  }

  private static ApiFixture limited(RateLimit limit) {
    return new ApiFixture(HttpSettings.loopbackRandomPort().withLimits(HttpLimits.DEFAULTS.withRateLimit(limit)));
  }
}
