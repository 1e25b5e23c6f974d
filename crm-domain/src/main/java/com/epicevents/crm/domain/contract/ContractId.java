package com.epicevents.crm.domain.contract;

import com.epicevents.crm.domain.error.ValidationFailed;

/** Identifier assigned by the database: a positive 64-bit integer. */
public record ContractId(long value) {
  public ContractId {
    if (value <= 0) {
      throw ValidationFailed.of("id", "must be a positive number");
    }
  }

  public static ContractId of(long value) {
    return new ContractId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
