package com.sellavie.notification.email;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The email feature's beans: the link cipher (the service does not start without its keyset), the templates, the schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailProperties.class)
@EnableScheduling
class EmailConfiguration {

    @Bean
    LinkCipher linkCipher(EmailProperties properties) {
        return LinkCipher.fromKeyset(properties.linkKeyset());
    }

    /** Thymeleaf on its own (no MVC views): {@code .html} in HTML mode (escaped), {@code .txt} in text mode. */
    @Bean
    ITemplateEngine emailTemplateEngine() {
        TemplateEngine engine = new TemplateEngine();
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("email/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.getResolvablePatternSpec().addPattern(pattern);
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }
}
