package io.flashbridge.instruction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which single ERP names are companies (companyName) and which are people (first + last name). */
class PartyNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Acme Payroll Pty Ltd", "ACME HOLDINGS", "Smith & Sons", "J. Smith and Co.", "Flat 4 Tenants",
            "Bank of Queensland", "Westpac", "Tennis Club (Inc)", "Info@Acme Services"})
    void readsNamesWithACompanyMarkerOrOfOneWordAsCompanies(String name) {
        assertThat(PartyNames.isCompany(name)).isTrue();
        assertThat(PartyNames.toFlash(name)).containsOnlyKeys("companyName");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Katarina Oreiro", "Jane Cooper", "Mary-Ann O'Connor", "Colin Banks", "Ptolemy Grouper", "Anne Trusted"})
    void readsOtherNamesAsPeopleEvenWhenAMarkerIsPartOfAWord(String name) {
        assertThat(PartyNames.isCompany(name)).isFalse();
        assertThat(PartyNames.toFlash(name)).containsOnlyKeys("firstName", "lastName");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme <Pty> Ltd", "A=B Holdings"})
    void refusesCompanyNamesWithAngleBracketsOrEquals(String name) {
        assertThat(PartyNames.problem(name)).isEqualTo("must not contain <, = or >");
    }
}
