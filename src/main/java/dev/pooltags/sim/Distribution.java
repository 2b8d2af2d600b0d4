package dev.pooltags.sim;

import dev.pooltags.trace.TraceTime;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A distribution of allocation sizes (bytes) or lifetimes (microseconds), written the way scenarios write them:
 * <ul>
 *   <li>{@code 128}, {@code "2s"}: always that value;</li>
 *   <li>{@code "64..1500"}, {@code "uniform 1s..5s"}: uniform between the two;</li>
 *   <li>{@code "208|304|400"}: one of these, equally likely;</li>
 *   <li>{@code "lognormal 512 0.8 max 8192"}: log-normal with that median and sigma, capped;</li>
 *   <li>{@code "exp 200ms"}: exponential with that mean (lifetimes);</li>
 *   <li>{@code "never"}: never freed (lifetimes).</li>
 * </ul>
 */
public sealed interface Distribution {
    /** Never (a lifetime that does not end). */
    long NEVER = -1;

    long sample(SplittableRandom r);

    /** The mean, for descriptions (NEVER for never). */
    double mean();

    record Fixed(long value) implements Distribution {
        public long sample(SplittableRandom r) {
            return value;
        }

        public double mean() {
            return value;
        }
    }

    record Uniform(long low, long high) implements Distribution {
        public long sample(SplittableRandom r) {
            return low == high ? low : r.nextLong(low, high + 1);
        }

        public double mean() {
            return (low + high) / 2.0;
        }
    }

    record Choice(long[] values) implements Distribution {
        public long sample(SplittableRandom r) {
            return values[r.nextInt(values.length)];
        }

        public double mean() {
            double s = 0;
            for (long v : values) {
                s += v;
            }
            return s / values.length;
        }
    }

    record LogNormal(double median, double sigma, long max) implements Distribution {
        public long sample(SplittableRandom r) {
            // Box-Muller from two uniforms: SplittableRandom has no nextGaussian before Java 17's RandomGenerator default
            double u1 = 1 - r.nextDouble();
            double u2 = r.nextDouble();
            double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
            return Math.max(1, Math.min(max, Math.round(median * Math.exp(sigma * z))));
        }

        public double mean() {
            return Math.min(max, median * Math.exp(sigma * sigma / 2));
        }
    }

    record Exponential(double mean) implements Distribution {
        public long sample(SplittableRandom r) {
            return Math.round(-mean * Math.log(1 - r.nextDouble()));
        }
    }

    record Never() implements Distribution {
        public long sample(SplittableRandom r) {
            return NEVER;
        }

        public double mean() {
            return NEVER;
        }
    }

    /** Reads a size distribution (plain numbers are bytes). */
    static Distribution size(String text) {
        return parse(text, false);
    }

    /** Reads a lifetime distribution (plain values are times such as 200ms; numbers alone are seconds). */
    static Distribution lifetime(String text) {
        return parse(text, true);
    }

    private static Distribution parse(String text, boolean time) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (s.equals("never")) {
                if (!time) {
                    throw new IllegalArgumentException("a size cannot be 'never'");
                }
                return new Never();
            }
            if (s.startsWith("exp ")) {
                return new Exponential(value(s.substring(4), time));
            }
            if (s.startsWith("lognormal ")) {
                String[] p = s.substring(10).strip().split("\\s+");
                long max = Long.MAX_VALUE;
                if (p.length == 4 && p[2].equals("max")) {
                    max = (long) value(p[3], time);
                } else if (p.length != 2) {
                    throw new IllegalArgumentException("write lognormal MEDIAN SIGMA [max MAX]");
                }
                return new LogNormal(value(p[0], time), Double.parseDouble(p[1]), max);
            }
            if (s.startsWith("uniform ")) {
                s = s.substring(8).strip();
            }
            if (s.contains("..")) {
                String[] p = s.split("\\.\\.");
                long lo = (long) value(p[0], time);
                long hi = (long) value(p[1], time);
                if (hi < lo) {
                    throw new IllegalArgumentException("the range ends below its start");
                }
                return new Uniform(lo, hi);
            }
            if (s.contains("|")) {
                String[] p = s.split("\\|");
                long[] v = new long[p.length];
                for (int i = 0; i < p.length; i++) {
                    v[i] = (long) value(p[i], time);
                }
                return new Choice(v);
            }
            if (s.startsWith("fixed ")) {
                s = s.substring(6);
            }
            return new Fixed((long) value(s, time));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + (time ? "lifetime" : "size") + " distribution");
        }
    }

    private static double value(String s, boolean time) {
        String t = s.strip();
        if (time) {
            return TraceTime.parseMicros(t);
        }
        double v = Double.parseDouble(t);
        if (v < 0) {
            throw new IllegalArgumentException("a negative size: " + s);
        }
        return v;
    }
}
