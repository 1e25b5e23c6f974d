package com.epicevents.crm.domain.common;

import com.epicevents.crm.domain.error.ValidationFailed;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** An exact amount with two fraction digits, 0 to 9,999,999,999.99 (numeric(12,2)). */
public record Money(BigDecimal amount) implements Comparable<Money> {
  public static final BigDecimal MAX = new BigDecimal("9999999999.99");
  public static final Money ZERO = new Money(BigDecimal.ZERO);

  public Money {
    if (amount == null) {
      throw ValidationFailed.of("amount", "is required");
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw ValidationFailed.of("amount", "must have at most 2 decimal places");
    }
    if (amount.signum() < 0) {
      throw ValidationFailed.of("amount", "must not be negative");
    }
    if (amount.compareTo(MAX) > 0) {
      throw ValidationFailed.of("amount", "must not exceed " + MAX.toPlainString());
    }
    amount = amount.setScale(2, RoundingMode.UNNECESSARY);
  }

  public static Money of(String raw) {
    if (raw == null || raw.isBlank()) {
      throw ValidationFailed.of("amount", "is required");
    }
    try {
      return new Money(new BigDecimal(raw.strip()));
    } catch (NumberFormatException e) {
      throw ValidationFailed.of("amount", "is not a decimal number");
    }
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  @Override
  public int compareTo(Money other) {
    return amount.compareTo(other.amount);
  }

  @Override
  public String toString() {
    return amount.toPlainString();
  }
}
