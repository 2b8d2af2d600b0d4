package dev.pooltags.scan;

import dev.pooltags.core.PoolRoutine;
import dev.pooltags.pe.Import;
import dev.pooltags.pe.Machine;
import dev.pooltags.pe.PeImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent count of pool-routine call sites, read off {@code llvm-objdump -d} text (a test oracle only):
 * calls and jumps through a pool routine's import slot, through a register loaded from the slot, and to an
 * import thunk (a jump through the slot that starts a function). Wrapper calls are not its business, nor calls of
 * an export that is a pool routine only for some value of an argument.
 */
final class ObjdumpOracle {
    private static final Pattern LINE = Pattern.compile("^\\s*([0-9a-f]+):\\s+(\\S+)\\s*(.*)$");

    private ObjdumpOracle() {}

    /** Call-site RVAs reaching a pool routine, by the oracle. */
    static Set<Integer> callSites(Path file, PeImage img) throws IOException, InterruptedException {
        Map<Long, PoolRoutine> slots = new HashMap<>();
        for (Import i : img.imports()) {
            PoolRoutine r = PoolRoutine.forImport(i.module(), i.name());
            // a shared export (StorPortExtendedFunction) is a pool routine only with its selector argument set,
            // which this reading does not follow: its calls are checked by the drivers' @expect annotations
            if (r != null && r.selectorArgument() < 0) {
                slots.put(img.imageBase() + Integer.toUnsignedLong(i.slotRva()), r);
            }
        }
        Process p = new ProcessBuilder("llvm-objdump", "-d", "--no-show-raw-insn", file.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("llvm-objdump failed: " + text);
        }
        List<long[]> insns = new ArrayList<>(); // address, index into texts
        List<String[]> texts = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                insns.add(new long[] {Long.parseLong(m.group(1), 16)});
                texts.add(new String[] {m.group(2), m.group(3)});
            }
        }
        boolean arm = img.machine() == Machine.ARM64;
        Map<String, Long> regSlot = new HashMap<>();
        Map<String, Long> regPage = new HashMap<>();
        List<long[]> direct = new ArrayList<>(); // site, isJump
        Set<Long> thunks = new HashSet<>();
        String prev = "";
        String prev2 = "";
        String prev3 = "";
        for (int i = 0; i < insns.size(); i++) {
            long at = insns.get(i)[0];
            String op = texts.get(i)[0];
            String args = texts.get(i)[1];
            Long slot = null;
            boolean jump = false;
            if (!arm) {
                boolean call = op.startsWith("call");
                jump = op.startsWith("jmp");
                if ((call || jump) && args.startsWith("*")) {
                    slot = slotOf(args.substring(1), slots);
                    if (slot == null && args.startsWith("*%")) {
                        slot = regSlot.get(args.substring(1).trim());
                    }
                } else if (op.startsWith("mov")) {
                    int hash = args.indexOf('#');
                    String comment = hash >= 0 ? args.substring(hash) : "";
                    String[] ops = (hash >= 0 ? args.substring(0, hash) : args).split(",");
                    String dst = ops[ops.length - 1].trim();
                    Long s = slotOf(ops[0].trim() + (ops[0].contains("(%rip)") ? " " + comment : ""), slots);
                    if (s != null && dst.startsWith("%")) {
                        regSlot.put(dst, s);
                    } else {
                        regSlot.remove(dst);
                    }
                }
            } else {
                String[] ops = args.split("//")[0].split(",");
                String dst = ops[0].trim();
                if (op.equals("adrp")) {
                    regPage.put(dst, Long.parseLong(ops[1].trim().split(" ")[0].substring(2), 16));
                    regSlot.remove(dst);
                } else if (op.equals("ldr") && ops.length >= 3 && ops[1].trim().startsWith("[")) {
                    String base = ops[1].trim().substring(1);
                    Long page = regPage.get(base);
                    Matcher off = Pattern.compile("#(\\d+)\\]").matcher(args);
                    regSlot.remove(dst);
                    regPage.remove(dst);
                    if (page != null && off.find() && slots.containsKey(page + Long.parseLong(off.group(1)))) {
                        regSlot.put(dst, page + Long.parseLong(off.group(1)));
                    }
                } else if (op.equals("blr") || op.equals("br")) {
                    slot = regSlot.get(dst);
                    jump = op.equals("br");
                } else if (!dst.isEmpty() && dst.matches("[xw]\\d+")) {
                    regSlot.remove("x" + dst.substring(1));
                    regPage.remove("x" + dst.substring(1));
                }
            }
            if (!arm && op.startsWith("call") || arm && (op.equals("bl") || op.equals("blr"))) {
                // a call returns in, and may destroy, the caller-saved registers
                regSlot.keySet().removeIf(r -> r.matches("%(e|r)?(ax|cx|dx)|%r(8|9|10|11)|x([0-9]|1[0-8])"));
                regPage.keySet().removeIf(r -> r.matches("x([0-9]|1[0-8])"));
            }
            if (slot != null) {
                // a thunk: the jump is the first instruction of code after a return, jump or padding
                String before = arm ? prev3 : prev;
                boolean first = arm ? jump && i >= 2 && endsOrPads(before, true) : jump && endsOrPads(before, false);
                if (first) {
                    thunks.add(arm ? insns.get(i - 2)[0] : at);
                } else {
                    direct.add(new long[] {at});
                }
            }
            prev3 = prev2;
            prev2 = prev;
            prev = op;
        }
        Set<Integer> out = new TreeSet<>();
        for (long[] d : direct) {
            out.add((int) (d[0] - img.imageBase()));
        }
        Pattern target = Pattern.compile("^0x([0-9a-f]+)");
        for (int i = 0; i < insns.size(); i++) {
            String op = texts.get(i)[0];
            boolean callOrJump = arm ? op.equals("bl") || op.equals("b") : op.startsWith("call") || op.startsWith("jmp");
            if (!callOrJump) {
                continue;
            }
            Matcher m = target.matcher(texts.get(i)[1].trim());
            if (m.find() && thunks.contains(Long.parseLong(m.group(1), 16))) {
                out.add((int) (insns.get(i)[0] - img.imageBase()));
            }
        }
        return out;
    }

    private static boolean endsOrPads(String op, boolean arm) {
        if (op.isEmpty()) {
            return true;
        }
        if (arm) {
            return op.equals("ret") || op.equals("b") || op.equals("br") || op.equals("nop") || op.equals("udf")
                    || op.equals("<unknown>");
        }
        return op.startsWith("ret") || op.startsWith("jmp") || op.startsWith("nop") || op.equals("int3") || op.startsWith("lea")
                || op.equals("<unknown>");
    }

    /** The slot an AT&T memory operand names: "0x10(%rip)  # 0x140002140" or an absolute "4202724". */
    private static Long slotOf(String operand, Map<Long, PoolRoutine> slots) {
        Matcher rip = Pattern.compile("# 0x([0-9a-f]+)").matcher(operand);
        // the "# 0x..." comment follows the operand in the full argument text; callers pass the operand with it
        if (rip.find()) {
            long a = Long.parseLong(rip.group(1), 16);
            return slots.containsKey(a) ? a : null;
        }
        String o = operand.trim();
        if (o.matches("\\d+")) {
            long a = Long.parseLong(o);
            return slots.containsKey(a) ? a : null;
        }
        return null;
    }
}
