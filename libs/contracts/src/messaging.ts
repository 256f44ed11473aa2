import type { ReplyQuote } from './replies';
import type { AttachmentView } from './files';
import type { ReactionView, TimelineNote } from './message-state';
import type { Page } from './users';

export const CONVERSATION_KINDS = ['direct', 'group'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

export const MESSAGING_LIMITS = {
  /** A body is 1 to 4,000 characters once trimmed. */
  bodyMaxLength: 4000,
  titleMaxLength: 100,
  /** The most a group can hold (the API's GROUP_MAX_MEMBERS may set it lower, never higher). */
  groupMaxMembers: 5000,
  /** People named in one create or add request (within the payload shape bound of 1,000 entries). */
  membersPerRequest: 500,
  /**
   * A conversation view carries every member up to this many (receipts and names need them);
   * a larger group carries this many and its `memberCount`, the rest paged by its members route.
   */
  membersInView: 200,
  messagePageDefault: 50,
  messagePageMax: 100,
  /** `sync` returns at most this many messages per conversation; `hasMore` says to page on. */
  syncPerConversation: 200,
  /** Socket payloads over this are refused. */
  socketPayloadBytes: 64 * 1024,
  /** A typing indicator with no refresh stops by itself after this. */
  typingTimeoutMs: 5000,
} as const;

/** A deleted message keeps its seq (no gap) and loses its body. */
export interface MessageView {
  id: string;
  conversationId: string;
  seq: number;
  /**
   * The conversation's change number of this version (sent, edited, deleted): of two copies of a
   * message, the one with the higher changeSeq is the later.
   */
  changeSeq: number;
  senderId: string;
  body: string;
  clientMessageId: string;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  /** The message this one answers, as it is now; null when it answers none. */
  replyTo?: ReplyQuote | null;
  /** Files sent with the message (none once it is deleted). */
  attachments?: AttachmentView[];
  /**
   * Emoji reactions, in the order each emoji was first used. Every history page, sync, live event
   * and pin list carries them; previews (a search hit, a conversation's last message) may not.
   */
  reactions?: ReactionView[];
  /** When and by whom it was pinned; null when it is not. */
  pinnedAt?: string | null;
  pinnedBy?: string | null;
  /**
   * Set on a timeline note ("Alice added Bob", "Alice renamed the group"), a message the server
   * writes when a group changes: its body is empty, its sender is who made the change.
   */
  note?: TimelineNote | null;
}

export interface MemberView {
  id: string;
  displayName: string;
  lastReadSeq: number;
  /** The conversation's last seq when they joined: receipts count them only for later messages. */
  joinedAfterSeq: number;
}

/** Someone who left or was removed: their name stays on their messages, their receipts on the
 * messages sent while they were a member (seq in (joinedAfterSeq, leftAtSeq]). */
export interface FormerMemberView extends MemberView {
  leftAtSeq: number;
}

export interface ConversationView {
  id: string;
  kind: ConversationKind;
  /** Groups: their title. Direct: null (the SPA shows the other member's name). */
  title: string | null;
  /** Every member, or the first `MESSAGING_LIMITS.membersInView` by name in a larger group. */
  members: MemberView[];
  /** How many members it has (more than `members.length` when the view carries only some). */
  memberCount: number;
  /** People who were members and are no longer, for their names and the receipts of their time. */
  formerMembers: FormerMemberView[];
  lastMessage: MessageView | null;
  lastSeq: number;
  /** The caller's read watermark. */
  lastReadSeq: number;
  unreadCount: number;
  updatedAt: string;
  /** Who created it (a group's creator may mention everyone); null when unknown. */
  createdBy?: string | null;
  /** The caller muted it: no notifications but mentions and alerts. */
  muted?: boolean;
  /** The caller archived it: listed under "Archived" until a new message arrives. */
  archived?: boolean;
}

export interface ConversationListQuery {
  q?: string;
  /** true: only the caller's archived conversations; otherwise only the others. */
  archived?: boolean;
  limit?: number;
  cursor?: string;
}

export type CreateConversationRequest =
  | { kind: 'direct'; memberIds: [string] | string[] }
  | { kind: 'group'; title: string; memberIds: string[] };

export interface UpdateConversationRequest {
  title: string;
}

export interface AddMembersRequest {
  userIds: string[];
}

export interface MessageListQuery {
  /** Messages with seq < before (older page). */
  before?: number;
  /** Messages with seq > after (catch-up). */
  after?: number;
  limit?: number;
}

export interface MessagePage {
  /** Ascending seq. */
  items: MessageView[];
  hasMore: boolean;
  /**
   * The conversation's latest change number when the page was read: the client holds these
   * messages as of that change, and asks `sync` for the changes after it.
   */
  lastChange?: number;
}

export interface SendMessageRequest {
  body: string;
  /** Generated by the client (a UUID); sending again with it returns the same message. */
  clientMessageId: string;
  /** The message this one answers: a message of the same conversation. */
  replyToId?: string;
  /** Files uploaded to this conversation by the sender, not yet sent; the body may then be empty. */
  attachmentIds?: string[];
}

export interface EditMessageRequest {
  body: string;
}

export interface MarkReadRequest {
  seq: number;
}

export interface SearchQuery {
  q: string;
  conversationId?: string;
  /** Only messages of this person. */
  senderId?: string;
  /** Only messages sent at or after this instant (ISO 8601). */
  since?: string;
  /** Only messages sent before this instant (ISO 8601). */
  until?: string;
  /** Only messages with files. */
  hasFile?: boolean;
  limit?: number;
  cursor?: string;
}

export interface SearchHit {
  message: MessageView;
  /** `otherName`: a direct conversation's other member, as the caller names it; null for a group. */
  conversation: {
    id: string;
    title: string | null;
    kind: ConversationKind;
    otherName: string | null;
  };
  /** The sender's name as it is now. */
  senderName: string;
  /** The body with matched words wrapped in «» (never HTML: the SPA renders it as text). */
  highlight: string;
}

export type SearchPage = Page<SearchHit>;

export interface PresenceView {
  userId: string;
  online: boolean;
  lastSeenAt: string | null;
}

export const PRESENCE_LIMITS = {
  /** People one socket may follow at once (`presence:subscribe`). */
  subscriptionMax: 500,
  /** A socket hears presence changes at most once per this period, in one batch. */
  batchIntervalMs: 1000,
} as const;

export interface PresenceSubscription {
  /** Replaces the socket's previous subscription; unknown ids and other tenants' are ignored. */
  userIds: string[];
}

export interface MemberListQuery {
  limit?: number;
  cursor?: string;
}
