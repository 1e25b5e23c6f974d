package com.epicevents.crm.domain.error;

/** Bad credentials, or a missing, expired or revoked session (HTTP 401). */
public final class AuthenticationFailed extends CrmException {
  public static final String BAD_CREDENTIALS = "invalid username or password";

  private final Long refusedKeyId;
  private final Long keyOwnerId;

  public AuthenticationFailed(String message) {
    this(message, null, null);
  }

  private AuthenticationFailed(String message, Long refusedKeyId, Long keyOwnerId) {
    super(message);
    this.refusedKeyId = refusedKeyId;
    this.keyOwnerId = keyOwnerId;
  }

  /** A known API key that may no longer be used (expired, revoked): the refusal is audited. */
  public static AuthenticationFailed keyRefused(String message, long keyId, long ownerId) {
    return new AuthenticationFailed(message, keyId, ownerId);
  }

  /** The API key refused, when the refusal is about a known key (null otherwise). */
  public Long refusedKeyId() {
    return refusedKeyId;
  }

  /** The owner of {@link #refusedKeyId()}. */
  public Long keyOwnerId() {
    return keyOwnerId;
  }

  public static AuthenticationFailed badCredentials() {
    return new AuthenticationFailed(BAD_CREDENTIALS);
  }
}
