package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.project.Changeset;
import io.github.rsevolve.core.project.Project;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "RS602", name = "duplicate-version", severity = Severity.ERROR,
        summary = "Two changesets with the same Flyway version (1.1 equals 1_1 and 1.1.0).",
        why = "Flyway refuses to migrate when two migrations share a version, so every deploy fails.",
        fix = "Give one of the changesets the next free version.")
public final class DuplicateVersionRule implements Rule {

    @Override
    public void checkProject(Project project, Reporter reporter) {
        List<Changeset> versioned = new ArrayList<>();
        for (Changeset changeset : project.changesets()) {
            if (changeset.isVersioned()) {
                versioned.add(changeset);
            }
        }
        for (int i = 1; i < versioned.size(); i++) {
            Changeset previous = versioned.get(i - 1);
            Changeset current = versioned.get(i);
            if (Changeset.compare(previous, current) == 0) {
                reporter.report(current.script().file(), 0, "Version " + current.version() + " is also the version "
                        + "of " + previous.script().file().displayPath() + ".", info().fix());
            }
        }
    }
}
