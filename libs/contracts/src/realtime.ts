import type { ErrorCode } from './errors';
import type {
  ConversationView,
  MessagePage,
  MessageView,
  PresenceSubscription,
  PresenceView,
} from './messaging';
import type { AlertAckRequest, AlertAckUpdate, NotificationView } from './notifications';

/** A refused socket request: the same code, message and wait a REST error body carries. */
export interface AckError {
  code: ErrorCode;
  message: string;
  /** With `validation_failed`: the field paths that were wrong, each with its messages. */
  fields?: Record<string, string[]>;
  /** With `rate_limited`: how long to wait before trying again. */
  retryAfterSeconds?: number;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };
export type AckCallback<T> = (response: Ack<T>) => void;

export interface SocketSendMessage {
  conversationId: string;
  clientMessageId: string;
  body: string;
  replyToId?: string;
  attachmentIds?: string[];
}
export interface SocketEditMessage {
  conversationId: string;
  messageId: string;
  body: string;
}
export interface SocketDeleteMessage {
  conversationId: string;
  messageId: string;
}
export interface SocketReact {
  conversationId: string;
  messageId: string;
  emoji: string;
  /** true adds the caller's reaction, false takes it back; either is idempotent. */
  reacted: boolean;
}
export interface SocketPin {
  conversationId: string;
  messageId: string;
  pinned: boolean;
}
export interface SocketMarkRead {
  conversationId: string;
  seq: number;
}
export interface SocketTyping {
  conversationId: string;
  typing: boolean;
}
export interface SyncRequest {
  /** The last seq the client holds, per conversation. */
  cursors: Record<string, number>;
  /**
   * Up to which change the client holds them, per conversation (the `lastChange` of its pages and
   * syncs): the messages it holds that were edited or deleted after that come back in `changed`.
   */
  changes?: Record<string, number>;
}
export interface SyncPage extends MessagePage {
  /**
   * Messages up to the cursor's seq that changed after the client's change cursor: edited,
   * deleted, reacted to, pinned or unpinned. Each comes whole (body, reactions, pin): the client
   * replaces its copy when `changeSeq` is higher.
   */
  changed: MessageView[];
  lastChange: number;
  /**
   * The conversation as the caller sees it now, when its title or members changed after the
   * client's change cursor (a rename, someone added, removed or leaving); absent otherwise. The
   * timeline notes of those changes come as messages, in `items`.
   */
  conversation?: ConversationView;
}
export interface SyncResult {
  conversations: Record<string, SyncPage>;
}

export interface ReadUpdate {
  conversationId: string;
  userId: string;
  seq: number;
}
export interface TypingUpdate {
  conversationId: string;
  userId: string;
  typing: boolean;
}

/** Client to server; each carries an ack. */
export interface ClientEvents {
  'message:send': (input: SocketSendMessage, ack: AckCallback<MessageView>) => void;
  'message:edit': (input: SocketEditMessage, ack: AckCallback<MessageView>) => void;
  'message:delete': (input: SocketDeleteMessage, ack: AckCallback<MessageView>) => void;
  /** Reacts or takes a reaction back; members hear the message's new state as `message:updated`. */
  'message:react': (input: SocketReact, ack: AckCallback<MessageView>) => void;
  /** Pins or unpins; members hear the message's new state as `message:updated`. */
  'message:pin': (input: SocketPin, ack: AckCallback<MessageView>) => void;
  'conversation:read': (input: SocketMarkRead, ack: AckCallback<ReadUpdate>) => void;
  typing: (input: SocketTyping, ack: AckCallback<null>) => void;
  sync: (input: SyncRequest, ack: AckCallback<SyncResult>) => void;
  /** Whose presence this socket follows (replacing the last call); the ack has their state now. */
  'presence:subscribe': (input: PresenceSubscription, ack: AckCallback<PresenceView[]>) => void;
  'alert:ack': (
    input: AlertAckRequest & { alertId: string },
    ack: AckCallback<AlertAckUpdate>,
  ) => void;
}

/** Server to client. */
export interface ServerEvents {
  'message:new': (message: MessageView) => void;
  /** An edit, or its reactions or pin changed: the message whole, a higher `changeSeq`. */
  'message:updated': (message: MessageView) => void;
  'message:deleted': (message: MessageView) => void;
  'conversation:new': (conversation: ConversationView) => void;
  'conversation:updated': (conversation: ConversationView) => void;
  /** Sent to a member who was removed or left: the conversation is gone for them. */
  'conversation:removed': (input: { conversationId: string }) => void;
  'read:updated': (update: ReadUpdate) => void;
  typing: (update: TypingUpdate) => void;
  /**
   * Changes of the people this socket follows (`presence:subscribe`), at most one batch per
   * `PRESENCE_LIMITS.batchIntervalMs`; the latest state of each person changed since the last.
   */
  presence: (changes: PresenceView[]) => void;
  'notification:new': (notification: NotificationView) => void;
  /** Some or all of the user's notifications were read (in another tab, or by opening them). */
  'notification:read': (update: { ids: string[] } | { all: true }) => void;
  /** Someone answered an urgent alert: to its sender, and to the answerer's other tabs. */
  'alert:ack': (update: AlertAckUpdate) => void;
}
