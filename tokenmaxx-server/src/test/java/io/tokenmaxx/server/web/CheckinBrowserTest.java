package io.tokenmaxx.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.tokenmaxx.analyze.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The check-in flow in a real browser: submit the weekly check-in from the pre-filled form, edit
 * it, find it by search (highlighted, never executed), read the digest and its Markdown export, and
 * review a flag. Screenshots go to {@code -Dtokenmaxx.screenshots=DIR} when given.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckinBrowserTest extends BrowserTest {
  static final String HOSTILE = "Pasted <img src=x onerror=\"window.__xss=3\"> and <script>window.__xss=4</script> into the zebrafish prompt";

  static void shot(Page page, String name) throws Exception {
    shot(page, name, true);
  }

  /** A screenshot of the whole page, or of the first 1440x1000 of a long one. */
  static void shot(Page page, String name, boolean full) throws Exception {
    String dir = System.getProperty("tokenmaxx.screenshots");
    if (dir == null || dir.isBlank()) return;
    Files.createDirectories(Path.of(dir));
    if (!full) page.setViewportSize(1440, 1000);
    page.waitForLoadState(LoadState.NETWORKIDLE);
    page.waitForTimeout(200);
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(dir, name + ".png")).setFullPage(full));
    if (!full) page.setViewportSize(1366, 768);
  }

  void noScriptRan(Page page) {
    assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
    assertThat(dialogs).isEmpty();
  }

  @Test
  @Order(1)
  void submitFromThePrefilledFormThenEdit() throws Exception {
    Page page = signIn(Role.MEMBER);
    assertThat(open(page, "/checkins/me")).isEqualTo(200);
    assertThat(page.locator("h1").textContent()).contains("Check-in, week of 9 Mar 2026");
    assertThat(page.locator(".glance").textContent()).contains("Your week at a glance");
    shot(page, "20-checkin-form-empty");
    page.fill("textarea[name=tried]", HOSTILE);
    page.fill("textarea[name=worked]", "Writing the acceptance criteria first, then asking for tests");
    page.fill("textarea[name=failed]", "It invented a config flag that does not exist");
    page.fill("textarea[name=learned]", "Check every flag against the docs");
    page.fill("input[name=tags]", "test-generation, zebra-project");
    page.fill("input[name=minutesSaved]", "90");
    page.click("form.checkin-form button[type=submit]");
    page.waitForURL(u -> u.contains("saved=1"));
    assertThat(page.locator(".notice").textContent()).contains("Saved");
    assertThat(page.inputValue("textarea[name=tried]")).isEqualTo(HOSTILE);
    noScriptRan(page);
    shot(page, "21-checkin-form-saved");

    page.fill("textarea[name=learned]", "Check every flag against the docs, and ask for assumptions first");
    page.click("form.checkin-form button[type=submit]");
    page.waitForURL(u -> u.contains("saved=1"));
    assertThat(page.inputValue("textarea[name=learned]")).endsWith("ask for assumptions first");
    assertThat(page.inputValue("input[name=minutesSaved]")).isEqualTo("90");

    page.fill("input[name=tags]", "test-generation, <b>bold</b>");
    page.click("form.checkin-form button[type=submit]");
    assertThat(page.locator(".error").textContent()).contains("tags (item 1)");
    assertThat(page.inputValue("input[name=tags]")).isEqualTo("test-generation, <b>bold</b>");
    noScriptRan(page);
  }

  @Test
  @Order(2)
  void searchFindsItHighlightedAndNeverRunsItsText() throws Exception {
    Page page = signIn(Role.MANAGER);
    assertThat(open(page, "/checkins?q=zebrafish")).isEqualTo(200);
    assertThat(page.locator("#results .checkin").count()).isEqualTo(1);
    assertThat(page.locator("#results .checkin mark").first().textContent()).isEqualToIgnoringCase("zebrafish");
    assertThat(page.locator("#results .checkin dd").first().textContent()).contains("<script>window.__xss=4</script>");
    noScriptRan(page);
    shot(page, "22-checkins-search");

    page.click("a.chip:has-text('#zebra-project')");
    page.waitForURL(u -> u.contains("tag=zebra-project"));
    assertThat(page.locator(".applied").textContent()).contains("tag: zebra-project");
    assertThat(page.locator("#results .checkin").count()).isEqualTo(1);

    assertThat(open(page, "/checkins")).isEqualTo(200);
    assertThat(page.locator("#results .checkin").count()).isGreaterThan(3);
    assertThat(page.locator("text=What worked lately").count()).isEqualTo(1);
    shot(page, "23-checkins-feed", false);
  }

  @Test
  @Order(3)
  void aPrivateCheckInStaysWithItsAuthor() throws Exception {
    Page member = signIn(Role.MEMBER);
    open(member, "/checkins/me");
    member.check("input[name=visibility][value=private]");
    member.click("form.checkin-form button[type=submit]");
    member.waitForURL(u -> u.contains("saved=1"));
    Page manager = signIn(Role.MANAGER);
    open(manager, "/checkins?q=zebrafish");
    assertThat(manager.locator("#results .checkin").count()).isZero();
    open(member, "/checkins?q=zebrafish");
    assertThat(member.locator("#results .checkin").count()).isEqualTo(1);
    open(member, "/checkins/me");
    member.check("input[name=visibility][value=team]");
    member.click("form.checkin-form button[type=submit]");
    member.waitForURL(u -> u.contains("saved=1"));
  }

  @Test
  @Order(4)
  void theDigestAndItsMarkdownExport() throws Exception {
    Page page = signIn(Role.MANAGER);
    assertThat(open(page, "/checkins/digest?week=2026-03-09")).isEqualTo(200);
    assertThat(page.locator("h1").textContent()).contains("Digest, week of 9 Mar 2026");
    assertThat(page.locator("text=Participation by team").count()).isEqualTo(1);
    assertThat(page.content()).contains("ask for assumptions first");
    assertThat(page.locator("text=Not checked in yet").count()).isEqualTo(1);
    noScriptRan(page);
    shot(page, "24-checkins-digest");
    APIResponse md = page.request().get(app.base + "/api/v1/checkins/digest?format=markdown&week=2026-03-09");
    assertThat(md.status()).isEqualTo(200);
    assertThat(md.headers().get("content-type")).startsWith("text/markdown");
    assertThat(md.text()).contains("# AI check-in digest, week of 2026-03-09").doesNotContain("<script>");

    Page member = signIn(Role.MEMBER);
    open(member, "/checkins/digest?week=2026-03-09");
    assertThat(member.locator("text=Not checked in yet").count()).as("members see no one else's participation").isZero();
  }

  @Test
  @Order(5)
  void anAdminReviewsAFlag() throws Exception {
    Page page = signIn(Role.ADMIN);
    assertThat(open(page, "/flags")).isEqualTo(200);
    page.click("button:has-text('Run detection now')");
    page.waitForLoadState();
    assertThat(page.locator(".notice").textContent()).contains("Detection ran over");
    int open = page.locator("section.flag").count();
    assertThat(open).as("the demo organization has burners").isPositive();
    assertThat(page.locator("section.flag ul.signals li").first().textContent()).isNotBlank();
    shot(page, "25-flags", false);
    page.locator("section.flag").first().locator("input[name=reason]").fill("agreed load test of the gateway");
    page.locator("section.flag").first().locator("button:has-text('Dismiss')").click();
    page.waitForURL(u -> u.contains("status=dismissed"));
    assertThat(page.locator(".review").first().textContent()).contains("agreed load test of the gateway");
    open(page, "/flags");
    assertThat(page.locator("section.flag").count()).isEqualTo(open - 1);

    Page member = signIn(Role.MEMBER);
    assertThat(open(member, "/flags")).isEqualTo(200);
    assertThat(member.locator("button:has-text('Run detection now')").count()).isZero();
    open(page, "/leaderboard?mode=named&measure=tokens");
    assertThat(page.locator("table.leaderboard thead").textContent()).contains("Streak").contains("Flagged weeks");
    String ranked = page.locator("h2:has-text('people ranked')").textContent();
    page.click("a.chip:has-text('Exclude flagged')");
    page.waitForURL(u -> u.contains("exclude-flagged"));
    page.waitForLoadState(LoadState.NETWORKIDLE);
    String excluded = page.locator("h2:has-text('people ranked')").textContent();
    assertThat(Integer.parseInt(excluded.strip().split(" ")[0])).isLessThan(Integer.parseInt(ranked.strip().split(" ")[0]));
    page.click("a.chip:has-text('Quality-adjusted')");
    page.waitForURL(u -> u.contains("quality-adjusted"));
    page.waitForLoadState(LoadState.NETWORKIDLE);
    assertThat(page.locator("table.leaderboard thead").textContent()).contains("Quality points");
    shot(page, "26-leaderboard-quality-adjusted", false);
  }

  @Test
  @Order(6)
  void theDefaultLeaderboardRanksFlaggedPeopleLastWithAMark() throws Exception {
    Page admin = signIn(Role.ADMIN);
    admin.navigate(app.base + "/flags");
    admin.click("button:has-text('Run detection now')");
    admin.waitForLoadState();
    assertThat(open(admin, "/leaderboard?mode=named")).isEqualTo(200);
    assertThat(admin.locator(".rank-rule").textContent()).contains("ranked below everyone else")
        .contains("the organization's default");
    assertThat(admin.locator(".rank-rule a:has-text('Quality-adjusted ranking')").count()).isEqualTo(1);
    assertThat(admin.locator("a.chip[aria-current=true]:has-text('Active days')").count()).as("ranked by active days").isEqualTo(1);
    // walk every page: once a flagged person appears, nobody unflagged follows, and every flagged row carries the mark
    int pages = Integer.parseInt(admin.locator("nav.pager span").textContent().replaceAll(".* of ", "").strip());
    boolean flaggedSeen = false;
    int marks = 0;
    int flaggedColumn = -1;
    java.util.List<String> heads = admin.locator("table.leaderboard thead th").allTextContents();
    for (int i = 0; i < heads.size(); i++) if (heads.get(i).strip().equals("Flagged weeks")) flaggedColumn = i;
    assertThat(flaggedColumn).isPositive();
    for (int pg = 1; pg <= pages; pg++) {
      open(admin, "/leaderboard?mode=named&page=" + pg);
      for (com.microsoft.playwright.Locator row : admin.locator("table.leaderboard tbody tr").all()) {
        int weeks = Integer.parseInt(row.locator("td").nth(flaggedColumn).textContent().strip());
        boolean mark = row.locator(".tag.flag").count() == 1;
        assertThat(mark).as("the mark shows exactly where a week is flagged").isEqualTo(weeks > 0);
        if (mark) marks++;
        assertThat(!flaggedSeen || mark).as("an unflagged person below a flagged one on page " + pg).isTrue();
        flaggedSeen |= mark;
      }
      if (pg == 1) shot(admin, "27-leaderboard-default-flagged-last", false);
      if (pg == pages && marks > 0) {
        admin.locator(".tag.flag").first().scrollIntoViewIfNeeded();
        shot(admin, "28-leaderboard-default-flagged-marked", false);
      }
    }
    assertThat(marks).as("the demo organization has flagged people").isPositive();

    // the plain ranking keeps everyone's rank, still marked
    admin.click(".rank-rule a:has-text('Plain ranking')");
    admin.waitForURL(u -> u.contains("adjust=none"));
    admin.waitForLoadState(LoadState.NETWORKIDLE);
    assertThat(admin.locator(".rank-rule").textContent()).contains("Plain ranking");

    // an admin makes quality the organization's default; members then see it without asking
    open(admin, "/flags");
    admin.selectOption("select[name=rule]", "quality-adjusted");
    admin.click("#leaderboard-rule button:has-text('Save')");
    admin.waitForLoadState();
    assertThat(admin.locator(".notice").textContent()).contains("Ranked by quality points");
    Page member = signIn(Role.MEMBER);
    open(member, "/leaderboard");
    assertThat(member.locator(".rank-rule").textContent()).contains("Ranked by quality points").contains("default");
    assertThat(member.locator("#leaderboard-rule select").count()).isZero();
    open(admin, "/flags");
    admin.selectOption("select[name=rule]", "demote-flagged");
    admin.click("#leaderboard-rule button:has-text('Save')");
  }
}
