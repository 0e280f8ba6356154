package dev.lakesetup.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;

/** Finds the store of the test class a JUnit context belongs to, so one fake serves every method of the class. */
final class ClassStores {

    private ClassStores() {
    }

    /** Returns the class-level store of {@code context} in {@code namespace}. */
    static ExtensionContext.Store of(ExtensionContext context, ExtensionContext.Namespace namespace) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(namespace);
    }
}
