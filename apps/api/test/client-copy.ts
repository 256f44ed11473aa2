import type { MessageView } from '@mindsp/contracts';

/** A client's copy of a history: by seq, a later version (higher changeSeq) replacing an earlier. */
export class Copy {
  readonly bySeq = new Map<number, MessageView>();
  take(message: MessageView) {
    const held = this.bySeq.get(message.seq);
    if (!held || message.changeSeq > held.changeSeq) this.bySeq.set(message.seq, message);
  }
  get messages() {
    return [...this.bySeq.values()].sort((a, b) => a.seq - b.seq);
  }
  get lastSeq() {
    return Math.max(0, ...this.bySeq.keys());
  }
}
