package com.epicevents.crm.persistence.demo;

import static com.epicevents.crm.persistence.demo.Vocabulary.COMPANY_KINDS;
import static com.epicevents.crm.persistence.demo.Vocabulary.COMPANY_KINDS_ASCII;
import static com.epicevents.crm.persistence.demo.Vocabulary.COMPANY_WORDS;
import static com.epicevents.crm.persistence.demo.Vocabulary.COMPANY_WORDS_ASCII;
import static com.epicevents.crm.persistence.demo.Vocabulary.EVENT_NAMES;
import static com.epicevents.crm.persistence.demo.Vocabulary.FIRST_NAMES;
import static com.epicevents.crm.persistence.demo.Vocabulary.FIRST_NAMES_ASCII;
import static com.epicevents.crm.persistence.demo.Vocabulary.LAST_NAMES;
import static com.epicevents.crm.persistence.demo.Vocabulary.LAST_NAMES_ASCII;
import static com.epicevents.crm.persistence.demo.Vocabulary.NOTES;
import static com.epicevents.crm.persistence.demo.Vocabulary.VENUES;

import com.epicevents.crm.persistence.demo.DemoData.Size;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.SplittableRandom;

/**
 * Generates the demo rows and streams them into the four business tables, with the ids given
 * explicitly (1, 2, 3, … in each table, which is empty and locked) so that rows can reference
 * each other without reading anything back.
 *
 * <p>Every row is a function of (seed, table, id) alone: each row draws from its own
 * {@link SplittableRandom}, so the same seed and reference time give the same data. What later
 * tables need of earlier ones (a client's creation time, which contracts are signed, their
 * client and signing time) is kept in primitive arrays, a few megabytes for the large set.
 *
 * <p>Rows respect the schema's rules: signed_at set iff signed, 0 ≤ amount due ≤ total, end ≥
 * start, events only on signed contracts, clients' sales contacts in SALES, events' support
 * contacts in SUPPORT, no time after the reference time except future events.
 */
final class DemoRows {
  static final String COLLABORATOR_COLUMNS =
      "id, username, full_name, email, phone, team, active, password_hash, created_at, updated_at";
  static final String CLIENT_COLUMNS =
      "id, full_name, email, phone, company_name, created_at, updated_at, last_contact_at, sales_contact_id";
  static final String CONTRACT_COLUMNS =
      "id, client_id, total_amount, amount_due, signed, signed_at, created_at, updated_at, sales_contact_id";
  static final String EVENT_COLUMNS = "id, contract_id, name, client_contact, start_at, end_at, support_contact_id,"
      + " location, attendees, notes, created_at, updated_at, sales_contact_id";

  private static final long HOUR = 3_600;
  private static final long DAY = 24 * HOUR;
  private static final long YEAR = 365 * DAY;
  // salts that give each table (and the clients' identity) its own random streams
  private static final long COLLABORATOR = 1;
  private static final long CLIENT = 2;
  private static final long CLIENT_IDENTITY = 3;
  private static final long CONTRACT = 4;
  private static final long EVENT = 5;

  private final Size size;
  private final String passwordHash;
  private final long seed;
  private final long now;

  private long[] clientCreatedAt;
  private int signedCount;
  private int[] signedContractIds;
  private int[] signedContractClients;
  private long[] signedContractSignedAt;

  /** {@code now}: the reference time in epoch seconds; past and future are relative to it. */
  DemoRows(Size size, String passwordHash, long seed, long now) {
    this.size = size;
    this.passwordHash = passwordHash;
    this.seed = seed;
    this.now = now;
  }

  /** Usernames are the team's name and a number: manager1, sales1, support1, … */
  static String username(String team, int number) {
    return team + number;
  }

