package com.epicevents.crm.bootstrap.config;

/** A configuration value is missing, malformed or unusable; the message is one line naming the key. */
public class CrmConfigException extends RuntimeException {
  public CrmConfigException(String message) {
    super(message);
  }

  public CrmConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
