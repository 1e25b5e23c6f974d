import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The floor under every JSON API built on Jetty, on this machine: bench/http.sh runs wrk against
 * this server exactly as against GET /api/v1/clients/{id}. Jetty 12 as the CRM ships it (from
 * crm.jar), one handler, no routing, no JSON writing, no database: every request gets the same
 * 350-byte client record, already encoded. What the CRM's server CPU per request costs beyond
 * this is routing, security headers, the token check, the query, row mapping and JSON.
 *
 *   java -cp crm.jar bench/http/JettyFloor.java PORT
 */
public final class JettyFloor {
  private static final byte[] CLIENT = ("{\"id\":4711,\"fullName\":\"François O'Brien\","
      + "\"email\":\"francois.obrien@lumiere-insurance.com\",\"phone\":\"+33 6 12 34 56 78\","
      + "\"companyName\":\"Lumière Insurance\",\"createdAt\":\"2024-05-11T08:12:31Z\","
      + "\"updatedAt\":\"2026-11-30T15:53:02.058367Z\",\"lastContactAt\":\"2026-09-19T10:19:01Z\","
      + "\"salesContactId\":5,\"salesContactName\":\"Sales Person One\",\"version\":4096}")
      .getBytes(StandardCharsets.UTF_8);

  public static void main(String[] args) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(Integer.parseInt(args[0]));
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(CLIENT), callback);
        return true;
      }
    });
    server.start();
    System.out.println("jetty floor listening on 127.0.0.1:" + connector.getLocalPort());
    server.join();
  }
}
