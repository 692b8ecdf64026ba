package io.flashbridge.sandbox;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sandbox settings ({@code sandbox.*} in {@code sandbox.yml}).
 *
 * @param timeScale multiplier for every simulated delay (lifecycle steps, webhook retries): 1 is
 *     real time, 0.01 makes a 600 s webhook retry wait 6 s
 * @param tokenLifetime JWT lifetime ({@code exp - iat})
 * @param users the API users; each one owns a separate client account with its own balances
 * @param webhook the regular webhook endpoint, as registered in FlashConnect
 * @param callbackSecret key used to sign ad hoc {@code callbackUri} deliveries (Flash does not say)
 * @param fees fees charged per transaction, in the transaction currency
 * @param fxRates units of the quote currency per 1 AUD, e.g. {@code USD: 0.65}
 * @param steps nominal delay of each lifecycle step before {@code timeScale} applies
 * @param subClients sub-clients (VANs) every client account has
 */
@ConfigurationProperties("sandbox")
public record SandboxProperties(
        double timeScale,
        Duration tokenLifetime,
        List<User> users,
        Webhook webhook,
        String callbackSecret,
        Fees fees,
        Map<String, BigDecimal> fxRates,
        Steps steps,
        List<SubClient> subClients) {

    public record User(
            String email,
            String password,
            String companyName,
            List<String> affiliations,
            Map<String, BigDecimal> openingBalances,
            boolean complianceMember) {}

    public record Webhook(String url, String secret, List<String> events) {}

    public record Fees(BigDecimal withdrawal, BigDecimal payment, BigDecimal deposit) {}

    public record Steps(Duration compliance, Duration sending, Duration settlement, Duration bankReturn) {}

    public record SubClient(String id, String fullName, String bsb, String accountNo, String externalId) {}
}
