package io.github.rsevolve.maven;

import io.github.rsevolve.core.db.ExternalServer;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.codehaus.plexus.component.configurator.BasicComponentConfigurator;
import org.codehaus.plexus.component.configurator.ComponentConfigurationException;
import org.codehaus.plexus.component.configurator.ConfigurationListener;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * Maven's basic configurator, with its {@code -X} dump of parameter values masked: Maven logs the text it hands a
 * {@link Secret} or {@link JdbcUrl} through their setter as it is, so the listener that logs it sees the password
 * replaced. Every goal names it ({@code @Mojo(configurator = MaskingConfigurator.HINT)}); it is registered in
 * META-INF/plexus/components.xml.
 */
public final class MaskingConfigurator extends BasicComponentConfigurator {

    public static final String HINT = "redshift-masking";

    @Override
    public void configureComponent(Object component, PlexusConfiguration configuration,
                                   ExpressionEvaluator evaluator, ClassRealm realm, ConfigurationListener listener)
            throws ComponentConfigurationException {
        super.configureComponent(component, configuration, evaluator, realm,
                listener == null ? null : new Masking(listener));
    }

    private record Masking(ConfigurationListener logged) implements ConfigurationListener {

        @Override
        public void notifyFieldChangeUsingSetter(String fieldName, Object value, Object target) {
            logged.notifyFieldChangeUsingSetter(fieldName, masked(value, target), target);
        }

        @Override
        public void notifyFieldChangeUsingReflection(String fieldName, Object value, Object target) {
            logged.notifyFieldChangeUsingReflection(fieldName, masked(value, target), target);
        }

        private static Object masked(Object value, Object target) {
            if (target instanceof Secret) {
                return "****";
            }
            return target instanceof JdbcUrl && value != null ? ExternalServer.masked(value.toString()) : value;
        }
    }
}
