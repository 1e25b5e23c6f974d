package com.epicevents.crm.http.route;

import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.http.json.Cursor;
import com.epicevents.crm.http.json.Json;
import com.epicevents.crm.http.json.Representations;
import com.epicevents.crm.http.json.Representations.Versioned;
import com.epicevents.crm.http.problem.Problem;
import com.epicevents.crm.http.problem.ProblemMapper;
import io.javalin.http.Context;
import java.util.function.Function;

/** Writing answers: JSON bodies, ETag on single records, Location on creation. */
public final class Responses {
  public static final String JSON = "application/json; charset=utf-8";
  public static final String PROBLEM_JSON = "application/problem+json";

  private Responses() {}

  static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType(JSON).result(Json.write(body));
  }

  /** 200 with one record and its version as a strong ETag. */
  static void record(Context ctx, Versioned record) {
    ctx.header("ETag", ProblemMapper.etag(record.version()));
    json(ctx, 200, record.body());
  }

  /** 201 with the new record, its ETag and where it lives. */
  static void created(Context ctx, String location, Versioned record) {
    ctx.header("Location", location);
    ctx.header("ETag", ProblemMapper.etag(record.version()));
    json(ctx, 201, record.body());
  }

  static <T> void page(Context ctx, Page<T> page, Function<T, Object> representation) {
    json(ctx, 200, new Representations.PageJson(
        page.items().stream().map(representation).toList(), Cursor.encode(page.nextAfter())));
  }

  static void noContent(Context ctx) {
    ctx.status(204).result(new byte[0]);
  }

  public static void problem(Context ctx, Problem problem) {
    problem.headers().forEach(ctx::header);
    ctx.status(problem.status()).contentType(PROBLEM_JSON).result(Json.write(problem));
  }
}
