package com.epicevents.crm.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.ManageApiKeysUseCase.CreateCommand;
import com.epicevents.crm.application.port.out.ApiKey;
import com.epicevents.crm.application.port.out.ApiKeyFilter;
import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.googlecode.lanterna.input.KeyType;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** API keys from the text UI: my keys for everyone, everyone's keys for management; secrets shown once. */
class ApiKeysTest {
  private static final Pattern SECRET = Pattern.compile("crm_[0-9A-Za-z]{8}_[0-9A-Za-z]{32,}");

  private final TestCrm crm = new TestCrm();
  private final Collaborator mia = crm.collaborator("mia", Team.MANAGEMENT);
  private final Collaborator sam = crm.collaborator("sam", Team.SALES);
  private final Collaborator sid = crm.collaborator("sid", Team.SALES);

  @Test
  void aSalespersonCreatesAKeyWhoseSecretIsShownOnceThenOnlyItsPrefixIsListed() {
    Tui tui = new Tui(crm).logIn("sam").type("k").assertShows("My API keys", "n: new").type("n");
    tui.assertShows("Create an API key", "Name *", "Scopes *", "[ ] clients:read", "[ ] webhooks:manage (unusable)",
        "[ ] audit:read (unusable)", "Expires *");
    assertFalse(tui.lineWith("clients:write").contains("unusable"), tui.screen()); // sales create and update clients
    assertTrue(tui.lineWith("Expires *").contains("2027-04-15 11:00"), tui.screen()); // 90 days from today, Paris time
    tui.type("Website leads\n").type(" ").press(KeyType.ArrowDown).type(" ").save();
    tui.assertShows("Please confirm", "Name: Website leads", "Scopes: clients:read, clients:write",
        "Expires: 2027-04-15 11:00 (Europe/Paris)", "Create this API key?");

    tui.type("y").assertShows("Your new API key: copy it now", "it will NOT be shown again");
    String secret = secretOn(tui.screen());
    assertEquals(1, occurrences(tui.screen(), secret), tui.screen());
    // the key shown is the real one: it reads clients as Sam
    assertNotNull(crm.useCases.clients().list(new AuthToken(secret), new ClientFilter(null, null), PageRequest.first(10)));

    tui.enter();
    String prefix = secret.substring(0, "crm_".length() + 8);
    tui.assertNotice("API key " + prefix + " was created.");
    String row = tui.lineWith(prefix);
    assertTrue(row.contains("Website leads") && row.contains("clients:read, clients:write") && row.contains("2027-04-15")
        && row.contains("never") && row.contains("active"), tui.screen());
    tui.assertHides(secret, secret.substring(prefix.length() + 1));
    tui.enter().assertShows("API key #", "Starts with", prefix + "_… (the rest is secret)", "Website leads", "active")
        .assertHides(secret, secret.substring(prefix.length() + 1));
  }

  @Test
  void revokingAsksFirstAndNoLeavesTheKeyActive() {
    ApiKey key = keyOf(sam, "Accounting");
    Tui tui = new Tui(crm).logIn("sam").type("k").enter().assertShows("Accounting", "r  Revoke");

    tui.type("r").assertShows("Revoke crm_" + key.prefix(), "cannot be undone", "Revoke this key?").enter();
    tui.assertHides("Revoke this key?").assertShows("r  Revoke");
    assertTrue(tui.lineWith("Status").contains("active"), tui.screen());
    assertNull(stored(key).revokedAt());

    tui.type("r").type("y").assertNotice("API key crm_" + key.prefix() + " is revoked.");
    assertTrue(tui.lineWith("Status").contains("revoked"), tui.screen());
    tui.assertHides("r  Revoke");
    assertNotNull(stored(key).revokedAt());
    tui.esc();
    assertTrue(tui.lineWith("crm_" + key.prefix()).contains("revoked"), tui.screen());
  }

