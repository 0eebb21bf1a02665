package io.tokenmaxx.server.checkin;

import io.tokenmaxx.guard.GuardConfig;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of check-ins and the Goodhart guard ({@code checkins.*} and {@code guard.*}).
 *
 * @param editGrace      how long after its week ends a check-in can still be submitted or edited
 * @param webhookUrl     where the weekly digest and reminders are POSTed as JSON, null for nowhere
 * @param webhookSecret  HMAC-SHA256 key of the {@code X-Tokenmaxx-Signature} header
 * @param digestDay      the day the previous week's digest is posted
 * @param digestHour     the hour (organization zone) it is posted
 * @param reminderDay    the day reminders for the current week go out
 * @param reminderHour   the hour they go out
 * @param guard          detection thresholds (its zone is the organization's)
 * @param guardInterval  how often detection runs over recent weeks
 * @param lookbackWeeks  how many recent weeks each scheduled run re-evaluates
 */
public record CheckinSettings(Duration editGrace, URI webhookUrl, String webhookSecret, DayOfWeek digestDay,
    int digestHour, DayOfWeek reminderDay, int reminderHour, GuardConfig guard, Duration guardInterval,
    int lookbackWeeks) {

  public CheckinSettings {
    Objects.requireNonNull(editGrace, "editGrace");
    Objects.requireNonNull(digestDay, "digestDay");
    Objects.requireNonNull(reminderDay, "reminderDay");
    Objects.requireNonNull(guard, "guard");
    Objects.requireNonNull(guardInterval, "guardInterval");
  }

  public static CheckinSettings defaults() {
    return new CheckinSettings(Duration.ofDays(1), null, null, DayOfWeek.MONDAY, 9, DayOfWeek.FRIDAY, 14,
        GuardConfig.defaults(), Duration.ofHours(1), 4);
  }

  public boolean webhook() {
    return webhookUrl != null;
  }
}
