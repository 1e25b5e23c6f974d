package com.epicevents.crm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.Username;
import com.epicevents.crm.domain.common.CompanyName;
import com.epicevents.crm.domain.common.Email;
import com.epicevents.crm.domain.common.Money;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.domain.event.EventDetails;
import com.epicevents.crm.domain.event.Schedule;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * What every port contract test shares: the store under test and helpers that create the
 * records a test needs. A store may be shared by all the tests of a class (a database per test
 * class), so tests only assert about records they created themselves: unique names, and a
 * salesperson of their own to filter on.
 *
 * <p>Times carry microseconds at most, the precision every store keeps.
 */
public abstract class PortContractSupport {
  /** A fixed "now"; event starts are after it. */
  protected static final Instant NOW = Instant.parse("2031-05-04T10:15:30.123456Z");
  private static final AtomicLong SEQUENCE = new AtomicLong();
  // digits only: a random letter run could contain what a text-search test looks for
  private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40));

  /**
   * The store under test. Called often: return the same store for the whole test (or class),
   * not a new one per call.
   */
  protected abstract PortsUnderTest ports();

  /** A name no other test of this run uses, with the given prefix. */
  protected static String unique(String prefix) {
    return prefix + RUN + "x" + SEQUENCE.incrementAndGet();
  }

  protected static Instant at(long minutesAfterNow) {
    return NOW.plus(minutesAfterNow, ChronoUnit.MINUTES);
  }

  protected Collaborator newCollaborator(Team team) {
    String username = unique("u");
    return ports().collaborators().insert(Collaborator.create(
        new Username(username), new PersonName("Name " + username), new Email(username + "@epic.example"),
        new Phone("+33 1 23 45 67 89"), team, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", NOW));
  }

  protected Client newClient(Collaborator salesContact) {
    return newClient(salesContact, "Client " + unique("c"), "Company " + unique("k"));
  }

  protected Client newClient(Collaborator salesContact, String fullName, String companyName) {
    return ports().clients().insert(Client.create(
        new PersonName(fullName), new Email(unique("client") + "@client.example"), new Phone("0601020304"),
        new CompanyName(companyName), NOW.minus(3, ChronoUnit.DAYS), salesContact, NOW));
  }

  protected Contract newContract(Client client, boolean signed, String total, String due) {
    return ports().contracts().insert(Contract.create(client.id(), Money.of(total), Money.of(due), signed, NOW));
  }

  protected Contract newSignedContract(Client client) {
    return newContract(client, true, "1000.00", "500.00");
  }

  protected Event newEvent(Contract signedContract, Collaborator support, Instant start) {
    Schedule schedule = new Schedule(start, start == null ? null : start.plus(4, ChronoUnit.HOURS));
    return ports().events().insert(Event.plan(signedContract, details(unique("Party ")), schedule, support, NOW));
  }

  protected static EventDetails details(String name) {
    return new EventDetails(name, "Call Ana on 0601020304\nback door", "12 rue des Fêtes, Paris", 150, "Notes\twith a tab");
  }

  /** Every item of every page, following nextAfter; checks ids ascend and no page is empty but the last. */
  protected static <T> List<T> allPages(Function<PageRequest, Page<T>> query, int limit, ToLongFunction<T> idOf) {
    List<T> all = new ArrayList<>();
    long after = 0;
    for (int guard = 0; guard < 100_000; guard++) {
      Page<T> page = query.apply(new PageRequest(after, limit));
      assertTrue(page.items().size() <= limit, "a page holds at most the limit");
      for (T item : page.items()) {
        long id = idOf.applyAsLong(item);
        assertTrue(id > after, "ids ascend across pages");
        after = id;
        all.add(item);
      }
      if (!page.hasNext()) {
        return all;
      }
      assertEquals(limit, page.items().size(), "only the last page may be short");
      assertEquals(after, page.nextAfter(), "the next page starts after the last item");
    }
    throw new AssertionError("paging did not end");
  }

  /** The ids of {@code items} that are among {@code wanted}, checking none appears twice. */
  protected static <T> Set<Long> idsAmong(List<T> items, ToLongFunction<T> idOf, Set<Long> wanted) {
    Set<Long> seen = new HashSet<>();
    for (T item : items) {
      long id = idOf.applyAsLong(item);
      assertTrue(seen.add(id), "id " + id + " listed twice");
    }
    seen.retainAll(wanted);
    return seen;
  }
}
