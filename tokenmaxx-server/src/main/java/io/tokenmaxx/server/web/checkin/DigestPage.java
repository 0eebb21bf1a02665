package io.tokenmaxx.server.web.checkin;

import io.tokenmaxx.analyze.Role;
import io.tokenmaxx.checkin.Digest;
import io.tokenmaxx.checkin.Reader;
import io.tokenmaxx.checkin.Reminders;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.server.checkin.CheckinFeature;
import io.tokenmaxx.server.web.Access;
import io.tokenmaxx.server.web.Fmt;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.PageRoutes;
import io.tokenmaxx.server.web.Result;
import io.tokenmaxx.server.web.View;
import io.tokenmaxx.server.web.WebError;
import io.tokenmaxx.server.web.WebRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code /checkins/digest}: the weekly digest as the viewer may read it — participation by team,
 * top learnings, what failed and why, new use cases, first tries — with its Markdown export; for
 * managers and admins also who has not checked in (their subtree), and for admins the button that
 * posts it to the configured webhook.
 */
public final class DigestPage implements Page {

  /**
   * @param digest   the digest
   * @param missing  people the viewer may see who have not checked in that week (managers, admins)
   * @param showMissing whether the viewer may see the list at all
   * @param markdown link to the Markdown export
   * @param prev     the week before
   * @param next     the week after, null for the current week
   * @param webhook  whether a webhook is configured (admins may post the digest)
   * @param sent     the result of a post just made, null otherwise
   */
  public record Model(Digest digest, List<Person> missing, boolean showMissing, String markdown, String prev,
      String next, boolean webhook, Map<String, Object> sent) {}

  private final CheckinFeature f;

  public DigestPage(CheckinFeature feature) {
    this.f = feature;
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/checkins/digest", Access.SIGNED_IN, w -> view(w, week(w, w.param("week").orElse(null)), null));
    r.post("/checkins/digest/send", Access.ADMIN, w -> {
      LocalDate week = week(w, w.form().text("week"));
      return view(w, week, f.schedule().sendDigest(week));
    });
  }

  private LocalDate week(WebRequest w, String text) {
    if (text == null || text.isBlank()) return f.service().calendar().currentWeek().minusWeeks(1);
    try {
      return f.service().calendar().parseWeek("week", text);
    } catch (IllegalArgumentException e) {
      throw WebError.badParameter("week", e.getMessage());
    }
  }

  private View view(WebRequest w, LocalDate week, Map<String, Object> sent) {
    Reader reader = f.readers().of(w.viewer());
    Digest d = f.digests().digest(week, reader);
    boolean showMissing = w.viewer().role() != Role.MEMBER;
    List<Person> missing = showMissing
        ? Reminders.missing(f.digests().expected(week), f.digests().participants(week), reader) : List.of();
    LocalDate current = f.service().calendar().currentWeek();
    View v = Result.view("checkins/digest.jte", "Digest, week of " + Fmt.day(week), "checkins",
        new Model(d, missing, showMissing, "/api/v1/checkins/digest?format=markdown&week=" + week,
            "/checkins/digest?week=" + week.minusWeeks(1),
            week.isBefore(current) ? "/checkins/digest?week=" + week.plusWeeks(1) : null,
            f.schedule() != null && f.webhookConfigured(), sent)).withoutFilterBar();
    if (sent != null) {
      v = v.withNotice(Boolean.TRUE.equals(sent.get("sent")) ? "Digest posted to the webhook."
          : "Digest not posted: " + sent.getOrDefault("reason", "the webhook answered " + sent.get("status")));
    }
    return v;
  }
}
