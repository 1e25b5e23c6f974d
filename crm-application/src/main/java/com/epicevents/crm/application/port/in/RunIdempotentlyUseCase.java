package com.epicevents.crm.application.port.in;

import com.epicevents.crm.application.port.out.RecordedResponse;
import com.epicevents.crm.domain.error.ValidationFailed;
import java.util.Optional;

/**
 * Runs a request sent with an idempotency key at most once per (credential owner, key): the
 * first run's outcome is stored in the same unit of work as the change it made, and a retry gets
 * it back instead of running again. Records older than the retention count as absent.
 */
public interface RunIdempotentlyUseCase {
  /** Longest key accepted (the HTTP header's limit). */
  int MAX_KEY_LENGTH = 255;

  /**
   * @param key 1 to {@value #MAX_KEY_LENGTH} visible ASCII characters (0x21 to 0x7E)
   * @param fingerprint what identifies the request's content, as 64 lower-case hex digits (a
   *     SHA-256); the same key with another fingerprint is a client error (the key was reused for a
   *     different request)
   */
  record Request(AuthToken token, String key, String fingerprint) {
    public Request {
      String problem = keyProblem(key);
      if (problem != null) {
        throw ValidationFailed.of("idempotencyKey", problem);
      }
      if (fingerprint == null || !fingerprint.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("the fingerprint must be a SHA-256 as 64 lower-case hex digits");
      }
    }
  }

  /**
   * What is wrong with an idempotency key, as the end of a sentence naming it ("must …"); null when
   * it is acceptable: 1 to {@value #MAX_KEY_LENGTH} visible ASCII characters (0x21 to 0x7E).
   */
  static String keyProblem(String key) {
    if (key == null || key.isEmpty()) {
      return "must not be empty: send 1 to " + MAX_KEY_LENGTH + " visible ASCII characters";
    }
    if (key.length() > MAX_KEY_LENGTH) {
      return "must be at most " + MAX_KEY_LENGTH + " characters (got " + key.length() + ")";
    }
    if (!key.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
      return "may hold only visible ASCII characters (0x21 to 0x7E): no spaces, control or non-ASCII characters";
    }
    return null;
  }

  /** The request's own work, which the use case runs inside its unit of work. */
  interface Work {
    /** Does the request (calling the ordinary use case) and returns the response to store. */
    RecordedResponse run();

    /**
     * The response to store for an error {@link #run} threw after reaching the use case (a
     * refusal such as 403, 404, 409, 412); empty when the error is not to be stored (invalid
     * input, unexpected errors): a retry with the same key then runs normally.
     */
    Optional<RecordedResponse> refusal(RuntimeException error);
  }

  enum Kind {
    /** The work ran now; {@code response} is what it produced (stored, unless another request stored first). */
    EXECUTED,
    /** A stored response of an earlier run with the same key and fingerprint; nothing ran. */
    REPLAYED,
    /** The same key is being used by a request still running; nothing ran. */
    IN_FLIGHT,
    /** The key was used earlier for a request with another fingerprint; nothing ran. */
    KEY_REUSED
  }

  /** What happened; {@code response} is set for {@link Kind#EXECUTED} and {@link Kind#REPLAYED}. */
  record Outcome(Kind kind, RecordedResponse response) {}

  /**
   * Runs the work once for this key, or answers why not.
   *
   * @throws com.epicevents.crm.domain.error.AuthenticationFailed the token does not resolve
   *     (nothing is stored); errors of the work that are not stored are rethrown as they are
   */
  Outcome run(Request request, Work work);

  /** Deletes the records older than the retention, in bounded batches; returns how many. */
  int pruneExpired();
}
