/**
 * lakesetup testkit: in-process fakes of the Databricks workspace (and Azure endpoints), with fault injection,
 * a JUnit 5 extension and a command-line sandbox. It is an independent implementation of the services and does
 * not depend on lakesetup's core.
 */
module dev.lakesetup.testkit {
    requires wiremock.standalone;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires org.junit.jupiter.api;
    requires jdk.httpserver;

    exports dev.lakesetup.testkit;
    exports dev.lakesetup.testkit.sql;
}
