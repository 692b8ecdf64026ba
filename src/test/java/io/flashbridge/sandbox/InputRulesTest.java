package io.flashbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Flash's data rules (flash-api.md 2.5) as the sandbox enforces them. */
class InputRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    void acceptsInitialsAndNamesWithApostrophesAndHyphens() {
        assertThatCode(() -> InputRules.personName("n", "O'Brien-Smith", 1)).doesNotThrowAnyException();
        assertThatCode(() -> InputRules.personName("n", "J", 1)).doesNotThrowAnyException();
        assertThatCode(() -> InputRules.personName("n", "Zoë", 1)).doesNotThrowAnyException();
    }

    @Test
    void rejectsNamesLongerThan75Characters() {
        assertThatThrownBy(() -> InputRules.personName("input.lastName", "a".repeat(76), 1))
                .hasMessageContaining("input.lastName");
    }

    @Test
    void rejectsMiddleNameOfOneCharacter() {
        assertThatThrownBy(() -> InputRules.personName("input.middleName", "Q", 2)).isInstanceOf(BadUserInputException.class);
    }

    @Test
    void rejectsNamesThatLookLikeDomains() {
        assertThatThrownBy(() -> InputRules.personName("n", "Aaron x.com", 1)).isInstanceOf(BadUserInputException.class);
    }

    @Test
    void rejectsCompanyNamesWithAngleBracketsOrEquals() {
        assertThatThrownBy(() -> InputRules.organisationName("c", "Acme <script>")).isInstanceOf(BadUserInputException.class);
        assertThatThrownBy(() -> InputRules.organisationName("c", "A")).isInstanceOf(BadUserInputException.class);
    }

    @Test
    void rejectsPeopleUnder18AndBornBefore1900() {
        assertThatThrownBy(() -> InputRules.dob("dob", "2010-01-01", TODAY)).hasMessageContaining("18");
        assertThatThrownBy(() -> InputRules.dob("dob", "1899-12-31", TODAY)).hasMessageContaining("1900");
        assertThatCode(() -> InputRules.dob("dob", "1980-05-17", TODAY)).doesNotThrowAnyException();
    }

    @Test
    void treatsLeadingDoubleZeroAsInternationalPrefix() {
        assertThatCode(() -> InputRules.mobile("m", "0061 412 345 678")).doesNotThrowAnyException();
        assertThatThrownBy(() -> InputRules.mobile("m", "0412345678")).isInstanceOf(BadUserInputException.class);
    }

    @Test
    void rejectsNonAsciiAddressComponents() {
        assertThatThrownBy(() -> InputRules.asciiWhereRequired("input",
                Map.of("address", Map.of("street", "1 Straße", "country", "DE"))))
                .hasMessageContaining("input.address.street");
    }

    @Test
    void rejectsPlaceholdersAnywhereInTheInput() {
        assertThatThrownBy(() -> InputRules.noPlaceholders("input", Map.of("sender", Map.of("mobile", "NULL"))))
                .hasMessageContaining("input.sender.mobile");
    }

    @Test
    void rejectsZeroNegativeAndOverPreciseAmounts() {
        assertThatThrownBy(() -> InputRules.amount("a", BigDecimal.ZERO)).isInstanceOf(BadUserInputException.class);
        assertThatThrownBy(() -> InputRules.amount("a", new BigDecimal("-1"))).isInstanceOf(BadUserInputException.class);
        assertThatThrownBy(() -> InputRules.amount("a", new BigDecimal("1.001"))).isInstanceOf(BadUserInputException.class);
        assertThatCode(() -> InputRules.amount("a", new BigDecimal("1.100"))).doesNotThrowAnyException();
    }
}
