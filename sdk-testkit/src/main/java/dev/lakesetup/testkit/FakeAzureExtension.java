package dev.lakesetup.testkit;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts one {@link FakeAzure} per test class, injects it into constructors and test methods
 * that declare a {@code FakeAzure} parameter, and stops it after the class. It combines with
 * {@link FakeWorkspaceExtension} for tests that need both.
 *
 * <pre>{@code
 * @ExtendWith(FakeAzureExtension.class)              // defaults: storage account DEFAULT_STORAGE_ACCOUNT
 * class MyTest { @Test void t(FakeAzure azure) { ... } }
 *
 * @RegisterExtension
 * static FakeAzureExtension fake = FakeAzureExtension.configure(b -> b.application(appId, "vendor-app"));
 * }</pre>
 */
public final class FakeAzureExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    /** The storage account every fake started by this extension has. */
    public static final String DEFAULT_STORAGE_ACCOUNT = "fakelake";

    /** The resource group of {@link #DEFAULT_STORAGE_ACCOUNT}. */
    public static final String DEFAULT_RESOURCE_GROUP = "fake-rg";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FakeAzureExtension.class);

    private final Consumer<FakeAzure.Builder> configuration;

    /** Creates the extension with default settings (used by {@code @ExtendWith}). */
    public FakeAzureExtension() {
        this(b -> { });
    }

    private FakeAzureExtension(Consumer<FakeAzure.Builder> configuration) {
        this.configuration = configuration;
    }

    /**
     * Returns an extension that applies {@code configuration} to the builder before starting the fake.
     *
     * @param configuration the configuration
     * @return an extension that applies {@code configuration} to the builder before starting the fake
     */
    public static FakeAzureExtension configure(Consumer<FakeAzure.Builder> configuration) {
        return new FakeAzureExtension(Objects.requireNonNull(configuration, "configuration"));
    }

    /**
     * Returns the fake of the current test class (for {@code @RegisterExtension} users).
     *
     * @param context the context
     * @return the fake of the current test class
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException when the extension is on a non-static
     *     field
     */
    public FakeAzure azure(ExtensionContext context) {
        return ClassStores.started(context, NAMESPACE, FakeAzure.class, "FakeAzureExtension");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        FakeAzure.Builder builder = FakeAzure.builder().storageAccount(DEFAULT_STORAGE_ACCOUNT, DEFAULT_RESOURCE_GROUP);
        configuration.accept(builder);
        ClassStores.of(context, NAMESPACE).put(FakeAzure.class, builder.build().start());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        FakeAzure azure = ClassStores.of(context, NAMESPACE).remove(FakeAzure.class, FakeAzure.class);
        if (azure != null) {
            azure.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == FakeAzure.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return azure(extensionContext);
    }
}
