package com.sellavie.platform.aot;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * At build time, while Spring AOT processes a service: records what {@link BuildTimeProperties} decide, into the
 * jar, for {@link BuildTimePropertiesCheck}. Registered in {@code META-INF/spring/aot.factories}.
 */
class BuildTimePropertiesRecorder implements BeanFactoryInitializationAotProcessor {

    @Override
    public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
        if (beanFactory.getParentBeanFactory() != null) {
            return null; // a child context (each Feign client's): the service's own context records them
        }
        Properties outcomes = BuildTimeProperties.outcomes(beanFactory.getBean(Environment.class));
        StringWriter content = new StringWriter();
        try {
            outcomes.store(content, "The conditions' inputs when Spring AOT processed this service");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (generationContext, code) -> generationContext.getGeneratedFiles()
                .addResourceFile(BuildTimeProperties.RESOURCE, content.toString());
    }
}
