package io.github.partnerattribution.spring;

import io.github.partnerattribution.azurecore.AttributedClientFactory;
import io.github.partnerattribution.azurecore.support.ZeroCodeSettings;
import io.github.partnerattribution.core.Attribution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Attributes every Azure SDK client of a Spring Boot application once: the configuration is read from the Spring
 * {@code Environment} (see {@link PartnerAttributionProperties}) before any bean is made, and installed as the
 * configuration of zero-code mode, which azure-core applies to every pipeline a client builder, azure-resourcemanager
 * or a generated manager builds: the clients Spring Cloud Azure auto-configures, {@code AzureResourceManager} beans
 * and the clients the application builds itself. A client also tagged in code (by the {@link AttributedClientFactory}
 * bean, say) still carries the token once. The settings are bound by the installer alone, not as a bean of their
 * own, so a property source that fails cannot stop the application: it is reported, and nothing is attributed. A
 * malformed id of the application's own configuration stops it at start-up, with a failure analysis naming the
 * property and where it was set; one from the process environment, or while the customer opted out, does not.
 * Every bean needs azure-core alone: an application with a data-plane SDK and without azure-resourcemanager starts
 * as well. Registered through
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}.
 *
 * <pre>{@code
 * @Autowired AttributedClientFactory clients;   // for a pipeline built by hand: clients.tag(pipeline)
 * @Autowired Attribution attribution;           // for raw HTTP: attribution.apply(userAgent)
 * }</pre>
 */
@AutoConfiguration
@ConditionalOnClass(name = "com.azure.core.http.policy.HttpPipelinePolicy")
public class PartnerAttributionAutoConfiguration {
    /** Made by Spring Boot. */
    public PartnerAttributionAutoConfiguration() {
    }

    /**
     * Reads the configuration and installs it for zero-code mode, before any other bean exists.
     *
     * @return the installer
     */
    @Bean
    public static ZeroCodeInstaller partnerAttributionZeroCodeInstaller() {
        return new ZeroCodeInstaller();
    }

    /**
     * The application's attribution configuration.
     *
     * @param installer what read it
     * @return the configuration
     */
    @Bean
    @ConditionalOnMissingBean
    public Attribution partnerAttribution(ZeroCodeInstaller installer) {
        return installer.attribution();
    }

    /**
     * The client factory, for pipelines built by hand and managers configured explicitly.
     *
     * @param attribution the configuration
     * @return the factory
     */
    @Bean
    @ConditionalOnMissingBean
    public AttributedClientFactory attributedClientFactory(Attribution attribution) {
        return AttributedClientFactory.create(attribution);
    }

    /** Reads the Spring environment's attribution and installs it for zero-code mode until the context closes. */
    public static final class ZeroCodeInstaller implements BeanFactoryPostProcessor, EnvironmentAware, DisposableBean {
        private Environment environment;
        private volatile Attribution attribution;

        ZeroCodeInstaller() {
        }

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            Attribution read = SpringAttribution.from(environment);
            attribution = read;
            ZeroCodeSettings.install(read, "the Spring Boot starter (zero-code mode)");
        }

        /** {@return the configuration read from the environment} */
        public Attribution attribution() {
            Attribution read = attribution;
            if (read == null) {
                throw new IllegalStateException("The partner attribution settings are read when the context refreshes");
            }
            return read;
        }

        @Override
        public void destroy() {
            Attribution read = attribution;
            if (read != null) {
                ZeroCodeSettings.remove(read);
            }
        }
    }
}
