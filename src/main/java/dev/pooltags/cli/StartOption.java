package dev.pooltags.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --start TIME}: when the first sample of files that hold no time (PoolMon, PoolMonX, !poolused, a saved
 * slabinfo) was taken; without it they carry their modification time, and a warning says so.
 */
public final class StartOption {
    @Option(names = "--start", paramLabel = "TIME", converter = TimeConverter.class,
            description = "When the first sample of a file without times (PoolMon, PoolMonX, !poolused) was taken: "
                    + "2018-05-19T14:00:00Z, 2018-05-19 14:00 (UTC) or 2018-05-19. Default: the file's modification time.")
    Instant start;

    /** The time given, or null. */
    public Instant get() {
        return start;
    }

    /** ISO 8601 with an offset, or a date and time (UTC), or a date (midnight UTC). */
    public static final class TimeConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            String v = value.trim().replace(' ', 'T');
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                // no offset: UTC
            }
            try {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // a date alone
            }
            try {
                return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a time such as 2018-05-19T14:00:00Z,"
                        + " 2018-05-19 14:00 (UTC) or 2018-05-19");
            }
        }
    }
}
