package dev.pooltags.snapshot;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time a kernel debugger prints when a session starts and for {@code .time} and {@code vertarget}:
 * {@code Debug session time: Tue Jan 25 11:24:37.000 2022 (UTC + 8:00)}; older versions leave out the milliseconds
 * and the offset ({@code Fri Jun 11 10:22:46 2004}), which is then read as UTC. Logs that hold it date their
 * {@code !poolused} outputs by it instead of by the file's modification time.
 */
public final class DebugSessionTime {
    private static final Pattern TIME = Pattern.compile(
            "^\\s*Debug session time:\\s+\\w{3}\\s+(\\w{3})\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,3}))?\\s+(\\d{4})"
                    + "(?:\\s+\\(UTC\\s*([+-])\\s*(\\d{1,2}):(\\d{2})\\))?.*$");
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private DebugSessionTime() {}

    /** The instant the line names, when it is a {@code Debug session time:} line the debugger could have written. */
    public static Optional<Instant> parse(String line) {
        if (line.indexOf("session time") < 0) {
            return Optional.empty();
        }
        Matcher m = TIME.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        int month = MONTHS.indexOf(m.group(1).toLowerCase(Locale.ROOT));
        if (month < 0 || month % 3 != 0) {
            return Optional.empty();
        }
        try {
            int ms = m.group(6) == null ? 0 : Integer.parseInt((m.group(6) + "00").substring(0, 3));
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(7)), month / 3 + 1, Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), ms * 1_000_000);
            ZoneOffset offset = ZoneOffset.UTC;
            if (m.group(8) != null) {
                int minutes = Integer.parseInt(m.group(9)) * 60 + Integer.parseInt(m.group(10));
                offset = ZoneOffset.ofTotalSeconds((m.group(8).equals("-") ? -minutes : minutes) * 60);
            }
            return Optional.of(local.toInstant(offset));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty(); // Feb 31, hour 25, offset 19:00: not a time the debugger wrote
        }
    }
}
