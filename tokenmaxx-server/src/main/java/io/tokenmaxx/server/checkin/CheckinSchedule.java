package io.tokenmaxx.server.checkin;

import io.tokenmaxx.checkin.Digest;
import io.tokenmaxx.checkin.DigestMarkdown;
import io.tokenmaxx.checkin.Reader;
import io.tokenmaxx.checkin.Reminders;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.storage.StateStore;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The weekly digest and the reminders: sent on demand, and on their configured day and hour once
 * per week (what was sent is remembered in the state store, so a restart does not send twice).
 * The digest posted to the webhook quotes only check-ins shared with the whole organization and
 * names nobody who did not share; reminders go to the reminder senders (the webhook, and any hook
 * an embedding adds, e.g. an e-mail gateway).
 */
public final class CheckinSchedule {
  private static final System.Logger LOG = System.getLogger(CheckinSchedule.class.getName());
  static final String NAMESPACE = "checkins";
  /** Reads what everyone in the organization may read: check-ins shared with the organization. */
  static final Reader ORGANIZATION = new Reader(null, false, null, Set.of());

  private final CheckinFeature f;
  private final CheckinSettings settings;
  private final StateStore state;
  private final Clock clock;
  private final List<Reminders.ReminderSender> senders = new ArrayList<>();

  CheckinSchedule(CheckinFeature f, CheckinSettings settings, StateStore state, Clock clock) {
    this.f = f;
    this.settings = settings;
    this.state = state;
    this.clock = clock;
    if (f.webhook() != null) senders.add(this::postReminders);
  }

  void addSender(Reminders.ReminderSender s) {
    senders.add(s);
  }

  /** Sends what is due now; called every minute. */
  void tick() {
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(f.zone()));
    LocalDate current = f.service().calendar().currentWeek();
    Map<String, String> sent = state.load(NAMESPACE);
    if (f.webhook() != null && now.getDayOfWeek() == settings.digestDay() && now.getHour() >= settings.digestHour()) {
      LocalDate last = current.minusWeeks(1);
      if (!last.toString().equals(sent.get("digest.last-week"))) sendDigest(last);
    }
    if (!senders.isEmpty() && now.getDayOfWeek() == settings.reminderDay() && now.getHour() >= settings.reminderHour()
        && !current.toString().equals(sent.get("reminders.last-week"))) {
      sendReminders(current);
    }
  }

  /** Posts the digest of {@code week} to the webhook; says what happened. */
  public Map<String, Object> sendDigest(LocalDate week) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("week", week);
    if (f.webhook() == null) {
      out.put("sent", false);
      out.put("reason", "no webhook: set checkins.webhook-url and checkins.webhook-secret");
      return out;
    }
    Digest d = f.digests().digest(week, ORGANIZATION);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("week", week);
    payload.put("markdown", DigestMarkdown.render(d));
    payload.put("digest", d);
    try {
      Webhook.Delivery delivery = f.webhook().post("checkins.digest", payload);
      out.put("sent", delivery.ok());
      out.put("status", delivery.status());
      if (delivery.ok()) state.put(NAMESPACE, Map.of("digest.last-week", week.toString()));
    } catch (IOException e) {
      LOG.log(Level.WARNING, "posting the check-in digest to " + f.webhook().url() + " failed: " + e.getMessage());
      out.put("sent", false);
      out.put("reason", "could not reach " + f.webhook().url() + ": " + e.getMessage());
    }
    return out;
  }

  /** Reminds everyone expected who has not checked in for {@code week}. */
  public Map<String, Object> sendReminders(LocalDate week) {
    List<Person> missing = Reminders.missing(f.digests().expected(week), f.digests().participants(week),
        Reader.admin(null));
    int reminded = 0;
    for (Reminders.ReminderSender s : senders) {
      try {
        reminded = Math.max(reminded, s.send(week, missing));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "a reminder sender failed: " + e.getMessage(), e);
      }
    }
    if (!senders.isEmpty()) state.put(NAMESPACE, Map.of("reminders.last-week", week.toString()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("week", week);
    out.put("missing", missing.size());
    out.put("reminded", reminded);
    out.put("senders", senders.size());
    return out;
  }

  private int postReminders(LocalDate week, List<Person> people) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Person p : people) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("person", p.id());
      m.put("name", p.name());
      m.put("email", p.email());
      m.put("team", p.team());
      m.put("manager", p.manager());
      list.add(m);
    }
    try {
      Webhook.Delivery d = f.webhook().post("checkins.reminders", Map.of("week", week,
          "closesAt", f.service().calendar().closesAt(week), "people", list));
      if (!d.ok()) throw new IllegalStateException("webhook answered " + d.status());
      return people.size();
    } catch (IOException e) {
      throw new IllegalStateException("could not reach " + f.webhook().url() + ": " + e.getMessage(), e);
    }
  }
}
