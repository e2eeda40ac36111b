package io.github.rsevolve.core.lint.rules;

import java.util.List;

/**
 * Every built-in rule, written out rather than found by {@link java.util.ServiceLoader}: in a Maven plugin's class
 * realm the service lookup asks every jar of the plugin and of Maven's core for its file, and instantiates each rule
 * by reflection (35 ms of lint's 395 ms in a cold build of the analytic benchmark). RuleCasesTest checks that every
 * annotated rule class is listed here.
 */
public final class BuiltInRules {

    private BuiltInRules() {
    }

    /** A new instance of each rule, in the order of their class names. */
    public static List<Rule> all() {
        return List.of(
                new AlterTableClauseRule(),
                new AlterTableOneActionRule(),
                new ChangesetNameRule(),
                new CheckConstraintRule(),
                new DistributionKeyRule(),
                new DropCascadeRule(),
                new DropColumnRule(),
                new DropTableRule(),
                new DuplicateDefinitionRule(),
                new DuplicateVersionRule(),
                new EmptyChangesetRule(),
                new EmptyFileRule(),
                new GrantAllRule(),
                new GrantToPublicRule(),
                new IdentifierLimitsRule(),
                new IdentityTypeRule(),
                new KeyColumnUnknownRule(),
                new LateBindingQualifiedRule(),
                new MaterializedViewLimitsRule(),
                new MultipleTableRecreationsRule(),
                new NonTransactionalMixRule(),
                new NotUtf8Rule(),
                new OnConflictRule(),
                new PlaintextSecretRule(),
                new PostgresQueryFormRule(),
                new PostgresStatementFormRule(),
                new PostgresTableClauseRule(),
                new RecursiveCteColumnsRule(),
                new RenameRule(),
                new ReservedWordRule(),
                new ReturningClauseRule(),
                new RiskyIdentifierRule(),
                new RoutineLanguageRule(),
                new SerialTypeRule(),
                new SortKeyLimitsRule(),
                new SystemColumnNameRule(),
                new TruncateInChangesetRule(),
                new TypeLimitsRule(),
                new UnboundedTextRule(),
                new UnenforcedConstraintRule(),
                new UnknownReferenceRule(),
                new UnparsedStatementRule(),
                new UnreadableFileRule(),
                new UnsafeTableRecreationRule(),
                new UnsupportedFunctionRule(),
                new UnsupportedStatementRule(),
                new UnsupportedTypeRule(),
                new UnterminatedLiteralRule(),
                new WindowFrameRule());
    }
}
