package dev.pooltags.serve;

import dev.pooltags.source.InputException;
import dev.pooltags.source.Reasons;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The metrics of {@code /metrics} as a file for a textfile collector: windows_exporter's {@code textfile} collector (and
 * node_exporter's) reads every {@code *.prom} file of its folder at each scrape, so fleets that already run it get
 * pooltags' per-tag metrics without another port. The file is the Prometheus text format (0.0.4) of the same registry,
 * so the metric names are those of {@code /metrics}; it is written beside the target under a name that does not end in
 * {@code .prom} and renamed over it, so a collector reads the previous file or the whole new one, never half of one.
 */
public final class TextfileExport {
    /** The file's name in the collector's folder. */
    public static final String FILE_NAME = "pooltags.prom";

    private TextfileExport() {}

    /** The registry in the Prometheus text format. */
    public static byte[] render(PrometheusRegistry registry) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 16);
        try {
            ExpositionFormats.init(PrometheusProperties.builder().build()).getPrometheusTextFormatWriter()
                    .write(buf, registry.scrape(), EscapingScheme.ALLOW_UTF8);
        } catch (IOException e) {
            throw new IllegalStateException("rendering metrics into memory failed", e);
        }
        return buf.toByteArray();
    }

    /**
     * Replaces {@code target} with {@code bytes} at once: a temporary file beside it ({@code .pooltags.prom.tmp}), forced to
     * the disk, then renamed over it. Long-running (serve writes it after every sample), so it keeps no state between
     * calls.
     */
    public static void write(Path target, byte[] bytes) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                out.write(bytes);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write failure is the one to report
            }
            throw new InputException(target, "cannot write: " + Reasons.of(e), e);
        }
    }

    /** The textfile of a collector folder: {@code DIR/pooltags.prom}, the folder checked to exist and take files. */
    public static Path inFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir, "no such folder (--textfile names the textfile collector's folder, e.g. "
                    + "C:\\Program Files\\windows_exporter\\textfile_inputs)");
        }
        if (!Files.isWritable(dir)) {
            throw new InputException(dir, "cannot write: permission denied");
        }
        return dir.resolve(FILE_NAME);
    }
}
