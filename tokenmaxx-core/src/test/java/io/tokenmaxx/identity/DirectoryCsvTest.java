package io.tokenmaxx.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.model.RawIdentity;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DirectoryCsvTest {

  @Test
  void readsACommonHrisExportWithSynonymsManagersAndAliases() throws Exception {
    String csv = """
        Employee ID,Work Email,First Name,Last Name,Department,Team,Manager Email,Job Title,Annual Loaded Cost,Hire Date,Aliases
        E1,Ada.Lovelace@Example.com,Ada,Lovelace,Engineering,Platform,,CTO,"$320,000",2020-01-06,
        E2,grace@example.com,Grace,Hopper,Engineering,Platform,ada.lovelace@example.com,Engineer,210000,2024-03-01,account_uuid:1b2c;git_email:GRACE@users.noreply.github.com
        """;
    DirectoryImport r = DirectoryCsv.read(new StringReader(csv));
    assertThat(r.errors()).isEmpty();
    assertThat(r.people()).hasSize(2);
    Person grace = r.people().get(1);
    assertThat(grace.id()).isEqualTo("E2");
    assertThat(grace.name()).isEqualTo("Grace Hopper");
    assertThat(grace.manager()).isEqualTo("E1");
    assertThat(grace.annualLoadedCost()).isEqualByComparingTo("210000");
    assertThat(r.people().getFirst().annualLoadedCost()).isEqualByComparingTo(new BigDecimal("320000"));
    assertThat(r.people().getFirst().email()).isEqualTo("ada.lovelace@example.com");
    assertThat(grace.startDate()).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(r.aliases()).contains(
        new Alias(new RawIdentity(RawIdentity.Kind.ACCOUNT_UUID, "1b2c"), "E2"),
        new Alias(new RawIdentity(RawIdentity.Kind.GIT_EMAIL, "grace@users.noreply.github.com"), "E2"),
        new Alias(RawIdentity.email("ada.lovelace@example.com"), "E1"));
  }

  @Test
  void badRowsAreReportedWithLineAndColumnAndTheRestIsKept() throws Exception {
    String csv = """
        email,name,annual_loaded_cost,start_date,manager_email,aliases
        ok@example.com,Ok,100000,2024-01-01,,
        not-an-email,Bad,100000,2024-01-01,,
        cost@example.com,Cost,lots,2024-01-01,,
        date@example.com,Date,100,01/02/2024,,
        ok@example.com,Dup,100,2024-01-01,,
        alias@example.com,Alias,100,2024-01-01,,nonsense
        orphan@example.com,Orphan,100,2024-01-01,nobody@example.com,
        """;
    DirectoryImport r = DirectoryCsv.read(new StringReader(csv));
    assertThat(r.people()).extracting(Person::email)
        .containsExactly("ok@example.com", "orphan@example.com");
    assertThat(r.errors()).extracting(DirectoryImport.RowError::toString).containsExactly(
        "line 3, column 'email': 'not-an-email' is not an e-mail address",
        "line 6, column 'email': e-mail ok@example.com appears twice; kept the first",
        "line 4, column 'annual_loaded_cost': 'lots' is not an amount",
        "line 5, column 'start_date': '01/02/2024' is not a date (expected YYYY-MM-DD)",
        "line 7, column 'aliases': identity 'nonsense' is not kind:value (kinds: [email, account_uuid, user_id, organization_id, api_key, git_email, host_user, person_id]) nor an e-mail",
        "line 8, column 'manager_email': manager 'nobody@example.com' is not in this file; imported without a manager");
  }

  @Test
  void aFileWithoutAnEmailColumnIsRefusedNamingItsColumns() {
    assertThatThrownBy(() -> DirectoryCsv.read(new StringReader("name,team\nA,B\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no e-mail column")
        .hasMessageContaining("[name, team]");
  }
}
