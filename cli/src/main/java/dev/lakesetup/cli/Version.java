package dev.lakesetup.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints the version the jar was built as ({@code lakesetup --version}). */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"lakesetup " + (version == null ? "(development build)" : version)};
    }
}
