package dev.pooltags.report;

import dev.pooltags.live.LiveSampling;
import dev.pooltags.snapshot.Snapshot;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * Drives a {@link TopView} on a real terminal through JLine: the alternate screen, raw keys (decoded with the
 * terminal's own key sequences, so arrows and page keys work in tmux, xterm and the Windows console), redraws
 * that send only what changed ({@link Display}), and resizing on SIGWINCH. Every {@code interval} it asks the live
 * loop ({@link LiveSampling}: source, leak window) for the next sample; between them it sleeps in the key read, so an
 * idle {@code top} costs almost nothing.
 */
public final class TopScreen {
    private final Terminal terminal;
    private final TopView view;
    private final LiveSampling sampling;
    private final Duration interval;

    /**
     * @param sampling the live loop; its source changes when a key switches between system and session pools
     *                 ({@link TopView.SessionSwitch}); after a switch the view has no sample and one is taken at once
     */
    public TopScreen(Terminal terminal, TopView view, LiveSampling sampling, Duration interval) {
        this.terminal = terminal;
        this.view = view;
        this.sampling = sampling;
        this.interval = interval;
    }

    /** Runs until the user quits (or, with {@code maxFrames} > 0, after that many samples: for benchmarks). */
    public void run(long maxFrames) throws IOException {
        Attributes saved = terminal.enterRawMode();
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.keypad_xmit);
        terminal.puts(Capability.cursor_invisible);
        terminal.flush();
        AtomicBoolean resized = new AtomicBoolean(true);
        Terminal.SignalHandler oldWinch = terminal.handle(Terminal.Signal.WINCH, s -> resized.set(true));
        Display display = new Display(terminal, true);
        KeyMap<String> keys = keyMap();
        NonBlockingReader reader = terminal.reader();
        BindingReader bindings = new BindingReader(reader);
        try {
            long next = System.nanoTime();
            long frames = 0;
            boolean ended = false;
            boolean dirty = true;
            while (true) {
                long now = System.nanoTime();
                if (view.current() == null && frames > 0) {
                    next = now; // switched to other pools: their first sample now
                    ended = false;
                    view.sourceNote("");
                }
                if (!view.paused() && !ended && now - next >= 0) {
                    Optional<Snapshot> s = sampling.next();
                    if (s.isPresent()) {
                        view.sample(s.get());
                        frames++;
                    } else {
                        ended = true;
                        view.sourceNote("end of " + sampling.source().name());
                    }
                    next += interval.toNanos();
                    if (next - now < 0) {
                        next = now + interval.toNanos(); // fell behind (paused, slow source): do not catch up in a burst
                    }
                    dirty = true;
                    if (maxFrames > 0 && frames >= maxFrames) {
                        break;
                    }
                }
                if (resized.getAndSet(false)) {
                    Size size = terminal.getSize();
                    display.clear();
                    display.resize(size.getRows(), size.getColumns());
                    dirty = true;
                }
                if (dirty) {
                    draw(display);
                    dirty = false;
                }
                long waitMs = view.paused() || ended ? 500 : Math.max(1, (next - System.nanoTime()) / 1_000_000);
                Key key = key(reader, bindings, keys, Math.min(waitMs, 500));
                if (key == Key.QUIT) {
                    break;
                }
                dirty |= key == Key.HANDLED;
            }
        } finally {
            terminal.puts(Capability.keypad_local);
            terminal.puts(Capability.cursor_visible);
            terminal.puts(Capability.exit_ca_mode);
            terminal.flush();
            terminal.handle(Terminal.Signal.WINCH, oldWinch);
            terminal.setAttributes(saved);
        }
    }

    /** What became of waiting for a key. */
    private enum Key { NONE, HANDLED, QUIT }

    /** Waits up to {@code waitMs} for a key and gives it to the view. */
    private Key key(NonBlockingReader reader, BindingReader bindings, KeyMap<String> keys, long waitMs) throws IOException {
        int c = reader.peek(waitMs);
        if (c == NonBlockingReader.READ_EXPIRED) {
            return Key.NONE;
        }
        if (c == NonBlockingReader.EOF) {
            return Key.QUIT;
        }
        String k = bindings.readBinding(keys);
        if (k == null) {
            return Key.NONE;
        }
        if (k.equals("self")) {
            k = bindings.getLastBinding();
        }
        return view.key(k, Math.max(1, terminal.getHeight() - 6)) ? Key.HANDLED : Key.QUIT;
    }

    private void draw(Display display) {
        int w = Math.max(20, terminal.getWidth());
        int h = Math.max(5, terminal.getHeight());
        TopView.Screen s = view.render(w, h);
        List<AttributedString> lines = new ArrayList<>(s.lines().size());
        for (int i = 0; i < s.lines().size(); i++) {
            String l = s.lines().get(i);
            if (i == s.headerLine() || i == 0) {
                // the whole width in reverse video, as PoolMon's header
                String padded = l + " ".repeat(Math.max(0, w - l.length()));
                lines.add(new AttributedString(padded, AttributedStyle.INVERSE));
            } else if (s.changed().contains(i)) {
                lines.add(new AttributedString(l, AttributedStyle.BOLD)); // PoolMon highlights lines that changed
            } else {
                lines.add(new AttributedString(l));
            }
        }
        int last = lines.size() - 1;
        Size size = new Size(w, h);
        display.update(lines, s.typing() ? size.cursorPos(last, s.lines().get(last).length()) : size.cursorPos(last, 0));
        terminal.flush();
    }

    private KeyMap<String> keyMap() {
        KeyMap<String> km = new KeyMap<>();
        km.setUnicode("self");
        km.setNomatch("self");
        km.setAmbiguousTimeout(100);
        for (char c = ' '; c < 127; c++) {
            km.bind("self", Character.toString(c));
        }
        bind(km, "up", Capability.key_up, "\033[A", "\033OA");
        bind(km, "down", Capability.key_down, "\033[B", "\033OB");
        bind(km, "pgup", Capability.key_ppage, "\033[5~");
        bind(km, "pgdn", Capability.key_npage, "\033[6~");
        bind(km, "home", Capability.key_home, "\033[H", "\033[1~", "\033OH");
        bind(km, "end", Capability.key_end, "\033[F", "\033[4~", "\033OF");
        km.bind("enter", "\r", "\n");
        km.bind("backspace", KeyMap.del(), KeyMap.ctrl('H'));
        km.bind("esc", KeyMap.esc());
        km.bind("q", KeyMap.ctrl('C')); // raw mode swallows ^C: let it quit as q does
        return km;
    }

    /** Binds the terminal's own sequence for a key (when terminfo has one) and the common ANSI ones. */
    private void bind(KeyMap<String> km, String op, Capability cap, String... fallbacks) {
        String own = KeyMap.key(terminal, cap);
        if (own != null && !own.isEmpty()) {
            km.bind(op, own);
        }
        for (String f : fallbacks) {
            km.bind(op, f);
        }
    }
}
