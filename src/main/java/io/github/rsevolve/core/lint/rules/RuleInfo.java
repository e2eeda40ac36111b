package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A lint rule's metadata, from which its documentation is generated. The rule's Anti-pattern and Best practice
 * examples, and its test cases, live beside it in {@code <name>.cases} on the class path.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {

    /** Stable id, e.g. RS101; never reused for another rule. */
    String id();

    /** Kebab-case name used in configuration, suppressions and reports. */
    String name();

    /** One line: what the rule finds. */
    String summary();

    Severity severity();

    /** The Redshift behaviour that makes this a problem. */
    String why();

    /** What to do instead. */
    String fix();

    /**
     * The Redshift Database Developer Guide section whose rule this rule encodes, for a statement Redshift rejects
     * (e.g. "ALTER TABLE"); empty for a rule about practice rather than a rejection. Such rules are listed in
     * docs/redshift-rules.md.
     */
    String docs() default "";
}
