package com.epicevents.crm.domain.common;

/** A person's full name: 1 to 100 characters. */
public record PersonName(String value) {
  public static final int MAX = 100;

  public PersonName {
    value = Texts.singleLine("fullName", value, 1, MAX);
  }

  @Override
  public String toString() {
    return value;
  }
}
