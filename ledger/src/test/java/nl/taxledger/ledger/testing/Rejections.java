package nl.taxledger.ledger.testing;

import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

/** Matches the rejection a command handler throws, by its stable code (for {@code expectException}). */
public final class Rejections {
    private Rejections() {
    }

    public static Matcher<Object> rejectedWith(ErrorCode code) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof LedgerRejection rejection && rejection.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rejection with code " + code);
            }
        };
    }
}
