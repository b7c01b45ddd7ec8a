package com.sellavie.commerce.support;

import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.SellavieTestInfrastructure;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a random port against the real test infrastructure, a generated Tink keyset
 * and a service token. Every test class uses exactly this, so they share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
// Both initializers named here: this annotation's @ContextConfiguration would otherwise hide @IntegrationTest's.
@ContextConfiguration(initializers = {SellavieTestInfrastructure.class, CommerceTestInfrastructure.class})
public @interface CommerceServiceTest {
}
