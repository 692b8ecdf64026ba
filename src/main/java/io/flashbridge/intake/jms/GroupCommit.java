package io.flashbridge.intake.jms;

import io.flashbridge.ledger.InstructionStore;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** The JMS intake's ledger writes: the instructions of messages that arrive together share one commit. */
@Component
class GroupCommit implements DisposableBean {

    private final io.flashbridge.ledger.GroupCommit<InstructionStore.MessageInstruction, InstructionStore.Recorded> commits;

    GroupCommit(InstructionStore instructions) {
        this.commits = new io.flashbridge.ledger.GroupCommit<>("instructions", instructions::recordMessages);
    }

    /** Records one message's instruction; returns once it is committed (or throws, and nothing was recorded for it). */
    InstructionStore.Recorded record(InstructionStore.MessageInstruction message) throws Exception {
        return commits.submit(message);
    }

    @Override
    public void destroy() {
        commits.close();
    }
}
