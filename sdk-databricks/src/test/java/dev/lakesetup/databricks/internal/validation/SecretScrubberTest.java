package dev.lakesetup.databricks.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.model.Secret;
import org.junit.jupiter.api.Test;

class SecretScrubberTest {
    private final SecretScrubber scrubber = new SecretScrubber(Secret.of("s3cr3t"));

    @Test
    void scrub_whenTextEchoesTheSecret_masksEveryOccurrence() {
        assertThat(scrubber.scrub("bad OAuth2Secret=s3cr3t; again s3cr3t")).isEqualTo(
                "bad OAuth2Secret=****; again ****");
    }

    @Test
    void describe_whenMessageIsMissing_usesTheCauseOrTheType() {
        assertThat(scrubber.describe(new RuntimeException(null, new IllegalStateException("cause s3cr3t"))))
                .isEqualTo("cause ****");
        assertThat(scrubber.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
