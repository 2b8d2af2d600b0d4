package dev.pooltags.pool;

import dev.pooltags.core.Severity;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a pool rule says about itself, declared on its class (as error-prone declares a check with {@code @BugPattern})
 * and read once by {@link DocumentedRule} when the rule is made; the long help is the resource {@code help/<id>.txt}.
 * The source is the Microsoft page the rule comes from: the page of the bug check it raises ({@link #bugCheck}), or
 * another page ({@link #source}); exactly one of the two is given.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface RuleInfo {
    /** Stable id, e.g. {@code free-tag-mismatch}. */
    String id();

    Severity severity();

    /** One line: what the rule forbids. */
    String title();

    /** The bug check whose Microsoft page the rule comes from. */
    BugCheckCode[] bugCheck() default {};

    /** The Microsoft page the rule comes from, when it is not a bug check's. */
    String source() default "";
}
