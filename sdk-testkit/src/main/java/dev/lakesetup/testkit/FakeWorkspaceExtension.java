package dev.lakesetup.testkit;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts one {@link FakeWorkspace} per test class, injects it into constructors and test
 * methods that declare a {@code FakeWorkspace} parameter, and stops it after the class.
 *
 * <pre>{@code
 * @ExtendWith(FakeWorkspaceExtension.class)          // defaults, one warehouse with id DEFAULT_WAREHOUSE_ID
 * class MyTest { @Test void t(FakeWorkspace ws) { ... } }
 *
 * @RegisterExtension
 * static FakeWorkspaceExtension fake = FakeWorkspaceExtension.configure(b -> b.unityCatalog(false));
 * }</pre>
 */
public final class FakeWorkspaceExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    /** The id of the warehouse every workspace started by this extension has, hex like a real warehouse id. */
    public static final String DEFAULT_WAREHOUSE_ID = "5f8e2b9c1d4a7e63";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FakeWorkspaceExtension.class);

    private final Consumer<FakeWorkspace.Builder> configuration;

    /** Creates the extension with default settings (used by {@code @ExtendWith}). */
    public FakeWorkspaceExtension() {
        this(b -> { });
    }

    private FakeWorkspaceExtension(Consumer<FakeWorkspace.Builder> configuration) {
        this.configuration = configuration;
    }

    /**
     * Returns an extension that applies {@code configuration} to the builder before starting the workspace.
     *
     * @param configuration the configuration
     * @return an extension that applies {@code configuration} to the builder before starting the workspace
     */
    public static FakeWorkspaceExtension configure(Consumer<FakeWorkspace.Builder> configuration) {
        return new FakeWorkspaceExtension(Objects.requireNonNull(configuration, "configuration"));
    }

    /**
     * Returns the workspace of the current test class (for {@code @RegisterExtension} users).
     *
     * @param context the context
     * @return the workspace of the current test class
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException when the extension is on a non-static
     *     field
     */
    public FakeWorkspace workspace(ExtensionContext context) {
        return ClassStores.started(context, NAMESPACE, FakeWorkspace.class, "FakeWorkspaceExtension");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        FakeWorkspace.Builder builder = FakeWorkspace.builder().warehouse(DEFAULT_WAREHOUSE_ID, "Fake warehouse");
        configuration.accept(builder);
        FakeWorkspace ws = builder.build().start();
        store(context).put(FakeWorkspace.class, ws);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        FakeWorkspace ws = store(context).remove(FakeWorkspace.class, FakeWorkspace.class);
        if (ws != null) {
            ws.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == FakeWorkspace.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return workspace(extensionContext);
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return ClassStores.of(context, NAMESPACE);
    }
}
