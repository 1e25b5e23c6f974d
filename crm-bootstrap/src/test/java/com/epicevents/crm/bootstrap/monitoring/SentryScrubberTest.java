package com.epicevents.crm.bootstrap.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentry.Breadcrumb;
import io.sentry.JsonSerializer;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.User;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scrubber on its own, on events built by hand; no Sentry state is touched. */
class SentryScrubberTest {
  private static final String EMAIL = "jane.doe@example.com";
  private static final String PHONE = "+33 6 12 34 56 78";
  private static final String PASSWORD = "Hunter2-correct-horse";
  private static final String TOKEN = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  private final SentryScrubber scrubber = new SentryScrubber();

  @Test
  void messageAndItsParametersLosePersonalData() {
    Message message = new Message();
    message.setMessage("client %s changed phone to %s");
    message.setFormatted("client " + EMAIL + " changed phone to " + PHONE);
    message.setParams(List.of(EMAIL, PHONE));
    SentryEvent event = new SentryEvent();
    event.setMessage(message);

    scrubber.execute(event, null);

    assertEquals("client %s changed phone to %s", event.getMessage().getMessage());
    assertEquals("client [scrubbed] changed phone to [scrubbed]", event.getMessage().getFormatted());
    assertEquals(List.of("[scrubbed]", "[scrubbed]"), event.getMessage().getParams());
  }

  @Test
  void exceptionMessagesLoseEmailsPhonesPasswordsAndTokens() {
    SentryException exception = new SentryException();
    exception.setType("IllegalStateException");
    exception.setValue("login of " + EMAIL + " with password=" + PASSWORD + " and session " + TOKEN);
    SentryEvent event = new SentryEvent();
    event.setExceptions(List.of(exception));

    scrubber.execute(event, null);

    assertEquals("login of [scrubbed] with password=[scrubbed] and session [scrubbed]",
        event.getExceptions().get(0).getValue());
    assertEquals("IllegalStateException", event.getExceptions().get(0).getType());
  }

  @Test
  void requestAndUserAreDroppedEntirely() {
    SentryEvent event = new SentryEvent();
    Request request = new Request();
    request.setUrl("https://crm.example/api/clients?email=" + EMAIL);
    event.setRequest(request);
    User user = new User();
    user.setEmail(EMAIL);
    event.setUser(user);

    scrubber.execute(event, null);

    assertNull(event.getRequest());
    assertNull(event.getUser());
  }

  @Test
  void tagsKeepIdsAndLoseSecretsAndPersonalData() {
    SentryEvent event = new SentryEvent();
    event.setTag("useCase", "CreateClient");
    event.setTag("errorId", "12345678");
    event.setTag("clientId", "1234567");
    event.setTag("token", "abc");
    event.setTag("contact", EMAIL);

    scrubber.execute(event, null);

    assertEquals("CreateClient", event.getTag("useCase"));
    assertEquals("12345678", event.getTag("errorId"), "an all-digit error id is an id, not a phone number");
    assertEquals("1234567", event.getTag("clientId"));
    assertEquals("[scrubbed]", event.getTag("token"));
    assertEquals("[scrubbed]", event.getTag("contact"));
  }

  @Test
  void extrasAndCustomContextsAreScrubbedAtEveryDepth() {
    SentryEvent event = new SentryEvent();
    event.setExtra("note", "call " + PHONE);
    event.setExtra("password", PASSWORD);
    event.setExtra("form", Map.of("email", EMAIL, "attempts", 3, "lines", List.of("step 2 of 3", TOKEN)));
    event.getContexts().put("crm", Map.of("apiKey", "short", "contact", EMAIL));

    scrubber.execute(event, null);

    assertEquals("call [scrubbed]", event.getExtra("note"));
    assertEquals("[scrubbed]", event.getExtra("password"));
    assertEquals(
        Map.of("email", "[scrubbed]", "attempts", 3, "lines", List.of("step 2 of 3", "[scrubbed]")),
        event.getExtra("form"));
    assertEquals(Map.of("apiKey", "[scrubbed]", "contact", "[scrubbed]"), event.getContexts().get("crm"));
  }

  @Test
  void breadcrumbsLosePersonalDataWhenRecordedAndWhenSent() {
    Breadcrumb crumb = new Breadcrumb("user " + EMAIL + " logged in");
    crumb.setData("phone", PHONE);
    crumb.setData("authorization", "Bearer " + TOKEN);
    crumb.setData("count", 2);

    assertEquals("user [scrubbed] logged in", scrubber.execute(crumb, null).getMessage());
    assertEquals("[scrubbed]", crumb.getData("phone"));
    assertEquals("[scrubbed]", crumb.getData("authorization"));
    assertEquals(2, crumb.getData("count"));

    SentryEvent event = new SentryEvent();
    event.addBreadcrumb(new Breadcrumb("retry for " + EMAIL));
    scrubber.execute(event, null);
    assertEquals("retry for [scrubbed]", event.getBreadcrumbs().get(0).getMessage());
  }

  @Test
  void anEventOrBreadcrumbThatCannotBeScrubbedIsDroppedRatherThanSentAsIs() {
    Object hostile = new Object() {
      @Override
      public String toString() {
        throw new IllegalStateException("cannot render " + EMAIL);
      }
    };
    SentryEvent event = new SentryEvent();
    event.setExtra("payload", hostile);
    Breadcrumb crumb = new Breadcrumb("x");
    crumb.setData("payload", hostile);

    assertNull(scrubber.execute(event, null));
    assertNull(scrubber.execute(crumb, null));
  }

  @Test
  void theSerialisedEventContainsNoneOfThePersonalData() throws Exception {
    SentryEvent event = new SentryEvent(new IllegalStateException("duplicate " + EMAIL));
    Message message = new Message();
    message.setMessage("phone " + PHONE + " token " + TOKEN);
    event.setMessage(message);
    SentryException exception = new SentryException();
    exception.setValue("{\"password\":\"" + PASSWORD + "\"}");
    event.setExceptions(List.of(exception));
    event.setExtra("who", EMAIL);
    event.setTag("who", PHONE);
    event.addBreadcrumb(new Breadcrumb("Authorization: Bearer " + TOKEN));
    User user = new User();
    user.setEmail(EMAIL);
    event.setUser(user);

    scrubber.execute(event, null);
    StringWriter json = new StringWriter();
    new JsonSerializer(new SentryOptions()).serialize(event, json);

    String sent = json.toString();
    for (String secret : List.of(EMAIL, PHONE, "612345678", PASSWORD, TOKEN)) {
      assertFalse(sent.contains(secret), () -> "leaked " + secret + " in " + sent);
    }
    assertTrue(sent.contains("[scrubbed]"), sent);
  }
}
