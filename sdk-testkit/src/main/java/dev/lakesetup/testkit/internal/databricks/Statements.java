package dev.lakesetup.testkit.internal.databricks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Statements run through the statement execution API, and SQL sessions. */
public final class Statements {

    /** A statement: its final response, and how many polls it still reports PENDING. */
    public static final class Record {
        public String id;
        public ObjectNode finalResponse;
        public int pendingPollsLeft;
        public boolean canceled;
    }

    /** A SQL session: the warehouse and current catalog / schema. */
    public static final class Session {
        public String id;
        public String warehouseId;
        public String catalog;
        public String schema;
    }

    private final Map<String, Record> records = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();

    /** Stores a statement. */
    public Record add(ObjectNode finalResponse, int pendingPolls) {
        Record r = new Record();
        r.id = UUID.randomUUID().toString();
        r.finalResponse = finalResponse;
        r.pendingPollsLeft = pendingPolls;
        records.put(r.id, r);
        return r;
    }

    /** Returns a statement, or null. */
    public Record get(String id) {
        return records.get(id);
    }

    /** Opens a session. */
    public Session open(String warehouseId, String catalog, String schema) {
        Session s = new Session();
        s.id = UUID.randomUUID().toString();
        s.warehouseId = warehouseId;
        s.catalog = catalog;
        s.schema = schema;
        sessions.put(s.id, s);
        return s;
    }

    /** Returns a session, or null. */
    public Session session(String id) {
        return id == null ? null : sessions.get(id);
    }

    /** Closes a session; returns whether it existed. */
    public boolean close(String id) {
        return sessions.remove(id) != null;
    }

    /** The text of every statement run since start, in arrival order (tests check that a run only read). */
    private final java.util.List<String> texts = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Records the text of a statement about to run. */
    public void logText(String sql) {
        texts.add(sql);
    }

    /** Returns the text of every statement run since start, in arrival order. */
    public java.util.List<String> texts() {
        return java.util.List.copyOf(texts);
    }
}
