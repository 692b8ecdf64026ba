package io.flashbridge.intake.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.flashbridge.instruction.PayoutValidator;
import io.flashbridge.support.AbaFile;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Generated hostile payout files through the same inspection, readers and validation the intake
 * uses: good rows mixed with control characters, broken quotes, huge fields, thousands of columns,
 * truncated files, UTF-16, Latin-1 and binary garbage. For every file: no exception, bounded time,
 * every refused row or file has a line-numbered reason, and every good row is still accepted.
 */
class HostileFileProperties {

    private static final int TRIES = 4_000;
    private static DefaultCamelContext camel;
    private static long cases;
    private static long started;

    @BeforeContainer
    static void startCamel() {
        camel = new DefaultCamelContext();
        camel.start();
        started = System.nanoTime();
    }

    @AfterContainer
    static void report() {
        System.out.printf("Hostile file cases: %d in %d ms%n", cases, (System.nanoTime() - started) / 1_000_000);
        camel.stop();
    }

    /** One generated CSV: its lines, and which physical lines (2..) are good rows that must be accepted. */
    record GeneratedCsv(byte[] bytes, Set<Integer> goodLines, boolean readable) {}

    @Property(tries = TRIES)
    void everyCsvRowGetsALineNumberedAnswerAndGoodRowsFlow(@ForAll("csvFiles") GeneratedCsv file) throws Exception {
        cases++;
        List<String> answers = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> intakeOf(file.bytes(), "CSV"));

