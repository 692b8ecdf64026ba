package io.flashbridge.reconcile;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.flashbridge.ledger.Deposit;
import io.flashbridge.ledger.DepositStore;
import io.flashbridge.output.CsvText;
import io.flashbridge.output.OutputNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Deposit reports for the ERP: one line per deposit created on a business day (in
 * {@code flashbridge.deposits.zone}), with the payer's reference that finance matches invoices on.
 * The end-of-day file {@code deposits-<yyyyMMdd>.csv} is written once the day is over (also when no
 * money came); intraday files {@code deposits-<yyyyMMdd>-<HHmmss>.csv} show the day so far; a changes
 * file {@code deposits-<yyyyMMdd>-changes-<yyyyMMddHHmmss>.csv} lists the deposits of a closed day
 * that arrived after its file or whose status moved since (a review ended, a refund), with
 * {@code previous_status}.
 */
@Component("depositReports")
public class DepositReports {

    static final List<String> HEADER = List.of("flash_id", "created_at", "status", "amount", "fee", "currency", "payer_name",
            "payer_bsb", "payer_account", "reference", "van_bsb", "van_account", "sub_client_id", "sub_client_external_id",
            "sub_client_name", "status_message", "cleared_at", "refund_amount", "refunded_at");
    private static final Logger log = LoggerFactory.getLogger(DepositReports.class);
    static final List<String> CHANGES_HEADER = Stream.concat(HEADER.stream(), Stream.of("previous_status")).toList();
    /** How many past days the end-of-day report catches up on after the bridge was stopped. */
    private static final int CATCH_UP_DAYS = 7;
    /** How far back changes files look: the deposit listing reaches 30 days back (DepositPoller), webhooks anything. */
    private static final int CHANGES_DAYS = DepositPoller.LOOKBACK_DAYS + 1;

    public enum Kind { END_OF_DAY, INTRADAY, CHANGES }

    /**
     * A deposit report to write to the inbox. {@code day} is the business day it is about;
     * {@code closing} the deposits whose reported status it sets once written (empty for intraday files).
     */
    public record DepositReport(Kind kind, String fileName, String content, LocalDate day, int deposits, BigDecimal total,
                                List<Deposit> closing) {}

    private final DepositStore deposits;
    private final ZoneId zone;
    private final Clock clock;
    private final UnwrittenReports unwritten;

    @Autowired
    DepositReports(DepositStore deposits, @Value("${flashbridge.deposits.zone:Australia/Sydney}") ZoneId zone,
                   UnwrittenReports unwritten) {
        this(deposits, zone, Clock.systemUTC(), unwritten);
    }

    DepositReports(DepositStore deposits, ZoneId zone, Clock clock, UnwrittenReports unwritten) {
        this.deposits = deposits;
        this.zone = zone;
        this.clock = clock;
        this.unwritten = unwritten;
    }

    /** Today's deposits so far, when there are any. */
    public List<DepositReport> intraday() {
        ZonedDateTime now = clock.instant().atZone(zone);
        LocalDate today = now.toLocalDate();
        List<Deposit> sofar = ofDay(today);
        if (sofar.isEmpty()) {
            return List.of();
        }
        return List.of(report(Kind.INTRADAY, OutputNames.intradayDepositReport(today, now.toLocalTime()), today, sofar, null));
    }

    /** End-of-day files for the finished days not yet reported (at most a week back, not before the first deposit). */
    public List<DepositReport> endOfDay() {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        Optional<LocalDate> firstDay = deposits.oldestCreatedAt().map(at -> at.atZone(zone).toLocalDate());
        if (firstDay.isEmpty()) {
            return List.of();
        }
        List<DepositReport> reports = new ArrayList<>();
        for (LocalDate day = max(firstDay.get(), today.minusDays(CATCH_UP_DAYS)); day.isBefore(today); day = day.plusDays(1)) {
            if (!deposits.endOfDayWritten(day)) {
                reports.add(report(Kind.END_OF_DAY, OutputNames.depositReport(day), day, ofDay(day), null));
            }
        }
        return reports;
    }

    /** Changes files for closed days (their end-of-day file written) with deposits that arrived late or moved since. */
    public List<DepositReport> changes() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        Map<LocalDate, List<DepositStore.ReportedDeposit>> byDay = new TreeMap<>();
        for (DepositStore.ReportedDeposit changed : deposits.changedSinceReported(
                today.minusDays(CHANGES_DAYS).atStartOfDay(zone).toInstant(), today.atStartOfDay(zone).toInstant())) {
            byDay.computeIfAbsent(changed.deposit().createdAt().atZone(zone).toLocalDate(), day -> new ArrayList<>()).add(changed);
        }
        List<DepositReport> reports = new ArrayList<>();
        byDay.forEach((day, changed) -> {
            if (deposits.endOfDayWritten(day)) {
                reports.add(report(Kind.CHANGES, OutputNames.depositChanges(day, now), day,
                        changed.stream().map(DepositStore.ReportedDeposit::deposit).toList(),
                        changed.stream().map(DepositStore.ReportedDeposit::reportedStatus).toList()));
            }
        });
        return reports;
    }

    /** Called once the file is in the inbox: a file that closes a day records what it told. */
    public void written(DepositReport report) {
        if (report.kind() != Kind.INTRADAY) {
            deposits.markReported(report.kind() == Kind.END_OF_DAY ? report.day() : null, report.closing());
        }
        log.info("Deposit report {}: {} deposits, {} in all", report.fileName(), report.deposits(), report.total());
    }

    /** Called when the inbox refused the file: it is due again (an intraday one is superseded by the next). */
    public void notWritten(DepositReport report, Exception cause) {
        unwritten.depositReport(report.fileName(), switch (report.kind()) {
            case END_OF_DAY -> "the day's file is tried again at the next end-of-day check";
            case CHANGES -> "its changes are listed again at the next check";
            case INTRADAY -> "the next intraday file has the day so far";
        }, cause);
    }

    private List<Deposit> ofDay(LocalDate day) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        return deposits.createdBetween(from, to);
    }

    /** {@code previousStatuses}: a changes file's {@code previous_status} column, one per deposit; null for the other files. */
    private static DepositReport report(Kind kind, String name, LocalDate day, List<Deposit> listed, List<String> previousStatuses) {
        StringBuilder csv = new StringBuilder(128 + listed.size() * 220);
        csv.append(CsvText.line(previousStatuses == null ? HEADER : CHANGES_HEADER));
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < listed.size(); i++) {
            Deposit deposit = listed.get(i);
            total = total.add(deposit.amount());
            List<Object> line = columns(deposit);
            if (previousStatuses != null) {
                line.add(previousStatuses.get(i));
            }
            csv.append(CsvText.line(line));
        }
        return new DepositReport(kind, name, csv.toString(), day, listed.size(), total, kind == Kind.INTRADAY ? List.of() : listed);
    }

    private static List<Object> columns(Deposit deposit) {
        return new ArrayList<>(Arrays.asList(deposit.flashId(), text(deposit.createdAt()), deposit.status().name(),
                money(deposit.amount()), money(deposit.fee()), deposit.currency(), deposit.payerName(), deposit.payerBsb(),
                deposit.payerAccount(), deposit.reference(), deposit.vanBsb(), deposit.vanAccount(), deposit.subClientId(),
                deposit.subClientExternalId(), deposit.subClientName(), deposit.statusMessage(), text(deposit.clearedAt()),
                money(deposit.refundAmount()), text(deposit.refundedAt())));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
