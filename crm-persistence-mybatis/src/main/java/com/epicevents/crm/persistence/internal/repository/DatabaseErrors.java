package com.epicevents.crm.persistence.internal.repository;

import com.epicevents.crm.domain.error.BusinessRuleViolated;
import com.epicevents.crm.domain.error.CrmException;
import com.epicevents.crm.domain.error.DatabaseUnavailable;
import com.epicevents.crm.domain.error.FieldError;
import com.epicevents.crm.domain.error.SchemaNotReady;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.epicevents.crm.persistence.PersistenceFailure;
import com.epicevents.crm.persistence.internal.migration.SchemaMigrations;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.apache.ibatis.exceptions.PersistenceException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where database errors become the domain's error family. Constraint names are
 * the ones the migrations give; the server's message and detail are never passed on (they can
 * quote SQL or the values of a row), except the text of our own trigger refusals.
 */
public final class DatabaseErrors {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseErrors.class);

  /** SQLSTATE raised by the schema's triggers for a business-rule refusal (V2__guards.sql). */
  static final String RULE_REFUSED = "EC001";

  private static final String SINGLE_LINE = "must be 1 to %d characters without control characters";

  /** CHECK and foreign-key constraint → the field a user typed and what is wrong with it. */
  private static final Map<String, FieldError> CONSTRAINTS = Map.ofEntries(
      entry("collaborators_username_check", "username",
          "must be 3 to 50 characters of letters, digits, '.', '_' or '-'"),
      entry("collaborators_full_name_check", "fullName", SINGLE_LINE.formatted(100)),
      entry("collaborators_email_check", "email", "is not a valid e-mail address"),
      entry("collaborators_phone_check", "phone", "must have 4 to 20 digits and only digits, spaces, + . - ( )"),
      entry("collaborators_team_check", "team", "must be one of MANAGEMENT, SALES, SUPPORT"),
      entry("collaborators_password_hash_check", "password", "is required"),
      entry("clients_full_name_check", "fullName", SINGLE_LINE.formatted(100)),
      entry("clients_email_check", "email", "is not a valid e-mail address"),
      entry("clients_phone_check", "phone", "must have 4 to 20 digits and only digits, spaces, + . - ( )"),
      entry("clients_company_name_check", "companyName", SINGLE_LINE.formatted(100)),
      entry("clients_sales_contact_id_fkey", "salesContactId", "is not an existing collaborator"),
      entry("contracts_total_amount_check", "totalAmount", "must not be negative"),
      entry("contracts_amount_due_check", "amountDue", "must be between 0 and the total amount"),
      entry("contracts_signed_at_check", "signedAt", "is set exactly when the contract is signed"),
      entry("contracts_client_id_fkey", "clientId", "is not an existing client"),
      entry("events_name_check", "name", SINGLE_LINE.formatted(100)),
      entry("events_client_contact_check", "clientContact", "must be 1 to 500 characters"),
      entry("events_end_at_check", "endAt", "cannot be before the start"),
      entry("events_location_check", "location", SINGLE_LINE.formatted(200)),
      entry("events_attendees_check", "attendees", "must be between 0 and 1000000"),
      entry("events_contract_id_fkey", "contractId", "is not an existing contract"),
      entry("events_support_contact_id_fkey", "supportContactId", "is not an existing collaborator"),
      entry("audit_entries_action_check", "action", "must be an upper-case word such as UPDATED"),
      entry("audit_entries_entity_type_check", "entityType",
          "must be one of COLLABORATOR, CLIENT, CONTRACT, EVENT, SESSION"),
      entry("sessions_token_hash_check", "tokenHash", "must be a hex SHA-256"),
      entry("sessions_kind_check", "kind", "must be INTERACTIVE or API"),
      entry("sessions_collaborator_id_fkey", "collaboratorId", "is not an existing collaborator"),
      entry("login_attempts_consecutive_failures_check", "consecutiveFailures", "must not be negative"));

  /** Unique indexes whose violation is a rule a user can meet: the value is taken. */
  private static final Map<String, String> TAKEN = Map.of(
      "collaborators_username_key", "username",
      "collaborators_email_key", "email");

  private DatabaseErrors() {}

  /**
   * Translates any exception raised while talking to the database. Domain errors pass through;
   * deadlocks and serialization failures become {@link RetryableConflict}.
   */
  public static RuntimeException translate(Throwable error) {
    if (error instanceof CrmException crm) {
      return crm;
    }
    if (error instanceof RetryableConflict retry) {
      return retry;
    }
    SQLException sql = findSqlException(error);
    if (sql == null) {
      if (error.getCause() instanceof CrmException crm) {
        return crm; // thrown by our own code inside a MyBatis call
      }
      if (!(error instanceof PersistenceException) && error instanceof RuntimeException runtime) {
        return runtime; // not from the database: a bug in the caller, left as it is
      }
      // MyBatis' own messages quote the SQL: only the kind of failure goes on.
      LOG.warn("persistence failure without SQL state: {}", error.getClass().getName());
      return new PersistenceFailure("the database operation failed", null);
    }
    String state = sql.getSQLState() == null ? "" : sql.getSQLState();
    ServerErrorMessage server = sql instanceof PSQLException p ? p.getServerErrorMessage() : null;
    String constraint = server == null ? null : server.getConstraint();
    String column = server == null ? null : server.getColumn();
    if (unavailable(sql, state)) {
      LOG.warn("database unavailable: SQLSTATE {}", state);
      return new DatabaseUnavailable("the database is unavailable (SQLSTATE " + (state.isEmpty() ? "none" : state)
          + "): nothing was changed; try again once it is reachable");
    }
    if (state.equals("42P01") || state.equals("3F000")) {
      String required = SchemaMigrations.requiredVersion();
      return new SchemaNotReady(null, required, "the CRM schema is missing a table (SQLSTATE " + state
          + "): migrate it to version " + required + " as the database owner"
          + " (CrmDatabase.configure(ownerDataSource).migrate(), or 'crm admin migrate')");
    }
    switch (state) {
      case "40001", "40P01":
        return new RetryableConflict(state);
      case "23505":
        if (constraint != null && TAKEN.containsKey(constraint)) {
          String taken = TAKEN.get(constraint);
          return new BusinessRuleViolated(taken, taken + " is already taken");
        }
        break;
      case "23514", "23503":
        FieldError field = constraint == null ? null : CONSTRAINTS.get(constraint);
        if (field != null) {
          return new ValidationFailed(java.util.List.of(field));
        }
        break;
      case "23502":
        if (column != null) {
          return ValidationFailed.of(camelCase(column), "is required");
        }
        break;
      case RULE_REFUSED:
        // Our own trigger's sentence (V2__guards.sql): written for users, no SQL, no values.
        String message = server == null || server.getMessage() == null ? "refused by a business rule" : server.getMessage();
        return new BusinessRuleViolated(column == null ? null : camelCase(column), message);
      default:
        break;
    }
    LOG.warn("unexpected database error: SQLSTATE {} constraint {} table {}", state, constraint,
        server == null ? null : server.getTable());
    return new PersistenceFailure(describe(state), state);
  }

  /** Server down, shutting down, connection refused or lost, pool exhausted, credentials refused. */
  private static boolean unavailable(SQLException sql, String state) {
    return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
        || state.equals("53300") || state.equals("28P01") || state.equals("28000")
        || sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException;
  }

  private static String describe(String state) {
    if (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")) {
      return "the database is unreachable";
    }
    if (state.equals("42501")) {
      return "the database refused the operation: permission denied";
    }
    if (state.equals("57014")) {
      return "the database operation took too long and was cancelled";
    }
    if (state.startsWith("23")) {
      return "the database refused the change: it breaks an integrity constraint";
    }
    if (state.startsWith("22")) {
      return "the database refused a value";
    }
    return "the database operation failed";
  }

  private static SQLException findSqlException(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        // a batch or wrapped exception: the server's own error is the most precise
        SQLException next = sql.getNextException();
        return next instanceof PSQLException && !(sql instanceof PSQLException) ? next : sql;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  static String camelCase(String column) {
    StringBuilder out = new StringBuilder(column.length());
    boolean upper = false;
    for (char c : column.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  private static Map.Entry<String, FieldError> entry(String constraint, String field, String message) {
    return Map.entry(constraint, new FieldError(field, message));
  }
}