  long copyCollaborators(Connection connection) throws SQLException, IOException {
    try (CopyRows out = CopyRows.into(connection, "crm.collaborators", COLLABORATOR_COLUMNS)) {
      int id = 0;
      for (int n = 1; n <= size.managers(); n++) {
        collaborator(out, ++id, username("manager", n), "MANAGEMENT");
      }
      for (int n = 1; n <= size.sales(); n++) {
        collaborator(out, ++id, username("sales", n), "SALES");
      }
      for (int n = 1; n <= size.support(); n++) {
        collaborator(out, ++id, username("support", n), "SUPPORT");
      }
      return out.finish();
    }
  }

  private void collaborator(CopyRows out, int id, String username, String team) throws IOException {
    SplittableRandom r = random(COLLABORATOR, id);
    String first = pick(r, FIRST_NAMES);
    String last = pick(r, LAST_NAMES);
    long created = now - 3 * YEAR - r.nextLong(2 * YEAR); // before the oldest client
    out.number(id).text(username).text(first + " " + last).text(username + "@epicevents.example")
        .text(phone(r)).text(team).bool(true).text(passwordHash).time(created).time(created);
    out.endRow();
  }

  /** Each client's sales contact: contracts and events carry a copy (schema V4). */
  private int[] clientSalesContact;

  long copyClients(Connection connection) throws SQLException, IOException {
    clientCreatedAt = new long[size.clients() + 1];
    clientSalesContact = new int[size.clients() + 1];
    int firstSales = size.managers() + 1;
    try (CopyRows out = CopyRows.into(connection, "crm.clients", CLIENT_COLUMNS)) {
      for (int id = 1; id <= size.clients(); id++) {
        SplittableRandom r = random(CLIENT, id);
        Identity who = identity(id);
        long created = now - DAY - r.nextLong(3 * YEAR);
        long lastContact = created + r.nextLong(now - created);
        clientCreatedAt[id] = created;
        int salesContact = firstSales + r.nextInt(size.sales());
        clientSalesContact[id] = salesContact;
        String email = r.nextInt(100) < 85 ? who.email() : null;
        out.number(id).text(who.fullName()).text(email).text(who.phone()).text(who.company())
            .time(created).time(lastContact).time(lastContact).number(salesContact);
        out.endRow();
      }
      return out.finish();
    }
  }

  long copyContracts(Connection connection) throws SQLException, IOException {
    signedContractIds = new int[size.contracts()];
    signedContractClients = new int[size.contracts()];
    signedContractSignedAt = new long[size.contracts()];
    signedCount = 0;
    try (CopyRows out = CopyRows.into(connection, "crm.contracts", CONTRACT_COLUMNS)) {
      for (int id = 1; id <= size.contracts(); id++) {
        SplittableRandom r = random(CONTRACT, id);
        int client = 1 + r.nextInt(size.clients());
        long created = clientCreatedAt[client] + r.nextLong(now - clientCreatedAt[client]);
        // the first contract is always signed, so that events have somewhere to go
        boolean signed = id == 1 || r.nextInt(100) < 70;
        long total = 100_000L + 5_000L * r.nextInt(3_000); // 1,000.00 to 150,950.00
        int paid = r.nextInt(100);
        long due;
        Long signedAt = null;
        if (signed) {
          signedAt = created + r.nextLong(Math.min(60 * DAY, now - created) + 1);
          due = paid < 45 ? 0 : paid < 80 ? total * (10 + r.nextInt(81)) / 100 : total;
          signedContractIds[signedCount] = id;
          signedContractClients[signedCount] = client;
          signedContractSignedAt[signedCount] = signedAt;
          signedCount++;
        } else {
          due = paid < 85 ? total : total - total * (10 + r.nextInt(21)) / 100; // some paid a deposit
        }
        long updated = signedAt == null ? created : signedAt;
        out.number(id).number(client).money(total).money(due).bool(signed).time(signedAt)
            .time(created).time(updated).number(clientSalesContact[client]);
        out.endRow();
      }
      return out.finish();
    }
  }

