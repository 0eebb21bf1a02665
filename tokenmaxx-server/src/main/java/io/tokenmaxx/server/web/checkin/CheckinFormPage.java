package io.tokenmaxx.server.web.checkin;

import io.helidon.http.Status;
import io.tokenmaxx.checkin.CheckIn;
import io.tokenmaxx.checkin.CheckinCalendar;
import io.tokenmaxx.checkin.CheckinDraft;
import io.tokenmaxx.checkin.Visibility;
import io.tokenmaxx.checkin.WeekClosedException;
import io.tokenmaxx.checkin.WeekGlance;
import io.tokenmaxx.server.checkin.CheckinFeature;
import io.tokenmaxx.server.web.Access;
import io.tokenmaxx.server.web.Form;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.PageRoutes;
import io.tokenmaxx.server.web.Result;
import io.tokenmaxx.server.web.View;
import io.tokenmaxx.server.web.WebError;
import io.tokenmaxx.server.web.WebRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code /checkins/me}: the weekly check-in form, pre-filled with the person's week at a glance
 * (tools, models, sessions, outcomes), so it takes a minute. Saving keeps the check-in editable
 * until the week closes; the person picks who may read it.
 */
public final class CheckinFormPage implements Page {

  /** What the form shows in its fields (the stored check-in, the suggestion, or what was just typed). */
  public record Fields(String tried, String worked, String failed, String learned, String tags, String tools,
      String minutesSaved, String links, String visibility) {

    static Fields of(CheckIn c) {
      return new Fields(c.tried(), c.worked(), c.failed(), c.learned(), String.join(", ", c.tags()),
          String.join(", ", c.tools()), c.minutesSaved() == null ? "" : c.minutesSaved().toString(),
          String.join("\n", c.links()), c.visibility().label());
    }

    static Fields of(Form f) {
      return new Fields(f.raw("tried"), f.raw("worked"), f.raw("failed"), f.raw("learned"), f.text("tags"),
          f.text("tools"), f.text("minutesSaved"), f.raw("links"), f.text("visibility"));
    }
  }

  /**
   * @param week      the week's Monday
   * @param open      whether it can still be changed
   * @param closesAt  when it closes
   * @param glance    the week at a glance
   * @param exists    whether a check-in is stored
   * @param fields    field values
   * @param error     why the last save was refused
   * @param prev      link to the week before
   * @param next      link to the week after, null for the current week
   * @param visibilities the choices
   */
  public record Model(LocalDate week, boolean open, Instant closesAt, WeekGlance glance, boolean exists, Fields fields,
      String error, String prev, String next, List<Visibility> visibilities, java.time.ZoneId zone) {}

  private final CheckinFeature f;

  public CheckinFormPage(CheckinFeature feature) {
    this.f = feature;
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/checkins/me", Access.SIGNED_IN, w -> view(w, null, null).withStatus(Status.OK_200));
    r.post("/checkins/me", Access.SIGNED_IN, this::save);
  }

  private String person(WebRequest w) {
    String p = w.viewer().personId();
    if (p == null) {
      throw new WebError(Status.BAD_REQUEST_400,
          "This account is not linked to a person of the directory, so it has no check-ins. Ask an admin to link it.");
    }
    return p;
  }

  private LocalDate week(WebRequest w, Optional<String> text) {
    try {
      return f.service().calendar().parseWeek("week", text.orElse(null));
    } catch (IllegalArgumentException e) {
      throw WebError.badParameter("week", e.getMessage());
    }
  }

  private View view(WebRequest w, Fields typed, String error) {
    String person = person(w);
    CheckinCalendar cal = f.service().calendar();
    LocalDate week = week(w, typed == null ? w.param("week") : w.form().get("week"));
    Optional<CheckIn> stored = f.service().find(person, week);
    WeekGlance glance = WeekGlance.of(f.store().usageStore(), person, week, f.zone());
    Fields fields = typed != null ? typed : stored.map(Fields::of).orElseGet(() -> new Fields("", "", "", "", "",
        String.join(", ", glance.suggestedTools()), "", "", Visibility.TEAM.label()));
    String prev = "/checkins/me?week=" + week.minusWeeks(1);
    String next = week.isBefore(cal.currentWeek()) ? "/checkins/me?week=" + week.plusWeeks(1) : null;
    View v = Result.view("checkins/form.jte", "Check-in, week of " + io.tokenmaxx.server.web.Fmt.day(week), "checkins",
        new Model(week, cal.open(week), cal.closesAt(week), glance, stored.isPresent(), fields, error, prev, next,
            Arrays.asList(Visibility.values()), f.zone())).withoutFilterBar();
    if (error == null && w.param("saved").isPresent()) v = v.withNotice("Saved. You can change it until the week closes.");
    return v;
  }

  private Result save(WebRequest w) {
    String person = person(w);
    LocalDate week = week(w, w.form().get("week"));
    Form form = w.form();
    Integer minutes = null;
    String m = form.text("minutesSaved");
    try {
      if (!m.isEmpty()) minutes = Integer.parseInt(m);
    } catch (NumberFormatException e) {
      return view(w, Fields.of(form), "Time saved: '" + m + "' is not a whole number of minutes.").withStatus(Status.BAD_REQUEST_400);
    }
    try {
      Visibility visibility = Visibility.parse(form.text("visibility").isEmpty() ? "team" : form.text("visibility"));
      CheckinDraft draft = new CheckinDraft(form.raw("tried"), form.raw("worked"), form.raw("failed"), form.raw("learned"),
          split(form.text("tags"), ","), split(form.text("tools"), ","), minutes, split(form.raw("links"), "\n"), visibility,
          true);
      f.service().submit(person, week, draft);
      return Result.redirect("/checkins/me?week=" + week + "&saved=1");
    } catch (WeekClosedException e) {
      return view(w, Fields.of(form), "This week is closed: " + e.getMessage() + ".").withStatus(Status.CONFLICT_409);
    } catch (IllegalArgumentException e) {
      return view(w, Fields.of(form), message(e.getMessage())).withStatus(Status.BAD_REQUEST_400);
    }
  }

  static List<String> split(String text, String separator) {
    return Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** "tags[1]: ..." as a person reads it. */
  static String message(String m) {
    return m.replaceFirst("^tried: ", "").replaceFirst("^(tags|tools|links)\\[(\\d+)\\]: ", "$1 (item $2): ")
        .replaceFirst("^minutesSaved: ", "Time saved: ");
  }
}
