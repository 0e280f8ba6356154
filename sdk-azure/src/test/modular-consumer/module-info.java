/** A modular application that uses lakesetup for Azure, as a user's would. */
module consumer {
    requires dev.lakesetup.azure;
}
