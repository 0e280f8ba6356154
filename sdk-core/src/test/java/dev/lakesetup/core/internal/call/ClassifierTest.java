package dev.lakesetup.core.internal.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClassifierTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("429 throttled", service(Failure.THROTTLED, 429, "REQUEST_LIMIT_EXCEEDED"),
                        Failure.THROTTLED, true),
                Arguments.of("503 transient", service(Failure.TRANSIENT, 503, "TEMPORARILY_UNAVAILABLE"),
                        Failure.TRANSIENT, true),
                Arguments.of("principal not visible", service(Failure.NOT_YET_VISIBLE, 400, "PRINCIPAL_DOES_NOT_EXIST"),
                        Failure.NOT_YET_VISIBLE, true),
                Arguments.of("409 exists", service(Failure.ALREADY_EXISTS, 409, "RESOURCE_ALREADY_EXISTS"),
                        Failure.ALREADY_EXISTS, false),
                Arguments.of("403 denied", service(Failure.FATAL, 403, "PERMISSION_DENIED"), Failure.FATAL, false),
                Arguments.of("wrapped service exception", new LakesetupException("outer",
                        service(Failure.THROTTLED, 429, "")), Failure.THROTTLED, true),
                Arguments.of("connection reset", new LakesetupException("call failed",
                        new SocketException("Connection reset")), Failure.TRANSIENT, true),
                Arguments.of("unchecked I/O", new UncheckedIOException(new IOException("broken pipe")),
                        Failure.TRANSIENT, true),
                Arguments.of("programming error", new IllegalArgumentException("bad"), Failure.FATAL, false),
                Arguments.of("fan-out failed for good, wrapped by a handler", new IllegalStateException("read failed",
                        new RetriesExhaustedException("read", service(Failure.THROTTLED, 429, ""), 3,
                                Failure.THROTTLED)), Failure.FATAL, false),
                Arguments.of("fan-out interrupted, wrapped twice", new LakesetupException("outer",
                        new IllegalStateException("inner", new Retrier.InterruptedCallException(1))),
                        Failure.FATAL, false));
    }

    private static ServiceException service(Failure failure, int status, String code) {
        return ServiceException.builder(failure, "call failed").status(status).errorCode(code).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void classify_mapsEachFailureToItsKind(String name, Throwable failure, Failure expected, boolean retryable) {
        Failure kind = Classifier.classify(failure);

        assertThat(kind).isEqualTo(expected);
        assertThat(kind == Failure.THROTTLED || kind == Failure.TRANSIENT || kind == Failure.NOT_YET_VISIBLE)
                .isEqualTo(retryable);
        if (failure instanceof ServiceException service) {
            assertThat(service.retryable()).isEqualTo(retryable);
        }
    }
}
