// Generated from the API's OpenAPI document by apps/web/scripts/api-client.mjs: do not edit.
// After changing a route or a DTO: pnpm nx run web:api-client
export interface paths {
  '/api/admin/queues/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Per queue: counts, throughput over the last minute, paused state */
    get: operations['QueueAdminController_queueStats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/queues/{name}/jobs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Jobs, newest first; state=failed lists the dead letters */
    get: operations['QueueAdminController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/queues/{name}/jobs/{jobId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One job, with its data and last error */
    get: operations['QueueAdminController_get'];
    put?: never;
    post?: never;
    /** Remove a job that is not running */
    delete: operations['QueueAdminController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/queues/{name}/jobs/{jobId}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run a failed job again */
    post: operations['QueueAdminController_retry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/queues/{name}/retry-failed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run every failed job (dead letter) of the queue again */
    post: operations['QueueAdminController_retryFailed'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/queues/{name}/pause': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Stop workers taking jobs from the queue (platform operators) */
    post: operations['QueueAdminController_pause'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/queues/{name}/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Let workers take jobs from the queue again (platform operators) */
    post: operations['QueueAdminController_resume'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/queues/probe': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a diagnostic job through the maintenance queue, to check the pipeline */
    post: operations['QueueAdminController_probe'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in to an organisation */
    post: operations['AuthController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Exchange a refresh token for a new pair (the old one stops working) */
    post: operations['AuthController_refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End the session of this refresh token */
    post: operations['AuthController_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AuthController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change your display name or language */
    patch: operations['AuthController_updateMe'];
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** People of your organisation, by name */
    get: operations['PeopleController_list'];
    put?: never;
    /** Add a person to your organisation (admins) */
    post: operations['PeopleController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/online': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** People of your organisation online now, by name, a page at a time */
    get: operations['PeopleController_online'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change your display name or status text */
    patch: operations['PeopleController_updateMe'];
    trace?: never;
  };
  '/api/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A person of your organisation: name, role, status, last seen */
    get: operations['PeopleController_profile'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Deactivate a person (admins): no sign-in, sessions ended now; messages stay */
    post: operations['PeopleAdminController_deactivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/reactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Let a deactivated person sign in again (admins) */
    post: operations['PeopleAdminController_reactivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_check'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your conversations, most recent activity first */
    get: operations['ConversationsController_list'];
    put?: never;
    /** Open a direct conversation (the existing one if any: 200) or create a group (201) */
    post: operations['ConversationsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ConversationsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename a group */
    patch: operations['ConversationsController_rename'];
    trace?: never;
  };
  '/api/conversations/{id}/membership': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Your own state of a conversation: mute it, archive it */
    put: operations['ConversationsController_updateMembership'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A conversation's members by name, a page at a time */
    get: operations['ConversationsController_members'];
    put?: never;
    /** Add people of your organisation to a group */
    post: operations['ConversationsController_addMembers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/members/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Leave a group (yourself) or remove someone (group creator or admin) */
    delete: operations['ConversationsController_removeMember'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A page of history (latest by default), ascending seq */
    get: operations['MessagesController_list'];
    put?: never;
    /** Send a message; the same clientMessageId again returns the same message */
    post: operations['MessagesController_send'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/messages/{messageId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a message for everyone (sender, or an admin) */
    delete: operations['MessagesController_remove'];
    options?: never;
    head?: never;
    /** Edit your message */
    patch: operations['MessagesController_edit'];
    trace?: never;
  };
  '/api/conversations/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark read up to a seq; the watermark only moves forward */
    post: operations['MessagesController_markRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/messages/{messageId}/reactions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** React with an emoji (again: no change); members hear message:updated */
    post: operations['MessageStateController_react'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/messages/{messageId}/reactions/{emoji}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Take your reaction back (none: no change); the emoji URL-encoded */
    delete: operations['MessageStateController_unreact'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/messages/{messageId}/pin': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Pin a message for every member */
    put: operations['MessageStateController_pin'];
    post?: never;
    /** Unpin a message */
    delete: operations['MessageStateController_unpin'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/pins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The pinned messages, latest pin first */
    get: operations['MessageStateController_pins'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/attachments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload a file to send in this conversation (then name it in attachmentIds) */
    post: operations['AttachmentsController_upload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/attachments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An attachment of a conversation you are a member of */
    get: operations['AttachmentsController_view'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/attachments/{id}/content': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The file: images inline, anything else as a download */
    get: operations['AttachmentsController_content'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/attachments/{id}/thumbnail': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An image's thumbnail (WebP) */
    get: operations['AttachmentsController_thumbnail'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/attachments/{id}/link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A short-lived URL for the file or its thumbnail, usable without the token */
    get: operations['AttachmentsController_link'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/files/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A download by link (see attachments/:id/link) */
    get: operations['AttachmentsController_byLink'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/storage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The organisation's file storage: used and quota, in bytes */
    get: operations['StorageController_usage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/search/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search the messages of your conversations, best match first */
    get: operations['SearchController_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your notifications, newest first, with your unread count */
    get: operations['NotificationsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark all your notifications read */
    post: operations['NotificationsController_readAll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark one of your notifications read */
    post: operations['NotificationsController_read'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/settings/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your notification preferences, quiet hours and digest */
    get: operations['NotificationSettingsController_get'];
    /** Save your notification settings (every type present) */
    put: operations['NotificationSettingsController_put'];
    /** The same as PUT (the name the seed uses) */
    post: operations['NotificationSettingsController_post'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/announcements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Announce to everyone in your organisation, or to the members of some groups */
    post: operations['AnnouncementsController_announce'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reminders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Reminders you set or that are set for you: upcoming ones soonest first by default */
    get: operations['RemindersController_list'];
    put?: never;
    /** Set a reminder: notifies its targets at remindAt (the userIds, else the conversation members, else you) */
    post: operations['RemindersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reminders/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Cancel a scheduled reminder (who set it, or an admin) */
    delete: operations['RemindersController_cancel'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/alerts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send an urgent alert: in-app, browser and email at once, whatever quiet hours say; those who do not answer are notified again */
    post: operations['AlertsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/alerts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An alert with every answer (its sender, admins and its recipients) */
    get: operations['AlertsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/alerts/{id}/ack': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Answer an alert you received (answering again replaces the answer); the sender sees it live */
    post: operations['AlertsController_acknowledge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/conversations/{id}/draft': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your unsent text of this conversation (saved from any device) */
    get: operations['DraftsController_get'];
    /** Save your unsent text of this conversation; blank removes it */
    put: operations['DraftsController_save'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    JobCountsDto: {
      waiting: number;
      active: number;
      delayed: number;
      completed: number;
      failed: number;
    };
    QueueStatsDto: {
      /** @enum {string} */
      name: 'notifications' | 'emails' | 'reminders' | 'alerts' | 'maintenance';
      paused: boolean;
      counts: components['schemas']['JobCountsDto'];
      completedLastMinute: number;
      failedLastMinute: number;
      /** @description Null when none waits */
      oldestWaitingMs: number | null;
    };
    QueueStatsResponseDto: {
      queues: components['schemas']['QueueStatsDto'][];
      /**
       * @description tenant: your organisation's jobs; platform: every organisation's (operators)
       * @enum {string}
       */
      scope: 'tenant' | 'platform';
    };
    JobViewDto: {
      id: string;
      /** @enum {string} */
      queue: 'notifications' | 'emails' | 'reminders' | 'alerts' | 'maintenance';
      name: string;
      /** @enum {string} */
      state: 'waiting' | 'active' | 'delayed' | 'completed' | 'failed';
      data: {
        [key: string]: unknown;
      };
      attemptsMade: number;
      maxAttempts: number;
      failedReason: string | null;
      /** @description Failed for good: attempts exhausted or unrecoverable */
      deadLetter: boolean;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      processedAt: string | null;
      /** Format: date-time */
      finishedAt: string | null;
    };
    JobListResponseDto: {
      items: components['schemas']['JobViewDto'][];
    };
    RetryFailedResponseDto: {
      retried: number;
    };
    ProbeJobDto: {
      /** @description Free text, to find the probe again */
      label?: string;
      /** @description Fail this many attempts first */
      failTimes?: number;
      /** @description Fail at once, without retry (a poison job) */
      unrecoverable?: boolean;
      /** @description Work this long (ms) before answering */
      sleepMs?: number;
      /** @description Wait this long (ms) before running */
      delayMs?: number;
      /**
       * @description Attempts before it becomes a dead letter
       * @default 5
       */
      attempts?: number;
    };
    LoginDto: {
      /**
       * @description The organisation's slug
       * @example demo
       */
      tenant: string;
      /** @example alice@demo.test */
      email: string;
      /** @example demo1234 */
      password: string;
    };
    AuthUserDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      tenantId: string;
      email: string;
      displayName: string;
      /** @enum {string} */
      role: 'admin' | 'member';
      /** @enum {string} */
      locale: 'fr' | 'en';
    };
    LoginResponseDto: {
      /** @description JWT, short-lived; send as `Authorization: Bearer` */
      accessToken: string;
      /** @description Opaque, single use: each refresh returns a new one */
      refreshToken: string;
      user: components['schemas']['AuthUserDto'];
    };
    RefreshDto: {
      refreshToken: string;
    };
    TokenPairDto: {
      /** @description JWT, short-lived; send as `Authorization: Bearer` */
      accessToken: string;
      /** @description Opaque, single use: each refresh returns a new one */
      refreshToken: string;
    };
    UpdateMeDto: {
      /** @enum {string} */
      locale?: 'fr' | 'en';
      displayName?: string;
    };
    UserSummaryDto: {
      /** Format: uuid */
      id: string;
      email: string;
      displayName: string;
      /** @enum {string} */
      role: 'admin' | 'member';
      /** @description Has at least one open connection */
      online: boolean;
      /**
       * Format: date-time
       * @description When their last connection closed
       */
      lastSeenAt: string | null;
      statusText: string | null;
      /** @description False once an admin deactivated them */
      active: boolean;
    };
    UserPageDto: {
      items: components['schemas']['UserSummaryDto'][];
      nextCursor: string | null;
    };
    UpdateProfileDto: {
      displayName?: string;
      /** @description What others see beside your name; '' clears it */
      statusText?: string;
    };
    CreateUserDto: {
      /** @example erin@demo.test */
      email: string;
      /** @example Erin Lefèvre */
      displayName: string;
      password: string;
      /**
       * @default member
       * @enum {string}
       */
      role?: 'admin' | 'member';
      /**
       * @default fr
       * @enum {string}
       */
      locale?: 'fr' | 'en';
    };
    HealthStatusDto: {
      /** @enum {string} */
      status: 'ok' | 'error';
      /** @enum {string} */
      database: 'up' | 'down';
      /** @enum {string} */
      redis: 'up' | 'down';
      /** @example noeviction */
      redisEvictionPolicy: string | null;
      /** @description Up, but at risk (e.g. Redis may evict jobs) */
      warnings: string[];
    };
    MemberViewDto: {
      /** Format: uuid */
      id: string;
      displayName: string;
      /** @description Read watermark: every message with seq <= this is read */
      lastReadSeq: number;
      /** @description The conversation's last seq when they joined */
      joinedAfterSeq: number;
    };
    FormerMemberViewDto: {
      /** Format: uuid */
      id: string;
      displayName: string;
      /** @description Read watermark: every message with seq <= this is read */
      lastReadSeq: number;
      /** @description The conversation's last seq when they joined */
      joinedAfterSeq: number;
      /** @description The conversation's last seq when they left */
      leftAtSeq: number;
    };
    ReplyQuoteDto: {
      /** Format: uuid */
      id: string;
      seq: number;
      /** Format: uuid */
      senderId: string;
      /** @description The start of the original's body; empty once deleted */
      excerpt: string;
      deleted: boolean;
    };
    AttachmentViewDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      conversationId: string;
      /** @description Sanitised file name */
      name: string;
      /** @description The type found in the bytes */
      contentType: string;
      /** @description Bytes */
      size: number;
      /** @enum {string} */
      kind: 'image' | 'file';
      width: number | null;
      height: number | null;
    };
    MessageViewDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      conversationId: string;
      /** @description Gap-free, strictly increasing within the conversation */
      seq: number;
      /** @description The conversation's change number of this version (higher is later) */
      changeSeq: number;
      /** Format: uuid */
      senderId: string;
      /** @description Empty once deleted */
      body: string;
      clientMessageId: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      editedAt: string | null;
      /** Format: date-time */
      deletedAt: string | null;
      /** @description The message this one answers, as it is now */
      replyTo?: components['schemas']['ReplyQuoteDto'] | null;
      /** @description Files sent with it */
      attachments?: components['schemas']['AttachmentViewDto'][];
    };
    ConversationViewDto: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'direct' | 'group';
      title: string | null;
      /** @description Every member, or the first 200 by name (see memberCount) */
      members: components['schemas']['MemberViewDto'][];
      /** @description How many members the conversation has */
      memberCount: number;
      formerMembers: components['schemas']['FormerMemberViewDto'][];
      lastMessage: components['schemas']['MessageViewDto'] | null;
      lastSeq: number;
      /** @description The caller's read watermark */
      lastReadSeq: number;
      unreadCount: number;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      createdBy: string | null;
      /** @description You muted it */
      muted: boolean;
      /** @description You archived it */
      archived: boolean;
    };
    ConversationPageDto: {
      items: components['schemas']['ConversationViewDto'][];
      nextCursor: string | null;
    };
    CreateConversationDto: {
      /** @enum {string} */
      kind: 'direct' | 'group';
      /** @description Required for groups */
      title?: string;
      /** @description The other people: exactly one for direct, one or more for a group */
      memberIds: string[];
    };
    UpdateConversationDto: {
      title: string;
    };
    MembershipUpdateDto: {
      /** @description No notifications but mentions and alerts */
      muted?: boolean;
      /** @description Hidden from the list until a new message arrives */
      archived?: boolean;
    };
    MemberPageDto: {
      items: components['schemas']['MemberViewDto'][];
      nextCursor: string | null;
    };
    AddMembersDto: {
      userIds: string[];
    };
    MessagePageDto: {
      /** @description Ascending seq */
      items: components['schemas']['MessageViewDto'][];
      hasMore: boolean;
      /** @description The conversation's latest change number when the page was read */
      lastChange: number;
    };
    SendMessageDto: {
      /** @description Plain text; never rendered as HTML */
      body: string;
      /** @description Generated by the client; a retry with the same id returns the same message */
      clientMessageId: string;
      /**
       * Format: uuid
       * @description The message this one answers
       */
      replyToId?: string;
      /** @description Your uploads to this conversation (POST .../attachments), not sent yet */
      attachmentIds?: string[];
    };
    EditMessageDto: {
      /** @description Plain text; never rendered as HTML */
      body: string;
    };
    MarkReadDto: {
      /** @description Everything up to this seq is read */
      seq: number;
    };
    ReadUpdateDto: {
      /** Format: uuid */
      conversationId: string;
      /** Format: uuid */
      userId: string;
      /** @description The read watermark after the call */
      seq: number;
    };
    ReactionDto: {
      /** @example 👍 */
      emoji: string;
    };
    UploadDto: {
      /** Format: binary */
      file: string;
    };
    AttachmentLinkDto: {
      /** @description Works without a token until expiresAt */
      url: string;
      expiresAt: string;
    };
    TenantStorageViewDto: {
      /** @description Bytes the organisation's attachments take (originals) */
      usedBytes: number;
      /** @description FILES_TENANT_QUOTA: uploads past it are refused */
      quotaBytes: number;
    };
    SearchConversationDto: {
      /** Format: uuid */
      id: string;
      title: string | null;
      /** @enum {string} */
      kind: 'direct' | 'group';
      /** @description A direct conversation's other member */
      otherName: string | null;
    };
    SearchHitDto: {
      message: components['schemas']['MessageViewDto'];
      conversation: components['schemas']['SearchConversationDto'];
      senderName: string;
      /** @description The body with matched words between « and » (plain text, not HTML) */
      highlight: string;
    };
    SearchPageDto: {
      items: components['schemas']['SearchHitDto'][];
      nextCursor: string | null;
    };
    NotificationViewDto: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      type: 'message' | 'mention' | 'reminder' | 'fmpa' | 'alert' | 'system';
      title: string;
      body: string;
      data: {
        [key: string]: unknown;
      };
      actionUrl: string | null;
      /** Format: date-time */
      readAt: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    NotificationPageDto: {
      items: components['schemas']['NotificationViewDto'][];
      nextCursor: string | null;
      /** @description All unread notifications, not only this page’s */
      unreadCount: number;
    };
    ReadAllResponseDto: {
      /** @description The notifications this marked read */
      ids: string[];
    };
    ChannelPreferenceDto: {
      inApp: boolean;
      email: boolean;
    };
    TypePreferencesDto: {
      message: components['schemas']['ChannelPreferenceDto'];
      mention: components['schemas']['ChannelPreferenceDto'];
      reminder: components['schemas']['ChannelPreferenceDto'];
      fmpa: components['schemas']['ChannelPreferenceDto'];
      /** @description Urgent alerts cannot be switched off: stored as on, whatever sent */
      alert: components['schemas']['ChannelPreferenceDto'];
      system: components['schemas']['ChannelPreferenceDto'];
    };
    QuietHoursDto: {
      enabled: boolean;
      /** @example 22:00 */
      start: string;
      /** @example 07:00 */
      end: string;
      /**
       * @description An IANA time zone
       * @example Europe/Paris
       */
      timeZone: string;
    };
    NotificationSettingsDto: {
      types: components['schemas']['TypePreferencesDto'];
      quietHours: components['schemas']['QuietHoursDto'];
      /** @enum {string} */
      emailDigest: 'off' | 'hourly' | 'daily';
    };
    AnnouncementDto: {
      title: string;
      body: string;
      /** @description Only the members of these groups; everyone in your organisation when absent */
      conversationIds?: string[];
    };
    AnnouncementResponseDto: {
      /** Format: uuid */
      announcementId: string;
      /** @description How many people it goes to */
      recipients: number;
    };
    CreateReminderDto: {
      /**
       * Format: date-time
       * @description When it fires: in the future, within a year, with its offset
       */
      remindAt: string;
      title: string;
      body: string;
      /**
       * @description `fmpa`: a training session
       * @enum {string}
       */
      type: 'reminder' | 'fmpa';
      /** @description Who is reminded (people of your organisation); the default is the conversation */
      userIds?: string[];
      /**
       * Format: uuid
       * @description A conversation you are a member of: its members are reminded (unless userIds says who), and the reminder opens it
       */
      conversationId?: string;
    };
    ReminderViewDto: {
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      remindAt: string;
      title: string;
      body: string;
      /** @enum {string} */
      type: 'reminder' | 'fmpa';
      /** @description Who is reminded */
      userIds: string[];
      /** Format: uuid */
      conversationId: string | null;
      /** Format: uuid */
      createdBy: string;
      /** @enum {string} */
      status: 'scheduled' | 'sent' | 'cancelled';
      /** Format: date-time */
      createdAt: string;
    };
    ReminderPageDto: {
      items: components['schemas']['ReminderViewDto'][];
      nextCursor: string | null;
    };
    CreateAlertDto: {
      title: string;
      body: string;
      /**
       * Format: uuid
       * @description Alert the members of this conversation (you are a member; an admin, or the creator of the group)
       */
      conversationId?: string;
      /** @description Or alert these people of your organisation (admins only) */
      userIds?: string[];
    };
    AlertRecipientViewDto: {
      /** Format: uuid */
      userId: string;
      displayName: string;
      /** @enum {string|null} */
      response: 'received' | 'available' | 'unavailable' | null;
      /** Format: date-time */
      respondedAt: string | null;
      /** @description Times they were notified, the first included */
      notifiedCount: number;
    };
    AlertViewDto: {
      /** Format: uuid */
      id: string;
      title: string;
      body: string;
      /** Format: uuid */
      senderId: string;
      /** Format: uuid */
      conversationId: string | null;
      /** Format: date-time */
      createdAt: string;
      recipients: components['schemas']['AlertRecipientViewDto'][];
    };
    AlertAckDto: {
      /** @enum {string} */
      response: 'received' | 'available' | 'unavailable';
    };
    AlertAckUpdateDto: {
      /** Format: uuid */
      alertId: string;
      /** Format: uuid */
      userId: string;
      /** @enum {string} */
      response: 'received' | 'available' | 'unavailable';
      /** Format: date-time */
      respondedAt: string;
    };
    DraftViewDto: {
      /** Format: uuid */
      conversationId: string;
      /** @description '' when there is none */
      body: string;
      updatedAt: string | null;
    };
    SaveDraftDto: {
      /** @description The unsent text, bounded as a message body; blank removes the draft */
      body: string;
    };
    ApiError: {
      statusCode: number;
      error: string;
      message: string | string[];
      /** @description One of validation_failed, bad_request, invalid_payload, payload_too_large, unsupported_media_type, unauthorized, forbidden, not_found, conflict, rate_limited, unavailable, internal, or a feature's own (FileErrorCode) */
      code: string;
      fields?: {
        [key: string]: string[];
      };
      retryAfterSeconds?: number;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  QueueAdminController_queueStats: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QueueStatsResponseDto'];
        };
      };
      /** @description Admins only */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  QueueAdminController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description All states when absent; failed = dead letters */
        state?: 'waiting' | 'active' | 'delayed' | 'completed' | 'failed';
        /** @description A job id, or a value found in the job data (ignoring case) */
        q?: string;
      };
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobListResponseDto'];
        };
      };
      /** @description Admins only */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description No such queue */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  QueueAdminController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
        jobId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobViewDto'];
        };
      };
      /** @description Admins only */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description No such queue, or no such job in your organisation */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  QueueAdminController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
        jobId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Admins only */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description No such queue, or no such job in your organisation */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description The job is running */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  QueueAdminController_retry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
        jobId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobViewDto'];
        };
      };
      /** @description Admins only */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description No such queue, or no such job in your organisation */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description The job has not failed */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  QueueAdminController_retryFailed: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RetryFailedResponseDto'];
        };
      };
      /** @description Admins only */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description No such queue */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  QueueAdminController_pause: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Paused */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Admins only */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description No such queue */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  QueueAdminController_resume: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Resumed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Admins only */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description No such queue */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  QueueAdminController_probe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProbeJobDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobViewDto'];
        };
      };
      /** @description Admins only */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AuthController_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoginResponseDto'];
        };
      };
      /** @description Wrong organisation, email or password (one answer for all three) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description Too many failed attempts from this IP or for this account */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AuthController_refresh: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefreshDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenPairDto'];
        };
      };
      /** @description Unknown, expired or already used refresh token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AuthController_logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefreshDto'];
      };
    };
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AuthController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthUserDto'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AuthController_updateMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateMeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthUserDto'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PeopleController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description A previous page's nextCursor */
        cursor?: string;
        /** @description Matches name or email, ignoring case and accents */
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserPageDto'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PeopleController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserSummaryDto'];
        };
      };
      /** @description Admins only */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description That email is already used in your organisation */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PeopleController_online: {
    parameters: {
      query?: {
        limit?: number;
        /** @description A previous page's nextCursor */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserPageDto'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PeopleController_updateMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateProfileDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserSummaryDto'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PeopleController_profile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserSummaryDto'];
        };
      };
      /** @description Unknown, or of another organisation */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PeopleAdminController_deactivate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserSummaryDto'];
        };
      };
      /** @description Admins only */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description Unknown, or of another organisation */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description Admins cannot deactivate themselves */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  PeopleAdminController_reactivate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserSummaryDto'];
        };
      };
      /** @description Admins only */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description Unknown, or of another organisation */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  HealthController_check: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Database and Redis both answer */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthStatusDto'];
        };
      };
      /** @description Names what is down */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  ConversationsController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description A previous page's nextCursor */
        cursor?: string;
        /** @description Matches the title or a member name, ignoring case and accents */
        q?: string;
        /** @description true: only your archived conversations (default: the others) */
        archived?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConversationPageDto'];
        };
      };
      /** @description Unknown, of another organisation, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  ConversationsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateConversationDto'];
      };
    };
    responses: {
      /** @description The direct conversation with that person already existed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConversationViewDto'];
        };
      };
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConversationViewDto'];
        };
      };
      /** @description Unknown, of another organisation, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  ConversationsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConversationViewDto'];
        };
      };
      /** @description Unknown, of another organisation, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  ConversationsController_rename: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateConversationDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConversationViewDto'];
        };
      };
      /** @description Unknown, of another organisation, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  ConversationsController_updateMembership: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MembershipUpdateDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConversationViewDto'];
        };
      };
      /** @description Unknown, of another organisation, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  ConversationsController_members: {
    parameters: {
      query?: {
        limit?: number;
        /** @description A previous page's nextCursor */
        cursor?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberPageDto'];
        };
      };
      /** @description Unknown, of another organisation, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  ConversationsController_addMembers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddMembersDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConversationViewDto'];
        };
      };
      /** @description Unknown, of another organisation, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  ConversationsController_removeMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Unknown, of another organisation, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  MessagesController_list: {
    parameters: {
      query?: {
        /** @description Older page: messages with seq < before */
        before?: number;
        /** @description Catch-up: messages with seq > after */
        after?: number;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessagePageDto'];
        };
      };
      /** @description Unknown conversation or message, of another organisation, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  MessagesController_send: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SendMessageDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageViewDto'];
        };
      };
      /** @description Unknown conversation or message, of another organisation, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description clientMessageId already used for a different message */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description Sending too fast */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  MessagesController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        messageId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageViewDto'];
        };
      };
      /** @description Unknown conversation or message, of another organisation, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  MessagesController_edit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        messageId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EditMessageDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageViewDto'];
        };
      };
      /** @description Unknown conversation or message, of another organisation, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  MessagesController_markRead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MarkReadDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReadUpdateDto'];
        };
      };
      /** @description Unknown conversation or message, of another organisation, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  MessageStateController_react: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        messageId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReactionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageViewDto'];
        };
      };
      /** @description Unknown conversation or message, of another organisation, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description The message was deleted, or has too many reactions */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  MessageStateController_unreact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        messageId: string;
        emoji: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageViewDto'];
        };
      };
      /** @description Unknown conversation or message, of another organisation, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  MessageStateController_pin: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        messageId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageViewDto'];
        };
      };
      /** @description Unknown conversation or message, of another organisation, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  MessageStateController_unpin: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        messageId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageViewDto'];
        };
      };
      /** @description Unknown conversation or message, of another organisation, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  MessageStateController_pins: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageViewDto'][];
        };
      };
      /** @description Unknown conversation or message, of another organisation, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AttachmentsController_upload: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': components['schemas']['UploadDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AttachmentViewDto'];
        };
      };
      /** @description Unknown attachment or conversation, of another organisation, or not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description Larger than FILES_MAX_BYTES (file_too_large), past the tenant quota (storage_quota_exceeded), or an image too large to decode (image_too_large) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description A program or script (executable_refused), a type not allowed (type_refused), content that does not match its declared type (type_mismatch), an unreadable image */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description Uploading too fast (FILES_UPLOAD_LIMIT), or too many uploads at once (uploads_busy) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AttachmentsController_view: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AttachmentViewDto'];
        };
      };
      /** @description Unknown attachment or conversation, of another organisation, or not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AttachmentsController_content: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Unknown attachment or conversation, of another organisation, or not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AttachmentsController_thumbnail: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Unknown attachment or conversation, of another organisation, or not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AttachmentsController_link: {
    parameters: {
      query?: {
        variant?: 'original' | 'thumbnail';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AttachmentLinkDto'];
        };
      };
      /** @description Unknown attachment or conversation, of another organisation, or not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AttachmentsController_byLink: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Unknown attachment or conversation, of another organisation, or not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  StorageController_usage: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TenantStorageViewDto'];
        };
      };
      /** @description Admins only */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  SearchController_search: {
    parameters: {
      query: {
        limit?: number;
        /** @description A previous page's nextCursor */
        cursor?: string;
        /** @description Words to find (at most 12, each of at most 40 characters; `or` between two means either); accents and case are ignored, French stemming applies */
        q: string;
        /** @description Only this conversation */
        conversationId?: string;
        /** @description Only messages of this person */
        senderId?: string;
        /** @description Only messages sent at or after this instant (RFC 3339; a date alone is its midnight UTC) */
        since?: string;
        /** @description Only messages sent before this instant (RFC 3339; a date alone is its midnight UTC) */
        until?: string;
        /** @description true: only messages with files */
        hasFile?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SearchPageDto'];
        };
      };
      /** @description Too many searches at once (of this user, tenant or instance); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description The search took too long and was stopped */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  NotificationsController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description A previous page's nextCursor */
        cursor?: string;
        /** @description Only the unread ones */
        unread?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPageDto'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  NotificationsController_readAll: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReadAllResponseDto'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  NotificationsController_read: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationViewDto'];
        };
      };
      /** @description You have no such notification */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  NotificationSettingsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationSettingsDto'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  NotificationSettingsController_put: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NotificationSettingsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationSettingsDto'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  NotificationSettingsController_post: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NotificationSettingsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationSettingsDto'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AnnouncementsController_announce: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AnnouncementDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnnouncementResponseDto'];
        };
      };
      /** @description Admins only */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description One of the groups does not exist in your organisation */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description Past ANNOUNCEMENT_LIMIT_PER_USER for you, or ANNOUNCEMENT_LIMIT_PER_TENANT for your organisation */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  RemindersController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description A previous page's nextCursor */
        cursor?: string;
        status?: 'scheduled' | 'sent' | 'cancelled';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReminderPageDto'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  RemindersController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateReminderDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReminderViewDto'];
        };
      };
      /** @description A conversation you are not a member of, or a person not of your organisation */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description Past REMINDER_LIMIT_PER_USER for you, or REMINDER_LIMIT_PER_TENANT for your organisation */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  RemindersController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Cancelled (or it already was) */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Set for you by someone else: only they or an admin can cancel it */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description Unknown, of another organisation, or not yours to see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description It was already sent */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AlertsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateAlertDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AlertViewDto'];
        };
      };
      /** @description Not an admin nor the creator of the group (people by name: admins only) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description A conversation you are not a member of, or a person not of your organisation */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description Past ALERT_LIMIT_PER_USER for you, or ALERT_LIMIT_PER_TENANT for your organisation */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AlertsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AlertViewDto'];
        };
      };
      /** @description Unknown, of another organisation, or not yours to see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  AlertsController_acknowledge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AlertAckDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AlertAckUpdateDto'];
        };
      };
      /** @description You sent it (or are an admin) but were not alerted */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description Unknown, of another organisation, or not sent to you */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  DraftsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DraftViewDto'];
        };
      };
      /** @description Unknown, of another organisation, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
  DraftsController_save: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SaveDraftDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DraftViewDto'];
        };
      };
      /** @description Unknown, of another organisation, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
      /** @description An error (ApiError) */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiError'];
        };
      };
    };
  };
}
