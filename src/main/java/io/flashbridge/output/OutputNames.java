package io.flashbridge.output;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Names of the files the bridge writes into the ERP's inbox for an upload {@code X.csv} or
 * {@code X.aba} of batch B (B = SHA-256 of the file's bytes; its first 12 hex digits name it):
 * <ul>
 *   <li>{@code X.ack-B.csv}: the acknowledgement; a repeated upload of content seen before is
 *       answered with {@code X.ack-B-<yyyyMMddHHmmssSSS>.csv}</li>
 *   <li>{@code X.status-B.csv}: the final status file</li>
 *   <li>{@code X.status-B-<yyyyMMddHHmmss>.csv}: interim status files and corrections</li>
 * </ul>
 * Deposit reports are {@code deposits-<yyyyMMdd>.csv} (end of day) and
 * {@code deposits-<yyyyMMdd>-<HHmmss>.csv} (intraday), dated in the reports' business time zone, and
 * {@code deposits-<yyyyMMdd>-changes-<yyyyMMddHHmmss>.csv} (a closed day's late or changed deposits).
 * The upload itself is archived (under {@code done/} or {@code failed/} beside it) as {@code X.B.csv}
 * (or {@code .aba}), so an ERP that sends {@code payouts.csv} every day keeps every day's file.
 * Two batches never share a file: their contents, and so B, differ. X is the upload's name without
 * its extension, made safe: control characters, {@code /}, {@code \} and undecodable bytes become
 * {@code _}, leading dots go, and it is cut to {@value #MAX_STEM_BYTES} UTF-8 bytes so that every
 * name, with the writer's temporary prefix, stays under the 255-byte limit of file systems.
 */
public final class OutputNames {

    static final int MAX_STEM_BYTES = 160;
    private static final int ID_LENGTH = 12;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    private OutputNames() {}

    public static String ack(String uploadName, String batchId) {
        return stem(uploadName) + ".ack-" + shortId(batchId) + ".csv";
    }

    /** The answer to an upload whose content was seen before: its own name, never the first batch's ack. */
    public static String duplicateAck(String uploadName, String batchId, Instant at) {
        return stem(uploadName) + ".ack-" + shortId(batchId) + "-" + MILLIS.format(at) + ".csv";
    }

    public static String finalStatus(String uploadName, String batchId) {
        return stem(uploadName) + ".status-" + shortId(batchId) + ".csv";
    }

    public static String interimStatus(String uploadName, String batchId, Instant at) {
        return stem(uploadName) + ".status-" + shortId(batchId) + "-" + SECONDS.format(at) + ".csv";
    }

    /** The end-of-day deposit report of {@code day} (the business day, in the reports' zone). */
    public static String depositReport(LocalDate day) {
        return "deposits-" + DAY.format(day) + ".csv";
    }

    /** An intraday deposit report of {@code day} so far, written at {@code time} of that day. */
    public static String intradayDepositReport(LocalDate day, LocalTime time) {
        return "deposits-" + DAY.format(day) + "-" + TIME.format(time) + ".csv";
    }

    /** Deposits of the closed {@code day} that arrived late or changed since its file, written at {@code at} (UTC). */
    public static String depositChanges(LocalDate day, Instant at) {
        return "deposits-" + DAY.format(day) + "-changes-" + SECONDS.format(at) + ".csv";
    }

    /** The archived upload {@code X.B.csv}: next to its {@code X.ack-B.csv}, never replacing another file's archive. */
    public static String archivedUpload(String uploadName, String batchId) {
        return stem(uploadName) + "." + shortId(batchId) + extension(uploadName);
    }

    /** The archive of an upload whose bytes were never read (its intake failed before): {@code X.<yyyyMMddHHmmssSSS>.csv}. */
    public static String archivedUpload(String uploadName, Instant at) {
        return stem(uploadName) + "." + MILLIS.format(at) + extension(uploadName);
    }

    public static String shortId(String batchId) {
        return batchId.length() <= ID_LENGTH ? batchId : batchId.substring(0, ID_LENGTH);
    }

    /** {@code .csv} or {@code .aba} (lower case), the formats the intake reads; {@code .csv} for anything else. */
    private static String extension(String uploadName) {
        return uploadName.toLowerCase(java.util.Locale.ROOT).endsWith(".aba") ? ".aba" : ".csv";
    }

    /** {@code payouts-2026-11-26.csv} → {@code payouts-2026-11-26}, made safe to use in a file name. */
    static String stem(String uploadName) {
        String name = uploadName.substring(Math.max(uploadName.lastIndexOf('/'), uploadName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        StringBuilder safe = new StringBuilder(base.length());
        int bytes = 0;
        for (int i = 0; i < base.length(); ) {
            int codePoint = base.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isISOControl(codePoint) || codePoint == '/' || codePoint == '\\' || codePoint == 0xfffd) {
                codePoint = '_';
            }
            if (safe.length() == 0 && (codePoint == '.' || codePoint == ' ')) {
                continue;
            }
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_STEM_BYTES) {
                break;
            }
            safe.appendCodePoint(codePoint);
            bytes += size;
        }
        return safe.length() == 0 ? "upload" : safe.toString();
    }
}
