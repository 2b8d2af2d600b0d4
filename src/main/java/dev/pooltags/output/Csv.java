package dev.pooltags.output;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.PrintWriter;

/**
 * CSV output (RFC 4180 quoting, CRLF as the RFC says) through FastCSV, which has no dependencies; snapshot writers and
 * reports write CSV the same way.
 */
public final class Csv {
    private Csv() {}

    public static CsvWriter writer(PrintWriter out) {
        return CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
    }
}
