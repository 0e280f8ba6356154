/**
 * lakesetup core: the model, the planner, the applier, the executor SPI and the renderers. It knows no cloud SDK.
 */
module dev.lakesetup.core {
    requires transitive org.slf4j;
    requires com.fasterxml.jackson.databind;

    exports dev.lakesetup.core;
    exports dev.lakesetup.core.exception;
    exports dev.lakesetup.core.model;
    exports dev.lakesetup.core.render;
    exports dev.lakesetup.core.plan;
    exports dev.lakesetup.core.spi;
    exports dev.lakesetup.core.apply;
    exports dev.lakesetup.core.record;
    exports dev.lakesetup.core.fleet;
    exports dev.lakesetup.core.drift;
}
