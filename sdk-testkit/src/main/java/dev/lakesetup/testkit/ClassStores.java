package dev.lakesetup.testkit;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
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

    /**
     * Returns the fake an extension started for the test class of {@code context}, or fails loudly when there is none:
     * JUnit calls {@code beforeAll} only for extensions registered on the class or on a static field, so an extension
     * on an instance field would otherwise inject null.
     */
    static <T> T started(ExtensionContext context, ExtensionContext.Namespace namespace, Class<T> type,
                         String extension) {
        T value = of(context, namespace).get(type, type);
        if (value == null) {
            throw new ExtensionConfigurationException(extension + " has not started a " + type.getSimpleName()
                    + " for " + context.getRequiredTestClass().getName() + ": declare the @RegisterExtension field "
                    + "static (JUnit runs beforeAll only for extensions on static fields or @ExtendWith)");
        }
        return value;
    }
}
