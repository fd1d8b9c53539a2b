package nl.taxledger.service.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole service on a random port and a throw-away embedded PostgreSQL, with the remittance scheduler off (tests
 * call it themselves), and a {@link LedgerClient} to inject. One property set for every service test, so they share
 * one Spring context (and one database): use distinct ids per test. A class that needs an empty ledger of its own
 * adds {@code @TestPropertySource(properties = "ledger.test.own-ledger=<name>")}, which gives it its own context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.embedded.ephemeral=true", "ledger.scheduling.enabled=false"})
@Import(LedgerClient.class)
public @interface LedgerServiceTest {}
