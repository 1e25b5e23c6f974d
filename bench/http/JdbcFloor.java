import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * The floor of the record read in Java, on this machine: 16 threads, each on its own connection
 * (pgjdbc as the CRM ships it, from crm.jar; server-prepared after five uses, as in the CRM),
 * run the client record query of bench/http/client-record.sql for random ids and read every
 * column, for SECONDS. No pool, no MyBatis, no HTTP. Prints queries per second and this JVM's CPU
 * per query: what any Java server using pgjdbc spends on the database round trip alone.
 *
 *   java -cp crm.jar bench/http/JdbcFloor.java JDBC_URL USER PASSWORD CLIENTS SECONDS
 */
public final class JdbcFloor {
  private static final String SQL = "SELECT c.id, c.full_name, c.email, c.phone, c.company_name, c.created_at,"
      + " c.updated_at, c.last_contact_at, c.sales_contact_id, c.version, s.full_name AS sales_contact_name"
      + " FROM crm.clients c JOIN crm.collaborators s ON s.id = c.sales_contact_id WHERE c.id = ?";

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String user = args[1];
    String password = args[2];
    int clients = Integer.parseInt(args[3]);
    long seconds = Long.parseLong(args[4]);
    LongAdder queries = new LongAdder();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Thread[] threads = new Thread[16];
    long[] window = new long[2]; // start, end (nanoTime)
    for (int i = 0; i < threads.length; i++) {
      threads[i] = new Thread(() -> {
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement s = c.prepareStatement(SQL)) {
          while (true) {
            long now = System.nanoTime();
            if (window[1] != 0 && now > window[1]) {
              return;
            }
            s.setLong(1, ThreadLocalRandom.current().nextLong(1, clients + 1));
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                r.getLong(1); r.getString(2); r.getString(3); r.getString(4); r.getString(5);
                r.getObject(6, OffsetDateTime.class); r.getObject(7, OffsetDateTime.class);
                r.getObject(8, OffsetDateTime.class); r.getLong(9); r.getLong(10); r.getString(11);
              }
            }
            if (window[0] != 0 && now >= window[0]) {
              queries.increment();
            }
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
    }
    long warm = System.nanoTime() + 5_000_000_000L; // 5 s of warm-up (JIT), not counted
    window[0] = warm;
    window[1] = warm + seconds * 1_000_000_000L;
    for (Thread t : threads) {
      t.start();
    }
    while (System.nanoTime() < warm) {
      Thread.sleep(10);
    }
    long cpuBefore = os.getProcessCpuTime();
    for (Thread t : threads) {
      t.join();
    }
    long cpu = os.getProcessCpuTime() - cpuBefore;
    long n = queries.sum();
    System.out.printf("RESULT queries=%d rate=%.0f java_cpu_us_per_query=%.1f%n", n, n / (double) seconds,
        cpu / 1000.0 / n);
  }
}
