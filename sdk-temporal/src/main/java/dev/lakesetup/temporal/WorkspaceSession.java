package dev.lakesetup.temporal;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.SecretSink;

/**
 * What an activity works with for one target: the engine on the workspace's executors and the blueprint, rebuilt
 * from references on every activity.
 *
 * @param lakesetup the engine
 * @param blueprint the blueprint, whose secrets go to the sink given when it was built
 */
record WorkspaceSession(Lakesetup lakesetup, Blueprint blueprint) {

    /** A sink for activities that never issue: planning only. */
    static final SecretSink NO_ISSUE = credentials -> {
        throw new IllegalStateException("this activity plans only and must not issue a secret");
    };
}
