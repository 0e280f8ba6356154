package dev.lakesetup.databricks;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test that runs against a fresh fake workspace per test method ({@link #f}), stopped after it; the JDBC driver's
 * fake-service test mode the fixture switches on is cleared after the class.
 */
abstract class OnFakeWorkspace {
    FakeFixture f;

    @BeforeEach
    void startFake() {
        f = FakeFixture.start();
    }

    @AfterEach
    void stopFake() {
        f.close();
    }

    @AfterAll
    static void clearDriverTestMode() {
        System.clearProperty("isFakeServiceTest");
    }
}
