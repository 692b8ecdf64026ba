package io.flashbridge.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import io.flashbridge.support.BridgeTest;
import io.flashbridge.support.CsvLines;
import io.flashbridge.support.ErpTestSupport;
import io.flashbridge.support.SandboxServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import jakarta.jms.ConnectionFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/**
 * The console in a real browser (headless Debian chromium through the system chromedriver): an
 * operator logs in, finds the batch of a dropped file, opens an instruction's audit trail, replays
 * a parked instruction and sees it paid; a viewer sees no replay button and is refused when it
 * posts one anyway. The main pages are saved as screenshots under {@code target/console-screenshots/}.
 */
@BridgeTest
class ConsoleBrowserTest extends ErpTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Copied by hand to docs/console/ for the README when the pages change. */
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    @Autowired
    private ConnectionFactory connections;
    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Path.of("/usr/bin/chromium").toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,900");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        SandboxServer.shared().admin("DELETE", "faults", null);
    }

    @Test
    void operatorFindsABatchReadsItsAuditTrailAndReplaysAParkedPayoutUntilItIsPaid() throws Exception {
        String paymentId = "CON-" + run;
        String name = "console-" + run;
        parkedPayout(name, paymentId);

        logIn("ops", "ops");
        browser.get(url("/console/batches?file=" + name));
        WebElement batch = browser.findElement(By.linkText(name + ".csv"));
        screenshot("batches");
        batch.click();
        assertThat(browser.findElement(By.id("rows")).getText()).contains(paymentId, "PARKED");
        browser.findElement(By.linkText(paymentId)).click();
        browser.findElement(By.cssSelector("a.payment-id")).click();
        assertThat(browser.findElement(By.id("instruction-status")).getText()).isEqualTo("PARKED");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("account ****5678").doesNotContain("12345678");
        assertThat(browser.findElement(By.id("audit")).getText()).contains("SUBMITTING", "PARKED", "retries exhausted");
        screenshot("instruction");

        browser.findElement(By.id("nav-parked")).click();
        WebElement row = browser.findElement(By.cssSelector("tr[data-payment-id='" + paymentId + "']"));
        screenshot("parked");
        row.findElement(By.cssSelector("button.replay")).click();
        assertThat(browser.findElement(By.id("message")).getText()).contains("replayed");
        Awaitility.await().atMost(PATIENCE).until(() -> "CONFIRMED".equals(status(paymentId)));
        browser.get(url("/console/instructions?paymentId=" + paymentId));
        browser.findElement(By.cssSelector("a.payment-id")).click();
        assertThat(browser.findElement(By.id("instruction-status")).getText()).isEqualTo("CONFIRMED");
        assertThat(browser.findElement(By.id("audit")).getText()).contains("replayed by ops (console)");
        browser.findElement(By.id("nav-health")).click();
        screenshot("health");
        browser.findElement(By.id("nav-routes")).click();
        screenshot("route-edits");
    }

    @Test
    void viewerSeesNoReplayButtonAndIsRefusedWhenItPostsOne() throws Exception {
        String paymentId = "CONV-" + run;
        parkedPayout("console-viewer-" + run, paymentId);

        logIn("viewer", "viewer");
        browser.get(url("/console/parked"));
        WebElement row = browser.findElement(By.cssSelector("tr[data-payment-id='" + paymentId + "']"));
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        assertThat(row.findElements(By.cssSelector("button.replay"))).isEmpty();
        assertThat(browser.findElement(By.className("who")).getText()).contains("viewer");

        long id = jdbc.queryForObject("select id from instruction where payment_id = ?", Long.class, paymentId);
        Object answer = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/console/parked/" + id + "/replay', {method: 'POST', redirect: 'manual'})"
                        + ".then(r => done(String(r.status))).catch(e => done('error ' + e));");
        assertThat(answer).isEqualTo("403");
        assertThat(status(paymentId)).isEqualTo("PARKED");
    }

    @Test
    void operatorDiscardsADeadLetteredMessageAndTheActionIsRecorded() throws Exception {
        String body = "not json " + run;
        new JmsTemplate(connections).send("flashbridge.instructions", session -> session.createTextMessage(body));
        logIn("ops", "ops");

        Awaitility.await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            browser.get(url("/console/dead-letters"));
            return browser.findElement(By.id("dead-letters")).getText().contains(body);
        });
        WebElement row = browser.findElements(By.cssSelector("#dead-letters tr")).stream()
                .filter(candidate -> candidate.getText().contains(body)).findFirst().orElseThrow();
        assertThat(row.getText()).contains("the message is not JSON");
        screenshot("dead-letters");
        row.findElement(By.cssSelector("button.danger")).click();

        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Message discarded.");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(body);
        browser.findElement(By.id("nav-health")).click();
        assertThat(browser.findElement(By.id("actions")).getText()).contains("ops", "dead-letter-discarded");
    }

    @Test
    void batchPageShowsFiveHundredLinesAtATimeWithRefusedAndAcceptedRowsInLineOrder() throws Exception {
        String name = "console-pages-" + run;
        String accepted = "CONP-" + run;
        StringBuilder csv = new StringBuilder(CsvLines.PAYOUT_HEADER);
        for (int line = 2; line <= 1101; line++) {
            csv.append(line == 600 ? accepted + ",12.00,AUD,062000,12345678,Katarina Oreiro,,,PAGES,,,\r\n"
                    : "CONR-" + run + "-" + line + ",not-an-amount,AUD,062000,12345678,Katarina Oreiro,,,PAGES,,,\r\n");
        }
        erp.drop("outbox/payouts", name + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        erp.awaitAck(name, PATIENCE);

        logIn("viewer", "viewer");
        browser.get(url("/console/batches?file=" + name));
        browser.findElement(By.linkText(name + ".csv")).click();
        assertThat(lineNumbers()).hasSize(500).startsWith(2).endsWith(501);
        assertThat(browser.findElement(By.id("rows")).getText()).contains("amount").doesNotContain(accepted);

        browser.findElement(By.id("next-lines")).click();
        assertThat(lineNumbers()).hasSize(500).startsWith(502).endsWith(1001).contains(600);
        assertThat(browser.findElement(By.id("rows")).getText()).contains(accepted);

        WebElement next = browser.findElement(By.id("next-lines"));
        assertThat(next.getText()).isEqualTo("Next lines, from line 1002");
        next.click();
        assertThat(lineNumbers()).hasSize(100).startsWith(1002).endsWith(1101);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        assertThat(browser.findElements(By.id("next-lines"))).isEmpty();
        assertThat(browser.findElements(By.id("first-lines"))).hasSize(1);
    }

    private java.util.List<Integer> lineNumbers() {
        return browser.findElements(By.cssSelector("#rows td.num:first-child")).stream()
                .map(cell -> Integer.parseInt(cell.getText())).toList();
    }

    /** A one-row payout file whose createWithdrawal fails with 503 on every attempt the retry policy allows (1 + 3). */
    private void parkedPayout(String name, String paymentId) throws IOException {
        SandboxServer.shared().admin("POST", "faults", Map.of("kind", "STATUS", "status", 503, "count", 4,
                "operation", "createWithdrawal", "client", SandboxServer.DEMO_EMAIL));
        erp.drop("outbox/payouts", name + ".csv", (CsvLines.PAYOUT_HEADER
                + paymentId + ",42.00,AUD,062000,12345678,Katarina Oreiro,,,CONSOLE,,,\r\n").getBytes(StandardCharsets.UTF_8));
        Awaitility.await().atMost(PATIENCE).until(() -> "PARKED".equals(status(paymentId)));
    }

    private void logIn(String user, String password) {
        browser.get(url("/console/batches"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo(user);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String status(String paymentId) {
        return jdbc.queryForList("select status from instruction where payment_id = ?", String.class, paymentId)
                .stream().findFirst().orElse(null);
    }

    private void screenshot(String page) throws IOException {
        Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(SCREENSHOTS);
        Files.copy(file, SCREENSHOTS.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