  long copyEvents(Connection connection) throws SQLException, IOException {
    int firstSupport = size.managers() + size.sales() + 1;
    try (CopyRows out = CopyRows.into(connection, "crm.events", EVENT_COLUMNS)) {
      for (int id = 1; id <= size.events(); id++) {
        SplittableRandom r = random(EVENT, id);
        int k = r.nextInt(signedCount);
        long signedAt = signedContractSignedAt[k];
        long created = signedAt + r.nextLong(Math.min(30 * DAY, now - signedAt) + 1);
        Identity client = identity(signedContractClients[k]);

        int when = r.nextInt(100);
        Long start;
        int assignedPercent;
        if (when < 4) { // date not fixed yet
          start = null;
          assignedPercent = 60;
        } else if (when < 28) { // already took place, after it was planned
          start = atHourOfDay(created + r.nextLong(now - created + 1), r);
          if (start >= now) {
            start -= DAY;
          }
          assignedPercent = 97;
        } else { // coming up within the next 18 months
          start = atHourOfDay(now + DAY + r.nextLong(540 * DAY), r);
          assignedPercent = 82;
        }
        Long end = start == null || r.nextInt(100) < 6 ? null : start + (2 + r.nextInt(10)) * HOUR;
        Long support = r.nextInt(100) < assignedPercent ? (long) firstSupport + r.nextInt(size.support()) : null;
        String name = r.nextInt(100) < 10 ? null
            : pick(r, EVENT_NAMES).replace("{company}", client.company()).replace("{last}", client.last());
        int attendees = r.nextInt(100) < 5 ? 500 + r.nextInt(4_501) : 10 + r.nextInt(490);
        String notes = r.nextInt(100) < 70 ? null : pick(r, NOTES);

        out.number(id).number(signedContractIds[k]).text(name).text(client.fullName() + "\n" + client.phone())
            .time(start).time(end).number(support).text(pick(r, VENUES)).number(attendees).text(notes)
            .time(created).time(created).number(clientSalesContact[signedContractClients[k]]);
        out.endRow();
      }
      return out.finish();
    }
  }

  /** Who a client is: also needed by its events (their names and client contact). */
  private Identity identity(int clientId) {
    SplittableRandom r = random(CLIENT_IDENTITY, clientId);
    int first = r.nextInt(FIRST_NAMES.length);
    int last = r.nextInt(LAST_NAMES.length);
    int word = r.nextInt(COMPANY_WORDS.length);
    int kind = r.nextInt(COMPANY_KINDS.length);
    String domain = COMPANY_WORDS_ASCII[word] + "-" + COMPANY_KINDS_ASCII[kind] + (r.nextBoolean() ? ".com" : ".fr");
    return new Identity(FIRST_NAMES[first], LAST_NAMES[last], COMPANY_WORDS[word] + " " + COMPANY_KINDS[kind],
        FIRST_NAMES_ASCII[first] + "." + LAST_NAMES_ASCII[last] + "@" + domain, phone(r));
  }

  private record Identity(String first, String last, String company, String email, String phone) {
    String fullName() {
      return first + " " + last;
    }
  }

  /** A French mobile number, e.g. +33 6 12 34 56 78. */
  private static String phone(SplittableRandom r) {
    StringBuilder phone = new StringBuilder(17).append("+33 ").append(6 + r.nextInt(2));
    for (int pair = 0; pair < 4; pair++) {
      int digits = r.nextInt(100);
      phone.append(' ').append(digits < 10 ? "0" : "").append(digits);
    }
    return phone.toString();
  }

  /** The same day (UTC), at a whole hour between 09:00 and 20:00. */
  private static long atHourOfDay(long epochSecond, SplittableRandom r) {
    return Math.floorDiv(epochSecond, DAY) * DAY + (9 + r.nextInt(12)) * HOUR;
  }

  private static String pick(SplittableRandom r, String[] words) {
    return words[r.nextInt(words.length)];
  }

  private SplittableRandom random(long table, long id) {
    return new SplittableRandom(mix(mix(seed + table) + id));
  }

  /** SplitMix64's finaliser: neighbouring inputs give unrelated outputs. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
