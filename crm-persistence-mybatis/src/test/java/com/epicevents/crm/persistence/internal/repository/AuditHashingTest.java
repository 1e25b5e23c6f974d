package com.epicevents.crm.persistence.internal.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.epicevents.crm.domain.audit.Changes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The canonical form is part of the stored data: old hashes must verify forever. */
class AuditHashingTest {

  @Test
  void theHashIsSha256OfThePreviousHashAndTheDocumentedCanonicalForm() throws Exception {
    var changes = AuditHashing.changesNode(new Changes()
        .field("zeta", null, "line\nbreak \"quoted\" back\\slash é")
        .field("alpha", "1", "2").toOrderedMap());

    String hash = AuditHashing.hash(AuditHashing.GENESIS, Instant.parse("2031-01-02T03:04:05.1Z"), 7L, "UPDATED",
        "CLIENT", null, changes);

    String canonical = AuditHashing.GENESIS
        + "{\"action\":\"UPDATED\",\"actorId\":7,\"at\":\"2031-01-02T03:04:05.100000Z\","
        + "\"changes\":{\"alpha\":{\"from\":\"1\",\"to\":\"2\"},"
        + "\"zeta\":{\"from\":null,\"to\":\"line\\u000abreak \\\"quoted\\\" back\\\\slash é\"}},"
        + "\"entityId\":null,\"entityType\":\"CLIENT\"}";
    String expected = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    assertEquals(expected, hash);
  }

  @Test
  void theStoredJsonReadsBackToTheSameHashWhateverTheKeyOrder() {
    var written = AuditHashing.changesNode(new Changes().field("b", "1", "2").field("a", null, "x").toOrderedMap());
    var reread = AuditHashing.parse("{\"a\": {\"to\": \"x\", \"from\": null}, \"b\": {\"to\": \"2\", \"from\": \"1\"}}");
    Instant at = Instant.parse("2031-01-02T03:04:05Z");

    assertEquals(AuditHashing.hash(AuditHashing.GENESIS, at, null, "X", "EVENT", 1L, written),
        AuditHashing.hash(AuditHashing.GENESIS, at, null, "X", "EVENT", 1L, reread));
    assertNotEquals(AuditHashing.hash(AuditHashing.GENESIS, at, null, "X", "EVENT", 1L, written),
        AuditHashing.hash(AuditHashing.GENESIS, at, null, "X", "EVENT", 1L,
            AuditHashing.parse("{\"a\": {\"to\": \"x\", \"from\": null}, \"b\": {\"to\": 2, \"from\": \"1\"}}")));
  }
}
