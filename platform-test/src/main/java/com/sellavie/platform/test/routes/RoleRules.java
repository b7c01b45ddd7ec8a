package com.sellavie.platform.test.routes;

import java.util.List;
import java.util.Optional;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;

/**
 * Which roles a route's {@code @PreAuthorize} lets through, decided the way the application decides:
 * Spring Security's own {@link PreAuthorizeAuthorizationManager} with the application's expression
 * handler, against a member with that role (the resource servers turn the {@code role} claim into
 * {@code ROLE_<role>}).
 */
final class RoleRules {

    static final List<String> ROLES = List.of("OWNER", "ADMIN", "AGENT");

    private final ApplicationContext context;
    private final PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();

    RoleRules(ApplicationContext context) {
        this.context = context;
        MethodSecurityExpressionHandler handler = context.getBeanProvider(MethodSecurityExpressionHandler.class)
                .getIfUnique(DefaultMethodSecurityExpressionHandler::new);
        manager.setExpressionHandler(handler);
        manager.setApplicationContext(context);
    }

    /** The route's role rule, on its method or else on its controller class; empty when it has none. */
    Optional<String> expression(Route route) {
        HandlerMethod handler = route.handler();
        Class<?> type = AopUtils.getTargetClass(bean(handler));
        PreAuthorize onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        PreAuthorize found = onMethod != null ? onMethod
                : AnnotatedElementUtils.findMergedAnnotation(type, PreAuthorize.class);
        return Optional.ofNullable(found).map(PreAuthorize::value);
    }

    /** Whether a member with {@code role} passes the route's rule (an expression on arguments cannot be judged). */
    boolean allows(Route route, String role) {
        Authentication member = UsernamePasswordAuthenticationToken.authenticated("member", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)));
        Object[] noArguments = new Object[route.handler().getMethodParameters().length];
        AuthorizationResult result = manager.authorize(() -> member,
                new SimpleMethodInvocation(bean(route.handler()), route.handler().getMethod(), noArguments));
        return result == null || result.isGranted();
    }

    private Object bean(HandlerMethod handler) {
        Object bean = handler.getBean();
        return bean instanceof String name ? context.getBean(name) : bean;
    }
}
