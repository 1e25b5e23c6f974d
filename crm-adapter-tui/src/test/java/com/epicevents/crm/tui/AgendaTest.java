package com.epicevents.crm.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.domain.event.EventDetails;
import com.epicevents.crm.domain.event.Schedule;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Support's "My events" is an agenda: by date, soonest first, the past hidden unless asked. */
class AgendaTest {
  private final TestCrm crm = new TestCrm();
  private final Collaborator sam = crm.collaborator("sam", Team.SALES);
  private final Collaborator sue = crm.collaborator("sue", Team.SUPPORT);
  private final Contract contract = crm.contract(crm.client("Acme", sam), "1000", "0", true);

  private void event(String name, Instant start) {
    crm.store.events().insert(Event.plan(contract, new EventDetails(name, "Jane", "Paris", 10, null),
        start == null ? new Schedule(null, null) : new Schedule(start, start.plus(Duration.ofHours(2))), sue,
        // Planned long ago, so that an event already past could be planned then.
        crm.clock.instant().minus(Duration.ofDays(1000))));
  }

  @Test
  void upcomingEventsComeSoonestFirstWithTodayAndThisWeekAtAGlance() {
    // TestCrm's clock: Friday 15 January 2027, 10:00 in Paris.
    Instant now = crm.clock.instant();
    event("In 2028", now.plus(Duration.ofDays(400)));
    event("Last year", now.minus(Duration.ofDays(300)));
    event("This afternoon", now.plus(Duration.ofHours(4)));
    event("Undated gig", null);
    event("Sunday brunch", now.plus(Duration.ofDays(2)));
    event("Next month", now.plus(Duration.ofDays(30)));
    Tui tui = new Tui(crm).logIn("sue").type("1");
    tui.assertShows("Today: 1 · Rest of this week: 1 · Later: 2 · No date yet: 1", "Today 14:00", "Sun 17 Jan 10:00")
        .assertHides("Last year");
    assertTrue(!tui.lineWith("When").contains("Support"), "support sees no column of their own name");
    String screen = tui.screen();
    assertTrue(screen.indexOf("This afternoon") < screen.indexOf("Sunday brunch"), screen);
    assertTrue(screen.indexOf("Sunday brunch") < screen.indexOf("Next month"), screen);
    assertTrue(screen.indexOf("Next month") < screen.indexOf("In 2028"), screen);
    assertTrue(screen.indexOf("In 2028") < screen.indexOf("Undated gig"), screen);

    tui.type("h").assertShows("Last year", "past ones included", "Past: 1");
    assertTrue(tui.screen().indexOf("Last year") < tui.screen().indexOf("This afternoon"), tui.screen());
    tui.type("h").assertHides("Last year");
    tui.enter().assertShows("This afternoon", "e  Update the details and dates");
  }
}
