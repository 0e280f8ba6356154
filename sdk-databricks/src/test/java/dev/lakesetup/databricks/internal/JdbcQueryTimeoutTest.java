package dev.lakesetup.databricks.internal;

import dev.lakesetup.core.apply.CallPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every statement the SQL executor sends carries a query timeout, set before the statement runs, and a query that
 * returns more rows than the cap fails instead of filling the memory.
 */
class JdbcQueryTimeoutTest {
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Test
    void execute_setsTheQueryTimeoutBeforeRunning() {
        new Jdbc(dataSource(), 90, CallPolicy.defaults().rateLimiter()).inSession(session -> {
            session.execute("grant", "GRANT USE CATALOG ON CATALOG `c` TO `p`");
            return null;
        });

        assertThat(calls).containsExactly("setQueryTimeout 90", "execute", "close statement", "close connection");
    }

    @Test
    void query_whenTheAnswerHasMoreRowsThanTheCap_failsFatally() {
        Jdbc jdbc = new Jdbc(dataSource(), 90, 5, CallPolicy.defaults().rateLimiter());

        assertThatThrownBy(() -> jdbc.inSession(session -> session.query("read grants", "SHOW GRANTS")))
                .isInstanceOf(ServiceException.class).hasMessageContaining("more than 5 rows")
                .satisfies(e -> assertThat(((ServiceException) e).failure()).isEqualTo(Failure.FATAL));
        assertThat(calls).contains("setQueryTimeout 90", "close statement", "close connection");
    }

    private DataSource dataSource() {
        ResultSetMetaData meta = proxy(ResultSetMetaData.class, (method, args) -> switch (method) {
            case "getColumnCount" -> 1;
            case "getColumnLabel" -> "n";
            default -> null;
        });
        ResultSet endless = proxy(ResultSet.class, (method, args) -> switch (method) {
            case "next" -> true;
            case "getMetaData" -> meta;
            case "getString" -> "1";
            default -> null;
        });
        Statement statement = proxy(Statement.class, (method, args) -> {
            switch (method) {
                case "setQueryTimeout" -> calls.add("setQueryTimeout " + args[0]);
                case "execute" -> calls.add("execute");
                case "close" -> calls.add("close statement");
                default -> { }
            }
            return method.equals("execute") ? Boolean.FALSE : method.equals("executeQuery") ? endless : null;
        });
        Connection connection = proxy(Connection.class, (method, args) -> {
            if (method.equals("close")) {
                calls.add("close connection");
            }
            return method.equals("createStatement") ? statement : null;
        });
        return proxy(DataSource.class, (method, args) -> method.equals("getConnection") ? connection : null);
    }

    /** Answers calls of an interface by method name. */
    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> answer.answer(method.getName(), args)));
    }
}
