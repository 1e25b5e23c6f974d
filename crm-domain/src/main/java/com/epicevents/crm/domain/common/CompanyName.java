package com.epicevents.crm.domain.common;

/** A company's name: 1 to 100 characters. */
public record CompanyName(String value) {
  public static final int MAX = 100;

  public CompanyName {
    value = Texts.singleLine("companyName", value, 1, MAX);
  }

  @Override
  public String toString() {
    return value;
  }
}
