package io.flashbridge.intake.jms;

import java.util.List;

import io.flashbridge.ledger.InstructionStore;
import io.flashbridge.ledger.LedgerDisk;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The JMS intake's ledger writes: the instructions of messages that arrive together share one commit,
 * on the disk before any of them is answered.
 */
@Component
class GroupCommit implements DisposableBean {

    private final io.flashbridge.ledger.GroupCommit<InstructionStore.MessageInstruction, InstructionStore.Recorded> commits;

    GroupCommit(InstructionStore instructions, LedgerDisk disk) {
        this.commits = new io.flashbridge.ledger.GroupCommit<>("instructions", messages -> {
            List<InstructionStore.Recorded> recorded = instructions.recordMessages(messages);
            disk.force();
            return recorded;
        });
    }

    /**
     * Records one message's instruction; returns once it is committed and on the disk. Throws when it
     * is not, and then the message is rolled back: redelivered, it finds its instruction recorded.
     */
    InstructionStore.Recorded record(InstructionStore.MessageInstruction message) throws Exception {
        return commits.submit(message);
    }

    @Override
    public void destroy() {
        commits.close();
    }
}
