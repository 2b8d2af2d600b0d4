package dev.pooltags.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * PoolMon's start-up switches as PoolMon writes them ({@code poolmon /iAfd? /p /b}), turned into the options of
 * {@code top} ({@code -iAfd? -p -b}), so {@code pooltags top /iAfd? /p /b} works from muscle memory. Only arguments that
 * have exactly the form of one of Microsoft's documented switches are changed ("PoolMon Startup Command": {@code /iTag}
 * {@code /xTag} {@code /g} {@code /s[N]} {@code /p} {@code /e} {@code /(} {@code /)} {@code /t /a /f /d /b /m}
 * {@code /l} {@code /n} {@code /?} {@code /h}); a file name such as {@code /home/me/pooltag.txt} after {@code /g} or
 * {@code /n} is left as it is. PoolMon's letters are not case-sensitive; the tag after {@code /i} and {@code /x} is.
 */
final class PoolMonSwitches {

    private PoolMonSwitches() {}

    /** The arguments of {@code top} with every PoolMon switch in its {@code -} form; others unchanged. */
    static String[] translate(String[] args) {
        int at = -1;
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("-")) {
                at = i; // the command's name
                break;
            }
        }
        if (at < 0 || !args[at].equals("top")) {
            return args;
        }
        // compiled here, for top alone: every other command's start-up would pay for it
        Pattern switches = Pattern.compile("/(?:[iIxX][^/\\s]{1,8}|[sS]\\d{0,9}|[gGpPeE()tTaAfFdDbBmMlLnN?hH])");
        List<String> out = new ArrayList<>(args.length);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i > at && switches.matcher(a).matches() && !(i > 0 && takesFile(args[i - 1]) && a.length() > 3)) {
                char c = Character.toLowerCase(a.charAt(1));
                String rest = a.substring(2);
                out.add(c == 'h' || c == '?' ? "--help" : "-" + c + (c == 'i' || c == 'x' ? rest : rest.toLowerCase(Locale.ROOT)));
            } else {
                out.add(a);
            }
        }
        return out.toArray(new String[0]);
    }

    /** After {@code /g} and {@code /n} comes a file name, which may itself start with a slash. */
    private static boolean takesFile(String previous) {
        String p = previous.toLowerCase(Locale.ROOT);
        return p.equals("/g") || p.equals("/n") || p.equals("-g") || p.equals("-n");
    }
}
