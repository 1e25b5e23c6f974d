package com.epicevents.crm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.out.Credential;
import com.epicevents.crm.application.port.out.Session;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.application.port.out.SessionStore;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every SessionStore does, whatever stores it. */
public abstract class SessionStoreContract extends PortContractSupport {

  private SessionStore store() {
    return ports().sessions();
  }

  @Test
  void createAssignsAnIdAndFindByTokenHashReturnsTheSameSession() {
    Session created = newSession(newCollaborator(Team.SALES), SessionKind.INTERACTIVE);

    assertNotEquals(0, created.id());
    assertEquals(Optional.of(created), store().findByTokenHash(created.tokenHash()));
  }

  @Test
  void anUnknownTokenHashFindsNothing() {
    assertEquals(Optional.empty(), store().findByTokenHash(tokenHash(unique("never-issued"))));
  }

  @Test
  void updateSavesLastUseAndPasswordConfirmation() {
    Session created = newSession(newCollaborator(Team.SUPPORT), SessionKind.INTERACTIVE);

    Session used = created.touched(at(5)).confirmed(null);
    store().update(used);
    assertEquals(Optional.of(used), store().findByTokenHash(created.tokenHash()));

    Session reconfirmed = used.touched(at(6)).confirmed(at(6));
    store().update(reconfirmed);
    assertEquals(Optional.of(reconfirmed), store().findByTokenHash(created.tokenHash()));
  }

  @Test
  void revokeMarksTheSessionRevoked() {
    Session created = newSession(newCollaborator(Team.SALES), SessionKind.API);

    store().revoke(created.id());
    store().revoke(created.id());

    assertTrue(store().findByTokenHash(created.tokenHash()).orElseThrow().revoked());
  }

  @Test
  void revokeAllOfRevokesEveryOpenSessionOfThatCollaboratorButTheOneKept() {
    Collaborator collaborator = newCollaborator(Team.MANAGEMENT);
    Session kept = newSession(collaborator, SessionKind.INTERACTIVE);
    Session api = newSession(collaborator, SessionKind.API);
    Session other = newSession(collaborator, SessionKind.INTERACTIVE);
    Session alreadyRevoked = newSession(collaborator, SessionKind.API);
    store().revoke(alreadyRevoked.id());
    Session someoneElse = newSession(newCollaborator(Team.MANAGEMENT), SessionKind.INTERACTIVE);

    assertEquals(2, store().revokeAllOf(collaborator.id(), kept.id()));

    assertFalse(revoked(kept));
    assertTrue(revoked(api));
    assertTrue(revoked(other));
    assertFalse(revoked(someoneElse));
    assertEquals(1, store().revokeAllOf(collaborator.id(), null));
    assertTrue(revoked(kept));
    assertEquals(0, store().revokeAllOf(collaborator.id(), null));
  }

  @Test
  void findCredentialReturnsTheSessionWithWhatItsOwnerIsNow() {
    Collaborator owner = newCollaborator(Team.SUPPORT);
    Session session = newSession(owner, SessionKind.API);

    Credential credential = store().findCredential(session.tokenHash()).orElseThrow();

    assertEquals(session.id(), credential.sessionId());
    assertEquals(owner.id(), credential.ownerId());
    assertEquals(Team.SUPPORT, credential.ownerTeam());
    assertTrue(credential.ownerActive());
    assertEquals(SessionKind.API, credential.kind());
    assertEquals(session.absoluteExpiresAt(), credential.absoluteExpiresAt());
    assertEquals(session.lastUsedAt(), credential.lastUsedAt());
    assertFalse(credential.revoked());
    assertEquals(Optional.of(credential), store().findCredentialInStore(session.tokenHash()));
    assertEquals(Optional.empty(), store().findCredential(tokenHash(unique("never-issued"))));
  }

  @Test
  void aRevokedSessionsCredentialSaysSoAtOnceEvenAfterItWasRead() {
    Collaborator owner = newCollaborator(Team.SALES);
    Session one = newSession(owner, SessionKind.API);
    Session two = newSession(owner, SessionKind.API);
    store().findCredential(one.tokenHash());
    store().findCredential(two.tokenHash());

    store().revoke(one.id());
    assertTrue(store().findCredential(one.tokenHash()).orElseThrow().revoked());
    assertFalse(store().findCredential(two.tokenHash()).orElseThrow().revoked());

    store().revokeAllOf(owner.id(), null);
    assertTrue(store().findCredential(two.tokenHash()).orElseThrow().revoked());
  }

  @Test
  void aRecordedUseIsSeenAtOnceAndLastUseNeverMovesBackwards() {
    Session session = newSession(newCollaborator(Team.SALES), SessionKind.API);

    store().recordUse(session.id(), at(3), at(4));
    store().recordUse(session.id(), at(2), at(4));

    assertEquals(at(3), store().findCredential(session.tokenHash()).orElseThrow().lastUsedAt());
    assertEquals(at(3), store().findByTokenHash(session.tokenHash()).orElseThrow().lastUsedAt());
    store().update(session.touched(at(1)));
    assertEquals(at(3), store().findByTokenHash(session.tokenHash()).orElseThrow().lastUsedAt());
  }

  private boolean revoked(Session session) {
    return store().findByTokenHash(session.tokenHash()).orElseThrow().revoked();
  }

  protected Session newSession(Collaborator collaborator, SessionKind kind) {
    return store().create(new Session(0, tokenHash(unique("token")), collaborator.id(), kind, NOW, NOW,
        NOW.plus(12, ChronoUnit.HOURS), NOW, false));
  }

  protected static String tokenHash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
