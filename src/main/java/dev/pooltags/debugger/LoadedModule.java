package dev.pooltags.debugger;

import dev.pooltags.poolblock.Origin;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A module {@code lm} lists: its address range, its name, what the debugger says of its symbols, and with {@code lmv}
 * the image's path, name, time stamp and version resources.
 *
 * @param start     first address
 * @param end       end address
 * @param name      the module name ({@code tcpip}; for unloaded modules the image name {@code swmidi.sys})
 * @param symbols   the symbol state ({@code deferred}, {@code pdb symbols}, {@code no symbols}), empty when not shown
 * @param imagePath the image's path ({@code \SystemRoot\System32\drivers\tcpip.sys}), empty when not shown
 * @param details   the verbose lines by their label ({@code Image name}, {@code Timestamp}, {@code CompanyName}, ...)
 * @param unloaded  true for the {@code Unloaded modules:} list
 * @param origin    the module's line
 */
public record LoadedModule(long start, long end, String name, String symbols, String imagePath, Map<String, String> details,
        boolean unloaded, Origin origin) {
    public LoadedModule {
        Objects.requireNonNull(name);
        Objects.requireNonNull(symbols);
        Objects.requireNonNull(imagePath);
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        Objects.requireNonNull(origin);
    }

    /** The image file's name: {@code Image name}, else the path's last part, else the module name. */
    public String imageName() {
        String n = details.get("Image name");
        if (n != null && !n.isEmpty()) {
            return n;
        }
        if (!imagePath.isEmpty()) {
            int s = Math.max(imagePath.lastIndexOf('\\'), imagePath.lastIndexOf('/'));
            return imagePath.substring(s + 1);
        }
        return name;
    }

    /**
     * True when this module is the binary {@code binary} names ({@code ntfs.sys}, {@code NTFS}, {@code nt!mm} for
     * the kernel): compared without case and without the extension.
     */
    public boolean isBinary(String binary) {
        String b = base(binary.strip());
        int bang = b.indexOf('!');
        if (bang > 0) {
            b = b.substring(0, bang);
        }
        return !b.isEmpty() && (b.equals(base(name)) || b.equals(base(imageName())));
    }

    private static String base(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        int dot = t.lastIndexOf('.');
        return dot > 0 && t.length() - dot <= 4 ? t.substring(0, dot) : t;
    }
}
