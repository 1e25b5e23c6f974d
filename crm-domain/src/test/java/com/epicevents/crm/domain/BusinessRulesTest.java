package com.epicevents.crm.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.collaborator.Username;
import com.epicevents.crm.domain.common.CompanyName;
import com.epicevents.crm.domain.common.Email;
import com.epicevents.crm.domain.common.Money;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.contract.ContractId;
import com.epicevents.crm.domain.error.BusinessRuleViolated;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.domain.event.EventDetails;
import com.epicevents.crm.domain.event.Schedule;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The numbered business rules of product.md, with their boundaries. */
class BusinessRulesTest {
  static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");

  static Collaborator person(long id, Team team, boolean active) {
    Collaborator c = Collaborator.create(new Username("user" + id), new PersonName("User " + id), null,
        new Phone("0102030405"), team, "hash", NOW).stored(new CollaboratorId(id), 1, NOW);
    return active ? c : c.deactivate(99, NOW);
  }

  static Contract contract(boolean signed) {
    return Contract.create(new ClientId(1), Money.of("1000"), Money.of("400"), signed, NOW)
        .stored(new ContractId(7), 1, NOW);
  }

  static final EventDetails DETAILS = new EventDetails("Gala", "Jane 0611", "Paris", 10, null);

  @Nested
  class Rule1_ASignedContractStaysSigned {
    @Test
    void unsigningASignedContractIsRefused() {
      BusinessRuleViolated e = assertThrows(BusinessRuleViolated.class, () -> contract(true).unsign());
      assertEquals("signed", e.field());
    }

    @Test
    void signingRecordsTheTimeAndSigningAgainChangesNothing() {
      Contract signed = contract(false).sign(NOW.plusSeconds(5));
      assertTrue(signed.signed());
      assertEquals(NOW.plusSeconds(5), signed.signedAt());
      assertSame(signed, signed.sign(NOW.plusSeconds(99)));
    }

    @Test
    void unsigningAnUnsignedContractChangesNothing() {
      Contract unsigned = contract(false);
      assertSame(unsigned, unsigned.unsign());
    }
  }

  @Nested
  class Rule2_AmountDueBetweenZeroAndTotal {
    @Test
    void dueEqualToTotalIsAccepted() {
      Contract c = contract(false).changeAmounts(Money.of("500.00"), Money.of("500"), NOW);
      assertEquals(Money.of("500"), c.amountDue());
      assertFalse(c.fullyPaid());
    }

    @Test
    void dueOfZeroMeansFullyPaid() {
      assertTrue(contract(false).changeAmounts(Money.of("500"), Money.ZERO, NOW).fullyPaid());
    }

    @Test
    void dueAboveTotalIsRefusedNamingAmountDue() {
      ValidationFailed e = assertThrows(ValidationFailed.class,
          () -> contract(false).changeAmounts(Money.of("500"), Money.of("500.01"), NOW));
      assertEquals("amountDue", e.errors().get(0).field());
    }

    @Test
    void negativeAmountsAndThirdDecimalsAreRefused() {
      assertThrows(ValidationFailed.class, () -> Money.of("-0.01"));
      assertThrows(ValidationFailed.class, () -> Money.of("10.001"));
      assertThrows(ValidationFailed.class, () -> Money.of("1e20"));
      assertThrows(ValidationFailed.class, () -> Money.of("ten"));
      assertEquals("10.00", Money.of("10.000").toString(), "trailing zeros beyond 2 places are harmless");
      assertEquals("9999999999.99", Money.of("9999999999.99").toString());
      assertThrows(ValidationFailed.class, () -> Money.of("10000000000.00"));
    }
  }

  @Nested
  class Rule3_EventsOnlyForSignedContracts {
    @Test
    void anEventOnAnUnsignedContractIsRefused() {
      BusinessRuleViolated e = assertThrows(BusinessRuleViolated.class,
          () -> Event.plan(contract(false), DETAILS, Schedule.UNKNOWN, null, NOW));
      assertEquals("contractId", e.field());
    }

    @Test
    void anEventOnASignedContractMayHaveNoDatesYet() {
      Event e = Event.plan(contract(true), DETAILS, Schedule.UNKNOWN, null, NOW);
      assertNull(e.schedule().startAt());
    }
  }

  @Nested
  class Rule4_DatesOfAnEvent {
    @Test
    void aStartExactlyNowIsAccepted() {
      Event e = Event.plan(contract(true), DETAILS, new Schedule(NOW, NOW), null, NOW);
      assertEquals(NOW, e.schedule().endAt(), "end = start is accepted");
    }

    @Test
    void aStartInThePastIsRefusedNamingStartAt() {
      ValidationFailed e = assertThrows(ValidationFailed.class,
          () -> Event.plan(contract(true), DETAILS, new Schedule(NOW.minusSeconds(1), null), null, NOW));
      assertEquals("startAt", e.errors().get(0).field());
    }

    @Test
    void anEndBeforeTheStartIsRefusedNamingEndAt() {
      ValidationFailed e = assertThrows(ValidationFailed.class, () -> new Schedule(NOW, NOW.minusSeconds(60)));
      assertEquals("endAt", e.errors().get(0).field());
    }

