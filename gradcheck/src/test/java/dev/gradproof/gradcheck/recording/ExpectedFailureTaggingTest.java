package dev.gradproof.gradcheck.recording;

import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.TestContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Tags;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test tagged {@value TestContext#EXPECTED_FAILURE_TAG} (on its method, its class or a class
 * enclosing it, alone or among {@code @Tags}) marks its checks as expected to fail; other tags and
 * untagged tests do not.
 */
class ExpectedFailureTaggingTest {

    private static GradCheckResult sigma() {
        return GradCheck.scalar(in -> 1 / (1 + Math.exp(-in[0][0])),
                in -> new double[][] {{1 / (1 + Math.exp(-in[0][0]))}}).input("x", 0.5).record(false).check();
    }

    @Test
    void anUntaggedTestsChecksAreNotExpectedToFail() {
        GradCheckResult result = sigma();

        assertThat(result.passed()).isFalse();
        assertThat(result.context().expectedFailure()).isFalse();
    }

    @Test
    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    void aTaggedMethodsChecksAreExpectedToFail() {
        GradCheckResult result = sigma();

        assertThat(result.passed()).isFalse();
        assertThat(result.context().expectedFailure()).isTrue();
        assertThat(result.context().testMethod()).isEqualTo("aTaggedMethodsChecksAreExpectedToFail");
    }

    @Test
    @Tags({@Tag("slow"), @Tag(TestContext.EXPECTED_FAILURE_TAG)})
    void aTagAmongOthersCounts() {
        assertThat(sigma().context().expectedFailure()).isTrue();
    }

    @Test
    @Tag("slow")
    void anotherTagDoesNot() {
        assertThat(sigma().context().expectedFailure()).isFalse();
    }

    @Nested
    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    class TaggedClass {

        @Test
        void everyTestOfATaggedClassIsExpectedToFail() {
            assertThat(sigma().context().expectedFailure()).isTrue();
        }

        @Nested
        class Inner {
            @Test
            void andOfAClassItEncloses() {
                assertThat(sigma().context().expectedFailure()).isTrue();
            }
        }
    }

    @Test
    void theMarkSurvivesTheJsonRoundTrip() {
        GradCheckResult tagged = sigma().withContext(new TestContext("a.B", "m", "junit-jupiter", "Test", true));

        GradCheckResult back = dev.gradproof.gradcheck.model.ResultJson.read(
                dev.gradproof.gradcheck.model.ResultJson.write(tagged));

        assertThat(back.context().expectedFailure()).isTrue();
    }
}
