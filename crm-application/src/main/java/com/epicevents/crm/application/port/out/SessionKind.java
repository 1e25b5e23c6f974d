package com.epicevents.crm.application.port.out;

/**
 * INTERACTIVE sessions (the text UI) ask for the password again before changes; API bearer
 * tokens rely on their idle and absolute expiry instead.
 */
public enum SessionKind {
  INTERACTIVE,
  API,
  /** Not a session: a credential resolved from an API key (see ApiKeyStore). */
  API_KEY
}
