package io.github.rsevolve.core.report;

import io.github.rsevolve.core.changes.DraftWriter;
import io.github.rsevolve.core.finding.CheckInfo;
import io.github.rsevolve.core.finding.DatabaseCheck;
import io.github.rsevolve.core.lint.Linter;
import io.github.rsevolve.core.lint.rules.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Every check a report can name: lint's rules, validate's database checks and a drafted changeset's checks. */
public final class Checks {

    private Checks() {
    }

    public static List<CheckInfo> all() {
        List<CheckInfo> checks = new ArrayList<>(lint());
        checks.addAll(database());
        checks.addAll(draft());
        return checks;
    }

    static List<CheckInfo> lint() {
        return Linter.rules().stream().map(Rule::check).toList();
    }

    static List<CheckInfo> database() {
        return Arrays.stream(DatabaseCheck.values()).map(DatabaseCheck::info).toList();
    }

    static List<CheckInfo> draft() {
        return Arrays.stream(DraftWriter.Check.values()).map(DraftWriter.Check::info).toList();
    }
}
