package com.epicevents.crm.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2PasswordHasherTest {
  private static final Argon2PasswordHasher HASHER = new Argon2PasswordHasher(Argon2Settings.DEFAULTS);
  private static final String PASSWORD = "correct horse battery staple";
  private static final Pattern PHC =
      Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

  /** One hash of PASSWORD shared by the read-only tests: each hash costs ~50 ms. */
  private static String stored;

  @BeforeAll
  static void hashOnce() {
    stored = HASHER.hash(PASSWORD.toCharArray());
  }

  @Test
  void theSamePasswordVerifiesAgainstItsHash() {
    char[] password = PASSWORD.toCharArray();
    assertTrue(HASHER.verify(password, stored));
    assertArrayEquals(PASSWORD.toCharArray(), password, "the caller's array is left for the caller to wipe");
  }

  @Test
  void aWrongPasswordDoesNotVerify() {
    assertFalse(HASHER.verify("correct horse battery stapler".toCharArray(), stored));
    assertFalse(HASHER.verify(new char[0], stored));
  }

  @Test
  void aTamperedHashNoLongerVerifies() {
    Matcher m = PHC.matcher(stored);
    assertTrue(m.matches());
    byte[] hash = Base64.getDecoder().decode(m.group(5));
    hash[0] ^= 1;
    String tampered = stored.substring(0, m.start(5)) + Base64.getEncoder().withoutPadding().encodeToString(hash);
    assertFalse(HASHER.verify(PASSWORD.toCharArray(), tampered));
  }

  @Test
  void aUnicodePasswordVerifiesWhetherTypedComposedOrDecomposed() {
    String nfc = Normalizer.normalize("pässwörd-ünïcødé-🔐", Normalizer.Form.NFC);
    String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
    assertNotEquals(nfc, nfd, "the test needs two different encodings of the same text");

    String hash = HASHER.hash(nfc.toCharArray());

    assertTrue(HASHER.verify(nfc.toCharArray(), hash));
    assertTrue(HASHER.verify(nfd.toCharArray(), hash));
    assertFalse(HASHER.verify("passwörd-ünïcødé-🔐".toCharArray(), hash));
  }

  @Test
  void hashingTheSamePasswordTwiceUsesDistinctSaltsAndGivesDistinctHashes() {
    String again = HASHER.hash(PASSWORD.toCharArray());
    Matcher first = PHC.matcher(stored);
    Matcher second = PHC.matcher(again);
    assertTrue(first.matches() && second.matches());
    assertNotEquals(first.group(4), second.group(4), "salt");
    assertNotEquals(first.group(5), second.group(5), "hash");
    assertTrue(HASHER.verify(PASSWORD.toCharArray(), again));
  }

  @Test
  void theHashIsAPhcStringCarryingTheParametersA16ByteSaltAndA32ByteHash() {
    Matcher m = PHC.matcher(stored);
    assertTrue(m.matches(), stored); // salt and hash classes exclude '=': no Base64 padding
    assertEquals("19456", m.group(1));
    assertEquals("2", m.group(2));
    assertEquals("1", m.group(3));
    assertEquals(16, Base64.getDecoder().decode(m.group(4)).length);
    assertEquals(32, Base64.getDecoder().decode(m.group(5)).length);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "not a hash",
      "$argon2id$",
      "$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
      "$argon2id$v=16$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
      "$argon2id$v=19$m=19456,t=2$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
      "$argon2id$v=19$t=2,m=19456,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
      "$argon2id$v=19$m=lots,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
      "$argon2id$v=19$m=99999999999,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
      "$argon2id$v=19$m=4,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
      "$argon2id$v=19$m=19456,t=0,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
      "$argon2id$v=19$m=19456,t=2,p=0$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
      "$argon2id$v=19$m=19456,t=2,p=1$!!notbase64!!$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
      "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
      "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$",
      "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc$extra",
  })
  void aMalformedHashIsRefusedWithoutAnException(String malformed) {
    assertFalse(HASHER.verify(PASSWORD.toCharArray(), malformed));
    assertTrue(HASHER.needsRehash(malformed));
  }

  @Test
  void aNullHashIsRefusedWithoutAnException() {
    assertFalse(HASHER.verify(PASSWORD.toCharArray(), null));
  }

  @Test
  void aHashMadeWithTheConfiguredParametersNeedsNoRehash() {
    assertFalse(HASHER.needsRehash(stored));
  }

  @Test
  void aHashWithLowerMemoryIterationsOrParallelismThanConfiguredNeedsRehash() {
    assertTrue(new Argon2PasswordHasher(new Argon2Settings(65_536, 2, 1)).needsRehash(stored), "memory");
    assertTrue(new Argon2PasswordHasher(new Argon2Settings(19_456, 3, 1)).needsRehash(stored), "iterations");
    assertTrue(new Argon2PasswordHasher(new Argon2Settings(19_456, 2, 2)).needsRehash(stored), "parallelism");
  }

  @Test
  void verifyUsesTheParametersStoredInTheHashNotTheConfiguredOnes() {
    String stronger = new Argon2PasswordHasher(new Argon2Settings(19_456, 3, 2)).hash(PASSWORD.toCharArray());
    assertTrue(stronger.contains("$m=19456,t=3,p=2$"), stronger);

    assertTrue(HASHER.verify(PASSWORD.toCharArray(), stronger));
    assertFalse(HASHER.needsRehash(stronger), "stronger than configured is fine");
  }

  @Test
  void theReferenceImplementationVectorVerifies() {
    // phc-winner-argon2 (src/test.c and README): argon2id, "password" / "somesalt", t=2, m=64 MiB, p=1.
    // The same string appears in other independent implementations' test suites.
    String reference =
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

    assertTrue(HASHER.verify("password".toCharArray(), reference));
    assertFalse(HASHER.verify("passwore".toCharArray(), reference));
    assertTrue(HASHER.needsRehash(reference), "its 8-byte salt is shorter than the 16 bytes we use");
  }

  @Test
  void settingsBelowTheOwaspFloorAreRefusedNamingTheParameter() {
    IllegalArgumentException memory =
        assertThrows(IllegalArgumentException.class, () -> new Argon2Settings(19_455, 2, 1));
    assertTrue(memory.getMessage().contains("memoryKiB"), memory.getMessage());
    IllegalArgumentException iterations =
        assertThrows(IllegalArgumentException.class, () -> new Argon2Settings(19_456, 1, 1));
    assertTrue(iterations.getMessage().contains("iterations"), iterations.getMessage());
    IllegalArgumentException parallelism =
        assertThrows(IllegalArgumentException.class, () -> new Argon2Settings(19_456, 2, 0));
    assertTrue(parallelism.getMessage().contains("parallelism"), parallelism.getMessage());
    assertEquals(new Argon2Settings(19_456, 2, 1), Argon2Settings.DEFAULTS);
  }
}