        assertThat(answers).allSatisfy(answer -> assertThat(answer).matches("(?s)\\d+ (ACCEPTED|REJECTED line \\d+: .+)"));
        if (file.readable()) {
            for (int line : file.goodLines()) {
                assertThat(answers).as("line %d", line).contains(line + " ACCEPTED");
            }
        } else {
            assertThat(answers).noneMatch(answer -> answer.contains("ACCEPTED"));
        }
    }

    @Property(tries = TRIES / 2)
    void everyAbaFileIsReadOrRefusedWithALineNumber(@ForAll("abaFiles") byte[] aba) throws Exception {
        cases++;
        List<String> answers = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> intakeOf(aba, "ABA"));

        assertThat(answers).isNotEmpty().allSatisfy(answer ->
                assertThat(answer).matches("(?s)\\d+ (ACCEPTED|REJECTED line \\d+: .+)"));
    }

    /** What the intake answers per line: "N ACCEPTED" or "N REJECTED line N: reason". */
    private static List<String> intakeOf(byte[] bytes, String format) throws Exception {
        Path path = Files.createTempFile("hostile", "." + format.toLowerCase());
        try {
            Files.write(path, bytes);
            FileInspection inspection = FileInspection.of(path);
            List<String> answers = new ArrayList<>();
            if (inspection.bytes() == 0 || inspection.encodingProblem() != null) {
                answers.add("1 REJECTED " + (inspection.bytes() == 0 ? "line 1: the file is empty" : inspection.encodingProblem()));
                return answers;
            }
            List<ParsedFile.Row> rows = new ArrayList<>();
            String problem;
            try (BufferedReader text = new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8))) {
                if (format.equals("ABA")) {
                    problem = new AbaPayoutReader(camel).read(new LineSource(text, 120), rows::addAll);
                } else {
                    problem = new CsvRowReader(16_384).read(new LineSource(text, 16_384), rows::addAll);
                }
            }
            for (ParsedFile.Row row : rows) {
                if (row.unreadable() != null) {
                    answers.add(row.lineNumber() + " REJECTED line " + row.lineNumber() + ": " + row.unreadable());
                } else {
                    PayoutValidator.Result result = PayoutValidator.validate("erp", row.payout());
                    answers.add(row.lineNumber() + (result.accepted() && problem == null ? " ACCEPTED"
                            : " REJECTED line " + row.lineNumber() + ": " + (problem != null ? problem : result.problems())));
                }
            }
            if (problem != null && rows.isEmpty()) {
                answers.add("1 REJECTED " + problem);
            }
            return answers;
        } finally {
            Files.deleteIfExists(path);
        }
    }

    @Provide
    Arbitrary<GeneratedCsv> csvFiles() {
        Arbitrary<String> goodRow = Arbitraries.integers().between(1, 99_999).map(n ->
                "G" + n + ",12.34,AUD,062000,12345678,Ann Lee,,,REF " + n + ",,,");
        Arbitrary<String> badRow = Arbitraries.oneOf(
                Arbitraries.strings().withChars("\u0000\u0001\u001f\t\",=+-@ aZ9\u00e9\u2028").ofMaxLength(200),
                Arbitraries.integers().between(2, 6_000).map(n -> "x,".repeat(n) + "x"),
                Arbitraries.integers().between(16_385, 200_000).map(n -> "B1,1.00,AUD,062000,12345678,Ann," + "y".repeat(n)),
                Arbitraries.just("\"=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",1.00,AUD,062000,12345678,Ann Lee,,,R,,,"),
                Arbitraries.just("N1,1.00,AUD,062000,12345678,Ann\u0000Lee,,,R\u0000F,,,"),
                Arbitraries.just("U1,\"unclosed,1.00,AUD,062000,12345678,Ann Lee,,,R,,,"),
                Arbitraries.just("H1,1" + "0".repeat(400) + ",AUD,062000,12345678,Ann Lee,,,R,,,"));
        Arbitrary<List<Object[]>> body = Combinators.combine(Arbitraries.integers().between(0, 1), goodRow, badRow)
                .as((kind, good, bad) -> new Object[] {kind == 0, kind == 0 ? good : bad}).list().ofMaxSize(30);
        Arbitrary<Integer> damage = Arbitraries.integers().between(0, 9);
        return Combinators.combine(body, damage, Arbitraries.integers().between(0, 10_000)).as((rows, kind, cut) -> {
            StringBuilder text = new StringBuilder(CsvRowReader.HEADER.length * 12);
            text.append(String.join(",", CsvRowReader.HEADER)).append("\r\n");
            Set<Integer> good = new HashSet<>();
            Set<String> ids = new HashSet<>();
            int line = 1;
            for (Object[] row : rows) {
                line++;
                String content = (String) row[1];
                boolean isGood = (Boolean) row[0] && ids.add(content.substring(0, content.indexOf(',')));
                if (isGood) {
                    good.add(line);
                }
                text.append(content).append(line % 2 == 0 ? "\r\n" : "\n");
            }
            byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
            return switch (kind) {
                case 0 -> new GeneratedCsv(text.toString().getBytes(StandardCharsets.UTF_16LE), Set.of(), false);
                case 1 -> new GeneratedCsv(("\u00e9" + text).getBytes(StandardCharsets.ISO_8859_1), Set.of(), false);
                case 2 -> new GeneratedCsv(garbage(cut), Set.of(), false);
                case 3 -> new GeneratedCsv(java.util.Arrays.copyOf(utf8, Math.min(utf8.length, cut)), Set.of(), true);
                default -> new GeneratedCsv(utf8, good, true);
            };
        });
    }

    @Provide
    Arbitrary<byte[]> abaFiles() {
        Arbitrary<Integer> details = Arbitraries.integers().between(0, 5);
        return Combinators.combine(details, Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 700))
                .as((count, damage, at) -> {
                    AbaFile file = new AbaFile().batch("ACME", "FUZZ", false);
                    for (int i = 0; i < count; i++) {
                        file.credit("062-000", "1234567" + i, 100 + i, "Ann Lee", "REF" + i, "ACME");
                    }
                    byte[] bytes = file.total().bytes();
                    return switch (damage) {
                        case 0 -> java.util.Arrays.copyOf(bytes, Math.min(bytes.length, at));
                        case 1 -> insert(bytes, at, "X".getBytes(StandardCharsets.US_ASCII));
                        case 2 -> insert(bytes, at, new byte[] {0});
                        case 3 -> insert(bytes, at, "9".repeat(130).getBytes(StandardCharsets.US_ASCII));
                        case 4 -> garbage(at);
                        default -> bytes;
                    };
                });
    }

    private static byte[] insert(byte[] bytes, int at, byte[] extra) {
        int position = Math.min(at, bytes.length);
        byte[] result = new byte[bytes.length + extra.length];
        System.arraycopy(bytes, 0, result, 0, position);
        System.arraycopy(extra, 0, result, position, extra.length);
        System.arraycopy(bytes, position, result, position + extra.length, bytes.length - position);
        return result;
    }

    private static byte[] garbage(int seed) {
        java.util.Random random = new java.util.Random(seed);
        byte[] bytes = new byte[1 + random.nextInt(4_000)];
        random.nextBytes(bytes);
        return bytes;
    }
}
