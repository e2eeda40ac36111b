package io.github.rsevolve.core.project;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.callback.Event;

/**
 * A file of the incremental folder, named as Flyway expects: {@code V<version>__<description>.sql} (versioned) or
 * {@code R__<description>.sql} (repeatable).
 *
 * @param version      the version as written, or null for repeatable changesets and names Flyway would not take
 * @param flywayScript the file's path relative to the incremental folder, '/'-separated: what Flyway records in the
 *                     history's script column for an SQL migration found there
 */
public record Changeset(Script script, String prefix, String version, String description, String flywayScript) {

    /** Flyway's default naming: prefix V or R, version parts separated by . or _, two underscores, a description. */
    private static final Pattern NAME = Pattern.compile("([VR])(\\d+(?:[._]\\d+)*)?__(.+)\\.sql");

    /** The changeset a file of the incremental folder is. */
    public static Changeset of(Script script, Path incrementalDir) {
        Path file = script.file().path().toAbsolutePath().normalize();
        Path folder = incrementalDir.toAbsolutePath().normalize();
        String fileName = file.getFileName().toString();
        String flywayScript = file.startsWith(folder)
                ? folder.relativize(file).toString().replace('\\', '/') : fileName;
        Matcher matcher = NAME.matcher(fileName);
        if (!matcher.matches() || (matcher.group(1).equals("V") != (matcher.group(2) != null))) {
            return new Changeset(script, null, null, null, flywayScript);
        }
        return new Changeset(script, matcher.group(1), matcher.group(2), matcher.group(3), flywayScript);
    }

    /**
     * The Flyway event a file named as Flyway names SQL callbacks is run at (afterMigrate.sql,
     * beforeEachMigrate__audit.sql), or null when the name is not a callback's.
     */
    public static Event callbackEvent(String fileName) {
        if (!fileName.endsWith(".sql")) {
            return null;
        }
        String base = fileName.substring(0, fileName.length() - ".sql".length());
        int separator = base.indexOf("__");
        return Event.fromId(separator < 0 ? base : base.substring(0, separator));
    }

    /** Whether the file is an SQL callback, run by Flyway at an event rather than applied as a changeset. */
    public boolean isCallback() {
        return callbackEvent(script.file().path().getFileName().toString()) != null;
    }

    /** Whether Flyway will pick this file up at all. */
    public boolean isWellNamed() {
        return prefix != null;
    }

    public boolean isVersioned() {
        return version != null;
    }

    /** The version as Flyway records it, parts separated by dots (V1_2 is 1.2), or null for a repeatable one. */
    public String flywayVersion() {
        return version == null ? null : version.replace('_', '.');
    }

    /** The description as Flyway records it: the name's underscores as spaces. */
    public String flywayDescription() {
        return description.replace('_', ' ');
    }

    /** The version as Flyway compares it: numeric parts, trailing zeros dropped (1.0 equals 1, 1_1 equals 1.1). */
    public List<BigInteger> versionParts() {
        List<BigInteger> parts = new ArrayList<>();
        if (version != null) {
            for (String part : version.split("[._]")) {
                parts.add(new BigInteger(part));
            }
            while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
                parts.remove(parts.size() - 1);
            }
        }
        return parts;
    }

    /** Orders changesets as Flyway applies them: versioned by version, then repeatable by description. */
    public static int compare(Changeset a, Changeset b) {
        if (a.isVersioned() != b.isVersioned()) {
            return a.isVersioned() ? -1 : 1;
        }
        if (!a.isVersioned()) {
            return a.script.file().displayPath().compareTo(b.script.file().displayPath());
        }
        List<BigInteger> left = a.versionParts();
        List<BigInteger> right = b.versionParts();
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            BigInteger l = i < left.size() ? left.get(i) : BigInteger.ZERO;
            BigInteger r = i < right.size() ? right.get(i) : BigInteger.ZERO;
            int byPart = l.compareTo(r);
            if (byPart != 0) {
                return byPart;
            }
        }
        return 0;
    }
}
