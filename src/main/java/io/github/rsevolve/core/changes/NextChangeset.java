package io.github.rsevolve.core.changes;

import io.github.rsevolve.core.project.Changeset;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The name of the next changeset, numbered as the existing ones are. */
final class NextChangeset {

    private static final Pattern LAST_PART = Pattern.compile("(\\d+)$");

    private NextChangeset() {
    }

    /**
     * The next version after the highest: its last number plus one, with the same separators and zero padding
     * (V6 → V7, V1.2.9 → V1.2.10, V007 → V008, V20261121 → V20261122); 1 when there is none.
     */
    static String version(List<Changeset> changesets) {
        Changeset highest = changesets.stream().filter(Changeset::isVersioned).max(Changeset::compare).orElse(null);
        return highest == null ? "1" : after(highest.version());
    }

    /** The version after this one: its last number plus one, with the same separators and zero padding. */
    static String after(String version) {
        Matcher matcher = LAST_PART.matcher(version);
        if (!matcher.find()) {
            return version + ".1";
        }
        String digits = matcher.group(1);
        String next = new BigInteger(digits).add(BigInteger.ONE).toString();
        String padded = next.length() < digits.length() ? "0".repeat(digits.length() - next.length()) + next : next;
        return version.substring(0, matcher.start()) + padded;
    }

    /** V&lt;version&gt;__&lt;description&gt;.sql with the description made of lower-case words and underscores. */
    static String fileName(String version, String description) {
        String words = description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return "V" + version + "__" + (words.length() > 80 ? words.substring(0, 80) : words) + ".sql";
    }
}
