package com.epicevents.crm.core;

import com.epicevents.crm.application.port.out.PasswordHasher;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing (Bouncy Castle) encoded as a PHC string:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and hash in unpadded standard Base64
 * as the reference implementation writes them. The parameters travel with the hash, so raising
 * the configured cost later only needs a rehash at the next successful login ({@link
 * #needsRehash}).
 *
 * <p>Passwords are normalised to Unicode NFC before hashing, so the same password typed on systems
 * that compose accents differently (NFC vs NFD) still matches.
 */
public final class Argon2PasswordHasher implements PasswordHasher {
  public static final int SALT_BYTES = 16;
  public static final int HASH_BYTES = 32;

  private static final String PREFIX = "$argon2id$v=19$";
  private static final Pattern PARAMETERS = Pattern.compile("m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,10})");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  // The JDK decoder also accepts padded input; PHC strings never carry any, which is harmless.
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();
  // Bounds for stored values: the reference vectors use 8-byte salts; anything outside is malformed.
  private static final int MIN_STORED_SALT = 8;
  private static final int MAX_STORED_SALT = 64;
  private static final int MIN_STORED_HASH = 16;
  private static final int MAX_STORED_HASH = 64;

  private final Argon2Settings settings;
  private final SecureRandom random;

  public Argon2PasswordHasher(Argon2Settings settings) {
    this(settings, new SecureRandom());
  }

  public Argon2PasswordHasher() {
    this(Argon2Settings.DEFAULTS);
  }

  Argon2PasswordHasher(Argon2Settings settings, SecureRandom random) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.random = Objects.requireNonNull(random, "random");
  }

  public Argon2Settings settings() {
    return settings;
  }

  @Override
  public String hash(char[] password) {
    Objects.requireNonNull(password, "password");
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash =
        derive(password, salt, settings.memoryKiB(), settings.iterations(), settings.parallelism(), HASH_BYTES);
    try {
      return PREFIX
          + "m=" + settings.memoryKiB()
          + ",t=" + settings.iterations()
          + ",p=" + settings.parallelism()
          + "$" + B64.encodeToString(salt)
          + "$" + B64.encodeToString(hash);
    } finally {
      Arrays.fill(hash, (byte) 0);
    }
  }

  @Override
  public boolean verify(char[] password, String encodedHash) {
    Objects.requireNonNull(password, "password");
    Optional<Phc> parsed = Phc.parse(encodedHash);
    if (parsed.isEmpty()) {
      return false;
    }
    Phc phc = parsed.get();
    byte[] candidate = derive(password, phc.salt, phc.memoryKiB, phc.iterations, phc.parallelism, phc.hash.length);
    try {
      return MessageDigest.isEqual(candidate, phc.hash);
    } finally {
      Arrays.fill(candidate, (byte) 0);
    }
  }

  @Override
  public boolean needsRehash(String encodedHash) {
    Optional<Phc> parsed = Phc.parse(encodedHash);
    if (parsed.isEmpty()) {
      return true;
    }
    Phc phc = parsed.get();
    return phc.memoryKiB < settings.memoryKiB()
        || phc.iterations < settings.iterations()
        || phc.parallelism < settings.parallelism()
        || phc.salt.length < SALT_BYTES
        || phc.hash.length < HASH_BYTES;
  }

  private static byte[] derive(
      char[] password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length) {
    Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKiB)
        .withIterations(iterations)
        .withParallelism(parallelism)
        .withSalt(salt)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] secret = utf8Nfc(password);
    byte[] out = new byte[length];
    try {
      generator.generateBytes(secret, out);
      return out;
    } finally {
      Arrays.fill(secret, (byte) 0);
      parameters.clear();
    }
  }

  /** UTF-8 bytes of the NFC form, without leaving an un-wiped copy when the input is already NFC. */
  private static byte[] utf8Nfc(char[] password) {
    CharBuffer chars = CharBuffer.wrap(password);
    // Normalizer only returns Strings, which cannot be wiped; the usual (already NFC) case avoids it.
    CharSequence text = Normalizer.isNormalized(chars, Normalizer.Form.NFC)
        ? chars
        : Normalizer.normalize(chars, Normalizer.Form.NFC);
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return bytes;
  }

  /** A parsed, bounds-checked PHC string; anything unexpected makes it malformed. */
  private static final class Phc {
    final int memoryKiB;
    final int iterations;
    final int parallelism;
    final byte[] salt;
    final byte[] hash;

    private Phc(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash) {
      this.memoryKiB = memoryKiB;
      this.iterations = iterations;
      this.parallelism = parallelism;
      this.salt = salt;
      this.hash = hash;
    }

    static Optional<Phc> parse(String encoded) {
      if (encoded == null || !encoded.startsWith(PREFIX)) {
        return Optional.empty();
      }
      String[] parts = encoded.substring(PREFIX.length()).split("\\$", -1);
      if (parts.length != 3) {
        return Optional.empty();
      }
      Matcher m = PARAMETERS.matcher(parts[0]);
      if (!m.matches()) {
        return Optional.empty();
      }
      long memory = Long.parseLong(m.group(1));
      long iterations = Long.parseLong(m.group(2));
      long parallelism = Long.parseLong(m.group(3));
      // Argon2 needs at least 8 KiB per lane; the upper bounds keep a tampered row from costing gigabytes.
      if (parallelism < 1 || parallelism > Argon2Settings.MAX_PARALLELISM
          || iterations < 1 || iterations > Argon2Settings.MAX_ITERATIONS
          || memory < 8 * parallelism || memory > Argon2Settings.MAX_MEMORY_KIB) {
        return Optional.empty();
      }
      byte[] salt;
      byte[] hash;
      try {
        salt = B64_DECODER.decode(parts[1]);
        hash = B64_DECODER.decode(parts[2]);
      } catch (IllegalArgumentException notBase64) {
        return Optional.empty();
      }
      if (salt.length < MIN_STORED_SALT || salt.length > MAX_STORED_SALT
          || hash.length < MIN_STORED_HASH || hash.length > MAX_STORED_HASH) {
        return Optional.empty();
      }
      return Optional.of(new Phc((int) memory, (int) iterations, (int) parallelism, salt, hash));
    }
  }
}
