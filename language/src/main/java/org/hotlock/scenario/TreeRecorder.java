package org.hotlock.scenario;

import com.oracle.truffle.api.TruffleFile;
import org.hotlock.kernel.Event;
import org.hotlock.sched.Outcome;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Records the shape of an exploration's schedule tree ({@code hotlock.RecordTree}), for the
 * cluster's load-balance simulation (bench/simulate-cluster): one line per execution, in the
 * search's depth-first order, with how many steps it shares with the execution before and how
 * many it took. The tree is those paths; nothing else of the executions is kept.
 */
final class TreeRecorder implements AutoCloseable {
    private final Writer out;
    private int[] previous = new int[0];
    private int previousLength;

    TreeRecorder(TruffleFile file) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(file.newOutputStream(), StandardCharsets.UTF_8), 1 << 16);
    }

    void executed(Outcome o) {
        List<Event> trace = o.trace();
        int shared = 0;
        while (shared < previousLength && shared < trace.size() && previous[shared] == trace.get(shared).thread()) {
            shared++;
        }
        if (previous.length < trace.size()) {
            previous = new int[Math.max(trace.size(), previous.length * 2)];
        }
        for (int i = shared; i < trace.size(); i++) {
            previous[i] = trace.get(i).thread();
        }
        previousLength = trace.size();
        try {
            out.write(shared + " " + trace.size() + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot record the tree: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
