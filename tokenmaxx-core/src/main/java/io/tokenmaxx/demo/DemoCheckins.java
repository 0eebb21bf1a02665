package io.tokenmaxx.demo;

import io.tokenmaxx.checkin.CheckIn;
import io.tokenmaxx.checkin.CheckinCalendar;
import io.tokenmaxx.checkin.Visibility;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Weekly check-ins for a demo organization: varied text from phrase banks per department and
 * persona, tags and tools, time saved, links, mostly team-visible. How often someone checks in
 * depends on the persona; burners rarely do. Deterministic for the organization's spec.
 */
public final class DemoCheckins {
  private DemoCheckins() {}

  /** Generates every check-in of the organization over its window, oldest week first per person. */
  public static void generate(DemoOrganization org, DemoSpec spec, Consumer<CheckIn> sink) {
    LocalDate firstWeek = CheckinCalendar.week(spec.startDate());
    LocalDate lastWeek = CheckinCalendar.week(spec.endDate());
    for (DemoPerson p : org.people()) {
      if (p.adoptedOn() == null) continue;
      LocalDate from = CheckinCalendar.week(p.adoptedOn().isAfter(spec.startDate()) ? p.adoptedOn() : spec.startDate());
      if (from.isBefore(firstWeek)) from = firstWeek;
      for (LocalDate w = from; !w.isAfter(lastWeek); w = w.plusWeeks(1)) {
        SplittableRandom rnd = new SplittableRandom(spec.seed() * 7_777_777L + p.index() * 1_000_003L + w.toEpochDay());
        if (rnd.nextDouble() >= chance(p.persona())) continue;
        sink.accept(checkin(p, w, spec, rnd));
      }
    }
  }

  /** All of them in a list (small organizations, tests). */
  public static List<CheckIn> generate(DemoOrganization org, DemoSpec spec) {
    List<CheckIn> out = new ArrayList<>();
    generate(org, spec, out::add);
    return out;
  }

  /** The chance that a person of this persona checks in in a given week. */
  public static double chance(Persona persona) {
    return switch (persona) {
      case NON_USER -> 0;
      case LIGHT -> 0.3;
      case REGULAR -> 0.55;
      case POWER -> 0.75;
      case EXPLORER -> 0.85;
      case HEAVY_AGENT, HEAVY_BATCH -> 0.7;
      case RESEARCHER -> 0.9;
      case ON_CALL -> 0.5;
      case BURNER_LOOP, BURNER_REPLAY, BURNER_OVERNIGHT, BURNER_SPIKE, BURNER_JITTER -> 0.08;
    };
  }

  static CheckIn checkin(DemoPerson p, LocalDate week, DemoSpec spec, SplittableRandom rnd) {
    Bank bank = p.engineer() ? Bank.ENGINEERING : Bank.BUSINESS;
    String tool = pick(rnd, bank.tools);
    String secondTool = rnd.nextDouble() < 0.3 ? pick(rnd, bank.tools) : tool;
    String useCase = pick(rnd, bank.useCases);
    String task = pick(rnd, bank.tasks).replace("{use}", useCase.replace('-', ' '));
    String object = pick(rnd, bank.objects);
    String tried = capital(fill(pick(rnd, TRIED), tool, task, object, rnd));
    String worked = rnd.nextDouble() < 0.9 ? capital(fill(pick(rnd, WORKED), tool, task, object, rnd)) : "";
    String failed = rnd.nextDouble() < 0.7 ? capital(fill(pick(rnd, FAILED), tool, task, object, rnd)) : "";
    String learned = rnd.nextDouble() < 0.8 ? capital(fill(pick(rnd, LEARNED), tool, task, object, rnd)) : "";
    if (p.persona() == Persona.RESEARCHER) {
      tried = "Read " + (3 + rnd.nextInt(20)) + " long reports with " + tool + " to " + pick(rnd, RESEARCH) + ".";
    }
    List<String> tags = new ArrayList<>(List.of(useCase));
    if (rnd.nextDouble() < 0.5) {
      String extra = pick(rnd, bank.useCases);
      if (!tags.contains(extra)) tags.add(extra);
    }
    if (p.persona() == Persona.EXPLORER && rnd.nextDouble() < 0.5) tags.add("first-try");
    List<String> tools = tool.equals(secondTool) ? List.of(tool) : List.of(tool, secondTool);
    Integer minutes = rnd.nextDouble() < 0.55 ? (int) (15 * Math.round(minutesFor(p.persona(), rnd) / 15.0)) : null;
    List<String> links = new ArrayList<>();
    if (p.engineer() && rnd.nextDouble() < 0.25) {
      String team = p.person().team() == null ? "core" : p.person().team().toLowerCase(Locale.ROOT).replace(' ', '-');
      links.add("https://git.example.com/" + team + "/" + team + "-service/pull/" + (100 + rnd.nextInt(900)));
    }
    double v = rnd.nextDouble();
    Visibility visibility = v < 0.05 ? Visibility.PRIVATE : v < 0.22 ? Visibility.ORGANIZATION : Visibility.TEAM;
    ZonedDateTime at = week.plusDays(4).atTime(15, 0).atZone(spec.zone()).plusMinutes(rnd.nextInt(240));
    ZonedDateTime last = spec.endDate().atTime(12, 0).atZone(spec.zone());
    if (at.isAfter(last)) at = last.minusMinutes(rnd.nextInt(180)); // nobody writes in the future
    return new CheckIn("demo-ci:" + p.index() + ":" + week, p.id(), week, tried, worked, failed, learned,
        tags, tools, minutes, links, visibility, p.person().team(), p.person().department(),
        at.toInstant(), at.toInstant());
  }

