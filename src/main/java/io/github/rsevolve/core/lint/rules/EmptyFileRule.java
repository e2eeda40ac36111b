package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.project.Origin;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.project.Script;
import io.github.rsevolve.core.sql.SourceFile;
import java.nio.file.Path;

@RuleInfo(id = "RS005", name = "empty-file", severity = Severity.WARNING,
        summary = "An absolute-model or ETL file, or a configured folder, with no SQL statement in it.",
        why = "An empty file or folder is usually a mistake: content lost in a merge, or the wrong path configured.",
        fix = "Add the SQL that belongs there, or delete the file or folder.")
public final class EmptyFileRule implements Rule {

    @Override
    public void checkProject(Project project, Reporter reporter) {
        for (Script script : project.scripts()) {
            if (script.origin() != Origin.INCREMENTAL && script.script().isEmpty()
                    && script.script().problems().isEmpty()) {
                reporter.report(script.file(), 0, "The file holds no SQL statement.",
                        "Add the SQL that belongs there, or delete the file.");
            }
        }
        for (Path folder : project.emptyFolders()) {
            reporter.report(SourceFile.of(folder, SourceFile.displayPath(project.baseDir(), folder), ""), 0,
                    "The folder exists but holds no .sql file.",
                    "Add the SQL files, delete the folder, or point the plugin at the right folder.");
        }
    }
}
