package com.epicevents.crm.domain.error;

/** A change needs the password typed again first (interactive sessions only). */
public final class ReauthenticationRequired extends CrmException {
  public ReauthenticationRequired() {
    super("please type your password again to confirm this change");
  }
}
