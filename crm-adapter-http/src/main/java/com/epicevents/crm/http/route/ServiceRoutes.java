package com.epicevents.crm.http.route;

import static com.epicevents.crm.http.route.Access.PUBLIC;

import com.epicevents.crm.http.HealthCheck;
import com.epicevents.crm.http.json.Representations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Health and the API's own description. */
final class ServiceRoutes {
  /** The OpenAPI document, kept by hand beside the code it describes. */
  static final String OPENAPI_RESOURCE = "/com/epicevents/crm/http/openapi.json";
  private static final Logger LOG = LoggerFactory.getLogger(ServiceRoutes.class);

  private ServiceRoutes() {}

  static void register(Registrar r, HealthCheck health) {
    byte[] openApi = openApiDocument();
    r.get("/health", "Health", PUBLIC, ctx -> {
      boolean up = databaseUp(health);
      String pool = poolSaturated(health) ? "SATURATED" : "OK";
      Responses.json(ctx, up ? 200 : 503, new Representations.HealthJson(up ? "UP" : "DOWN", up ? "UP" : "DOWN", pool));
    });
    r.get("/openapi.json", "OpenApi", PUBLIC, ctx -> ctx.status(200).contentType(Responses.JSON).result(openApi));
  }

  /** A check that throws counts as "down": the server keeps answering either way. */
  private static boolean databaseUp(HealthCheck health) {
    try {
      return health.databaseUp();
    } catch (RuntimeException e) {
      LOG.warn("health check failed: {}", e.getClass().getSimpleName());
      return false;
    }
  }

  private static boolean poolSaturated(HealthCheck health) {
    try {
      return health.poolSaturated();
    } catch (RuntimeException e) {
      return false;
    }
  }

  static byte[] openApiDocument() {
    try (InputStream in = ServiceRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
