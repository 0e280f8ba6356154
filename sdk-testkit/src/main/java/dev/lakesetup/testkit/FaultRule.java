package dev.lakesetup.testkit;

/** A fault rule installed on a fake: tells how often it fired and can be removed. */
public interface FaultRule {

    /** {@return how many requests this rule has answered so far} */
    int hits();

    /** Removes the rule; later requests are served normally. */
    void remove();
}
