package com.epicevents.crm.domain.error;

/** The input is fine but the stored state forbids it (HTTP 409). */
public final class BusinessRuleViolated extends CrmException {
  private final String field;

  public BusinessRuleViolated(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The field the rule concerns, or null when it concerns the record as a whole. */
  public String field() {
    return field;
  }
}
