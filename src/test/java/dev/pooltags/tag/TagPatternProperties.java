package dev.pooltags.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** TagPattern against a reference implementation: the pattern translated to a regular expression. */
class TagPatternProperties {
    @Property(tries = 5000)
    void matchesLikeTheRegexReference(@ForAll("patterns") String pattern, @ForAll("tags") String tag) {
        TagPattern p = TagPattern.parse(pattern);
        String padded = pattern.indexOf('*') < 0 && pattern.length() < 4 ? (pattern + "    ").substring(0, 4) : pattern;
        StringBuilder re = new StringBuilder();
        for (char c : padded.toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        boolean expected = Pattern.compile(re.toString(), Pattern.DOTALL).matcher(tag).matches();
        assertThat(p.matches(PoolTag.ofMemoryText(tag))).as("%s ~ %s", pattern, tag).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> patterns() {
        // a small alphabet so that matches are frequent
        return Arbitraries.strings().withChars('A', 'a', 'b', ' ', '?', '*').ofMinLength(1).ofMaxLength(6)
                .filter(s -> s.chars().filter(c -> c != '*').count() <= 4);
    }

    @Provide
    Arbitrary<String> tags() {
        return Arbitraries.strings().withChars('A', 'a', 'b', ' ').ofLength(4);
    }
}