  @Test
  void aKeyPastItsExpiryIsListedAsExpiredAndActiveOnlyHidesIt() {
    ApiKey soon = crm.useCases.apiKeys().create(crm.login(sam), CreateCommand.of("Short-lived", List.of("events:read"),
        crm.clock.instant().plus(Duration.ofMinutes(10)))).key();
    keyOf(sam, "Long-lived");
    crm.clock.advance(Duration.ofMinutes(11));
    Tui tui = new Tui(crm).logIn("sam").type("k");
    assertTrue(tui.lineWith("Short-lived").contains("expired"), tui.screen());
    assertTrue(tui.lineWith("Long-lived").contains("active"), tui.screen());
    tui.type("u").assertShows("my keys, active only", "Long-lived").assertHides("Short-lived");
    tui.type("a").assertShows("Short-lived", "crm_" + soon.prefix());
  }

  @Test
  void anExpiryBeyond366DaysIsRefusedBesideTheFieldAndTheFormKeepsWhatWasTyped() {
    Tui tui = new Tui(crm).logIn("sam").type("kn").type("Website leads\n").type(" \n");
    tui.replace("2028-02-01 10:00").save().type("y");
    assertTrue(tui.lineWith("Expires *").contains("must be at most 366 days ahead"), tui.screen());
    assertTrue(tui.lineWith("Name *").contains("Website leads"), tui.screen());
    tui.assertShows("[x] clients:read").assertHides("copy it now");
    assertTrue(keysOf(sam).isEmpty());

    tui.replace("2027-06-01 10:00").save().type("y").assertShows("copy it now");
    assertEquals(1, keysOf(sam).size());
  }

  @Test
  void aKeyWithoutNameOrScopeIsRefusedBesideTheFieldsBeforeAnyConfirmation() {
    Tui tui = new Tui(crm).logIn("sam").type("kn").save();
    assertTrue(tui.lineWith("Name *").contains("is required"), tui.screen());
    assertTrue(tui.lineWith("Scopes *").contains("must name at least one scope"), tui.screen());
    tui.assertHides("Please confirm");
  }

  @Test
  void managementListsEveryonesKeysFiltersByOwnerAndRevokesAnothersKey() {
    ApiKey samsKey = keyOf(sam, "Sam's website");
    ApiKey sidsKey = keyOf(sid, "Sid's calendar");
    Tui tui = new Tui(crm).logIn("mia").assertShows("a  All API keys").type("a");
    tui.assertShows("All API keys", "Owner");
    assertTrue(tui.lineWith("Sam's website").contains("Sam "), tui.screen());
    assertTrue(tui.lineWith("Sid's calendar").contains("Sid "), tui.screen());

    tui.type("o").assertShows("Choose a collaborator").type("/sid").enter().enter();
    tui.assertShows("All API keys", "the keys of Sid (#" + sid.id().value() + ")", "Sid's calendar").assertHides("Sam's website");
    tui.enter().assertShows("Sid's calendar", "Sid (#" + sid.id().value() + "), SALES").type("r").type("y");
    tui.assertNotice("is revoked");
    assertNotNull(stored(sidsKey).revokedAt());
    assertNull(stored(samsKey).revokedAt());

    tui.esc().type("u").assertShows("the keys of Sid (#" + sid.id().value() + "), active only").assertHides("Sid's calendar");
    tui.type("a").assertShows("Sam's website", "Sid's calendar");
  }

  @Test
  void onlyManagementIsOfferedEveryonesKeys() {
    new Tui(crm).logIn("sam").assertShows("k  My API keys").assertHides("All API keys").type("a").assertShows("SALES MENU")
        .assertHides("All API keys");
  }

  private ApiKey keyOf(Collaborator owner, String name) {
    return crm.useCases.apiKeys().create(crm.login(owner), CreateCommand.of(name, List.of("clients:read"),
        crm.clock.instant().plus(Duration.ofDays(30)))).key();
  }

  private List<ApiKey> keysOf(Collaborator owner) {
    return crm.store.apiKeys().list(new ApiKeyFilter(owner.id(), null), PageRequest.first(10), crm.clock.instant()).items();
  }

  private ApiKey stored(ApiKey key) {
    return crm.store.apiKeys().findById(key.id()).orElseThrow();
  }

  private static String secretOn(String screen) {
    Matcher m = SECRET.matcher(screen);
    assertTrue(m.find(), screen);
    return m.group();
  }

  private static int occurrences(String screen, String text) {
    return screen.split(Pattern.quote(text), -1).length - 1;
  }
}
