package io.github.rsevolve.core.validate;

import io.github.rsevolve.core.catalog.CatalogDiffer.Drift;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.lint.LintResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What validate found: lint's findings, then the database checks' findings and the drift list, with how long each
 * phase took.
 *
 * @param phases phase name to milliseconds, in the order they ran
 * @param kept   how to connect to the throwaway databases when they were kept, else empty
 * @param checkMillis how long each build and each ETL file's check took: "build A: absolute model", "build B:
 *                    changesets", then each ETL file as displayed; a check that did not run is absent
 * @param etlFiles    the ETL files of the project, as displayed
 */
public record ValidateResult(LintResult lint, List<Finding> checks, List<Drift> drift, Map<String, Long> phases,
                             List<String> kept, Map<String, Long> checkMillis, List<String> etlFiles) {

    /** Every finding, lint's and the database checks', sorted by place. */
    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>(lint.findings());
        all.addAll(checks);
        Collections.sort(all);
        return all;
    }

    public long count(Severity severity) {
        return findings().stream().filter(f -> f.severity() == severity).count();
    }

    public boolean hasAtLeast(Severity threshold) {
        return findings().stream().anyMatch(f -> f.severity().isAtLeast(threshold));
    }
}