  private static double minutesFor(Persona persona, SplittableRandom rnd) {
    double base = switch (persona) {
      case LIGHT -> 30;
      case POWER, HEAVY_AGENT, HEAVY_BATCH -> 240;
      case RESEARCHER -> 300;
      default -> 90;
    };
    return Math.max(15, base * Math.exp(0.6 * ToolProfile.gaussian(rnd)));
  }

  private static String fill(String template, String tool, String task, String object, SplittableRandom rnd) {
    return template.replace("{tool}", tool).replace("{task}", task).replace("{object}", object)
        .replace("{n}", Integer.toString(2 + rnd.nextInt(12)))
        .replace("{pct}", Integer.toString(20 + 5 * rnd.nextInt(13)));
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String pick(SplittableRandom rnd, String[] options) {
    return options[rnd.nextInt(options.length)];
  }

  private enum Bank {
    ENGINEERING(
        new String[] {"claude-code", "codex", "gemini-cli", "chat", "claude-code", "claude-code", "codex"},
        new String[] {"code-review", "test-generation", "refactoring", "debugging", "migration",
            "documentation", "incident-response", "sql", "prototyping", "onboarding",
            "dependency-upgrade", "ci", "performance", "security-review", "api-design"},
        new String[] {"do {use} on", "speed up {use} for", "automate {use} in", "try {use} with an agent on",
            "pair on {use} for", "get a first draft of {use} for"},
        new String[] {"the billing service", "our flaky integration tests", "the Postgres 16 upgrade",
            "the mobile release checklist", "a legacy `List<Map<String, Object>>` parser",
            "the on-call runbook", "the payments webhook handler", "the data pipeline DAGs",
            "the auth middleware", "the Terraform modules", "the search indexer", "a React form with 40 fields",
            "the CSV import (quotes & commas)", "the Kafka consumer lag alerts"}),
    BUSINESS(
        new String[] {"chat", "chat", "chat", "api", "gemini-cli"},
        new String[] {"email-drafting", "summarization", "research", "data-analysis", "customer-support",
            "proposal-writing", "translation", "meeting-notes", "spreadsheet", "job-descriptions",
            "forecasting", "contract-review", "campaign-copy", "faq"},
        new String[] {"do {use} for", "speed up {use} for", "draft {use} for", "check {use} on"},
        new String[] {"the Q3 board deck", "renewal e-mails to 30 accounts", "the pricing page FAQ",
            "support tickets about invoices", "the onboarding handbook", "interview feedback",
            "the vendor contract (clauses 4 & 7)", "a competitor comparison", "the monthly close checklist",
            "survey answers from 400 customers", "the EMEA launch plan", "job ads for 3 roles"});

    final String[] tools;
    final String[] useCases;
    final String[] tasks;
    final String[] objects;

    Bank(String[] tools, String[] useCases, String[] tasks, String[] objects) {
      this.tools = tools;
      this.useCases = useCases;
      this.tasks = tasks;
      this.objects = objects;
    }
  }

  private static final String[] TRIED = {
      "used {tool} to {task} {object}.",
      "tried {tool} to {task} {object}, about {n} sessions this week.",
      "gave {tool} the whole of {object} and asked it to {task} it.",
      "asked {tool} to {task} {object} before writing anything myself.",
      "set up a small prompt library and used {tool} to {task} {object}.",
      "first time using {tool}: {task} {object}."};
  private static final String[] WORKED = {
      "the first draft was {pct}% of the way there and saved a morning.",
      "it found {n} edge cases in {object} I would have missed.",
      "giving it examples from {object} first made the output match our style.",
      "splitting the work into {n} small steps kept {tool} on track.",
      "it explained {object} well enough that I could review it in half the time.",
      "a checklist prompt made reviews of {object} consistent.",
      "asking for tests first, then the change, worked much better than the other way round.",
      "it handled the boring {n}-step parts and I did the judgement calls."};
  private static final String[] FAILED = {
      "it invented an API that does not exist in {object}; I only noticed in review.",
      "long context: after ~{n} turns it forgot the constraints I gave at the start.",
      "it was confidently wrong about dates & numbers in {object}.",
      "the output for {object} looked right but failed on {n} of the real cases.",
      "it could not follow our internal conventions without examples (the `<Result>` wrapper, *always* nullable).",
      "too slow for quick questions; searching the docs was faster.",
      "it rewrote far more of {object} than asked; the diff was unreviewable."};
  private static final String[] LEARNED = {
      "give it the acceptance criteria up front, not after the first answer.",
      "small, reviewable steps beat one big request.",
      "keep a file of prompts that worked for {object}; reuse beats improvising.",
      "check every number it produces against the source.",
      "it is best as a second reviewer, not the first author.",
      "paste the error and the code around it, not just the error.",
      "for {object}, ask it to list assumptions before it starts.",
      "time-box it: if {n} attempts fail, do it by hand."};
  private static final String[] RESEARCH = {
      "compare vendor proposals", "summarize customer interviews", "map regulations by country",
      "extract figures for the market sizing", "build a reading list for the strategy offsite"};
}
