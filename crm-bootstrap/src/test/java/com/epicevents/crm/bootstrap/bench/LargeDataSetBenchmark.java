package com.epicevents.crm.bootstrap.bench;

import com.epicevents.crm.bootstrap.embedded.EmbeddedDatabase;
import com.epicevents.crm.core.Argon2PasswordHasher;
import com.epicevents.crm.persistence.demo.DemoData;
import com.epicevents.crm.persistence.demo.DemoData.LoadReport;
import com.epicevents.crm.persistence.demo.DemoData.Size;
import java.nio.file.Path;

/**
 * Set-up step of the HTTP benchmark ({@code bench/http.sh}; not a test): fills the embedded
 * database of an initialised CRM home ({@code crm admin init}) with the demo data, as the owner,
 * while no crm process runs on that home. The demo collaborators ({@code manager1}, {@code
 * sales1}, {@code support1}, …) all get the password given here.
 *
 * <p>Arguments: {@code HOME EMBEDDED_PORT OWNER_PASSWORD DEMO_PASSWORD [large|small|C,K,E] [SEED]}
 * (C clients, K contracts, E events, for a quick dry run of the script).
 */
public final class LargeDataSetBenchmark {
  private LargeDataSetBenchmark() {}

  public static void main(String[] args) {
    if (args.length < 4) {
      System.err.println("usage: LargeDataSetBenchmark HOME EMBEDDED_PORT OWNER_PASSWORD DEMO_PASSWORD"
          + " [large|small|C,K,E] [SEED]");
      System.exit(2);
    }
    Path home = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    String ownerPassword = args[2];
    char[] demoPassword = args[3].toCharArray();
    Size size = size(args.length > 4 ? args[4] : "large");
    long seed = args.length > 5 ? Long.parseLong(args[5]) : 20_270_301L;

    // The cost stored in the hash is what login verifies with: the default, as a real CRM has.
    String hash = new Argon2PasswordHasher().hash(demoPassword);
    try (EmbeddedDatabase database = EmbeddedDatabase.start(home, port, ownerPassword)) {
      LoadReport report = DemoData.load(database.ownerDataSource(), size, hash, seed);
      System.out.println("loaded " + size.name() + " demo data: " + report.counts() + " in "
          + report.elapsed().toSeconds() + " s");
    }
  }

  private static Size size(String raw) {
    if (raw.contains(",")) {
      String[] n = raw.split(",");
      return Size.custom(50, Integer.parseInt(n[0]), Integer.parseInt(n[1]), Integer.parseInt(n[2]));
    }
    return Size.parse(raw);
  }
}
