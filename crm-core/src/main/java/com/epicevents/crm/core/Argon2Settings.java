package com.epicevents.crm.core;

/**
 * Argon2id cost parameters. The floor is OWASP's minimum for Argon2id (m=19 MiB, t=2, p=1): a
 * configuration can raise the cost but never go below it. The ceilings stop a typing mistake
 * (or a hostile stored hash, see {@link Argon2PasswordHasher#verify}) from asking for gigabytes.
 *
 * @param memoryKiB memory cost in KiB (m)
 * @param iterations number of passes (t)
 * @param parallelism number of lanes (p)
 */
public record Argon2Settings(int memoryKiB, int iterations, int parallelism) {
  public static final int MIN_MEMORY_KIB = 19_456;
  public static final int MIN_ITERATIONS = 2;
  public static final int MIN_PARALLELISM = 1;
  public static final int MAX_MEMORY_KIB = 1_048_576; // 1 GiB
  public static final int MAX_ITERATIONS = 64;
  public static final int MAX_PARALLELISM = 64;

  public static final Argon2Settings DEFAULTS =
      new Argon2Settings(MIN_MEMORY_KIB, MIN_ITERATIONS, MIN_PARALLELISM);

  public Argon2Settings {
    requireBetween("argon2 memoryKiB", memoryKiB, MIN_MEMORY_KIB, MAX_MEMORY_KIB);
    requireBetween("argon2 iterations", iterations, MIN_ITERATIONS, MAX_ITERATIONS);
    requireBetween("argon2 parallelism", parallelism, MIN_PARALLELISM, MAX_PARALLELISM);
  }

  private static void requireBetween(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          field + " must be between " + min + " and " + max + " (got " + value + ")");
    }
  }
}
