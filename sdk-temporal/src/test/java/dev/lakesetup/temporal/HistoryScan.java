package dev.lakesetup.temporal;

import com.google.protobuf.Message;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads every payload of a workflow's history, and the whole history as text, for secret scans. */
final class HistoryScan {
    private HistoryScan() {
    }

    /** Every payload's data (inputs, results, failures' details, headers, memos), decoded as UTF-8. */
    static List<String> payloads(WorkflowClient client, String workflowId) {
        WorkflowExecutionHistory history = client.fetchHistory(workflowId);
        List<String> found = new ArrayList<>();
        for (HistoryEvent event : history.getEvents()) {
            collect(event, found);
        }
        return found;
    }

    /** The whole history as protobuf text: every field of every event, failure messages and stack traces too. */
    static String text(WorkflowClient client, String workflowId) {
        return client.fetchHistory(workflowId).toProtoText(false);
    }

    private static void collect(Object value, List<String> found) {
        if (value instanceof Payload payload) {
            found.add(payload.getData().toString(StandardCharsets.UTF_8));
        } else if (value instanceof Message message) {
            message.getAllFields().values().forEach(field -> collect(field, found));
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collect(item, found));
        } else if (value instanceof java.util.Map<?, ?> map) {
            map.values().forEach(item -> collect(item, found));
        }
    }
}
