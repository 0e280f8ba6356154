/** A modular application that uses lakesetup, as a user's would: it requires lakesetup's module and nothing else. */
module consumer {
    requires dev.lakesetup.databricks;
}