    @Test
    void anUnchangedStartThatIsNowPastDoesNotBlockOtherChanges() {
      Event planned = Event.plan(contract(true), DETAILS, new Schedule(NOW.plusSeconds(60), null), null, NOW);
      Instant later = NOW.plus(Duration.ofDays(2));
      Event rescheduled = planned.reschedule(new Schedule(planned.schedule().startAt(), later), later);
      assertEquals(later, rescheduled.schedule().endAt());
      assertThrows(ValidationFailed.class,
          () -> planned.reschedule(new Schedule(NOW.plusSeconds(120), null), later));
    }
  }

  @Nested
  class Rule5_ContactsMustBeActiveMembersOfTheRightTeam {
    @Test
    void supportContactMustBeActiveSupport() {
      assertThrows(ValidationFailed.class,
          () -> Event.plan(contract(true), DETAILS, Schedule.UNKNOWN, person(2, Team.SALES, true), NOW));
      assertThrows(ValidationFailed.class,
          () -> Event.plan(contract(true), DETAILS, Schedule.UNKNOWN, person(3, Team.SUPPORT, false), NOW));
      Event ok = Event.plan(contract(true), DETAILS, Schedule.UNKNOWN, person(4, Team.SUPPORT, true), NOW);
      assertEquals(new CollaboratorId(4), ok.supportContactId());
    }

    @Test
    void salesContactMustBeActiveSales() {
      Client client = Client.create(new PersonName("Kevin"), null, new Phone("0102030405"),
          new CompanyName("Cool"), null, person(5, Team.SALES, true), NOW).stored(new ClientId(1), 1, NOW);
      ValidationFailed e = assertThrows(ValidationFailed.class, () -> client.reassignTo(person(6, Team.SUPPORT, true), NOW));
      assertEquals("salesContactId", e.errors().get(0).field());
      assertThrows(ValidationFailed.class, () -> client.reassignTo(person(7, Team.SALES, false), NOW));
      assertEquals(new CollaboratorId(8), client.reassignTo(person(8, Team.SALES, true), NOW).salesContactId());
    }

    @Test
    void aClientsLastContactCannotBeInTheFuture() {
      ValidationFailed e = assertThrows(ValidationFailed.class, () -> Client.create(new PersonName("Kevin"), null,
          new Phone("0102030405"), new CompanyName("Cool"), NOW.plusSeconds(1), person(5, Team.SALES, true), NOW));
      assertEquals("lastContactAt", e.errors().get(0).field());
    }
  }

  @Nested
  class Rule7_TheLastActiveManager {
    @Test
    void cannotBeDeactivated() {
      assertThrows(BusinessRuleViolated.class, () -> person(1, Team.MANAGEMENT, true).deactivate(1, NOW));
    }

    @Test
    void cannotLeaveManagement() {
      Collaborator m = person(1, Team.MANAGEMENT, true);
      BusinessRuleViolated e = assertThrows(BusinessRuleViolated.class,
          () -> m.updateDetails(m.username(), m.fullName(), m.email(), m.phone(), Team.SALES, 1, NOW));
      assertEquals("team", e.field());
    }

    @Test
    void canBeDeactivatedWhenAnotherManagerIsActive() {
      assertFalse(person(1, Team.MANAGEMENT, true).deactivate(2, NOW).active());
    }
  }

  @Nested
  class ValueObjects {
    @Test
    void usernamesAre3To50OfTheAllowedCharacters() {
      assertEquals("a.b_c-9", new Username("a.b_c-9").value());
      assertThrows(ValidationFailed.class, () -> new Username("ab"));
      assertThrows(ValidationFailed.class, () -> new Username("x".repeat(51)));
      assertThrows(ValidationFailed.class, () -> new Username("bad name"));
      assertThrows(ValidationFailed.class, () -> new Username("robert'); DROP"));
      assertEquals("mixed.case", new Username("Mixed.Case").key());
    }

    @Test
    void namesAre1To100CharactersCountedAsCodePoints() {
      assertEquals("🎉".repeat(100), new PersonName("🎉".repeat(100)).value());
      assertThrows(ValidationFailed.class, () -> new PersonName("x".repeat(101)));
      assertThrows(ValidationFailed.class, () -> new PersonName("   "));
      assertThrows(ValidationFailed.class, () -> new PersonName("line\nbreak"));
    }

    @Test
    void emailsAndPhonesAreChecked() {
      assertThrows(ValidationFailed.class, () -> new Email("not-an-email"));
      assertThrows(ValidationFailed.class, () -> new Email("a@b"));
      assertNull(Email.optional("  "));
      assertThrows(ValidationFailed.class, () -> new Phone("call me"));
      assertThrows(ValidationFailed.class, () -> new Phone("123"));
      assertEquals("+33 (0)1 23-45.67", new Phone("+33 (0)1 23-45.67").value());
    }

    @Test
    void aPasswordOfNulCharactersAsLeftByAWipedBufferIsRefused() {
      ValidationFailed e = assertThrows(ValidationFailed.class, () -> com.epicevents.crm.domain.collaborator.PasswordPolicy
          .check("password", new char[16], new Username("someone")));
      assertEquals("password", e.errors().get(0).field());
    }

    @Test
    void eventDetailsBoundTheirFields() {
      assertThrows(ValidationFailed.class, () -> new EventDetails(null, "c", "l", -1, null));
      assertThrows(ValidationFailed.class, () -> new EventDetails(null, " ", "l", 1, null));
      assertEquals("\u001b[2J kept", new EventDetails(null, "c", "l", 1, "\u001b[2J kept").notes(),
          "free text keeps what was typed; interfaces escape it when displaying");
    }
  }
}
