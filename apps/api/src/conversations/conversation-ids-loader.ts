import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '../database/tenant-database';
import { ConversationMembersRepository } from './conversation-members.repository';

interface Waiting {
  userIds: Set<string>;
  resolvers: Map<string, { resolve: (ids: string[]) => void; reject: (error: unknown) => void }[]>;
}

/**
 * Loads the conversation ids of users whose cache entry is missing, one query per tenant for all
 * the handshakes of the same moment: after a restart or a cache loss, 1,000 sockets arriving at
 * once cost a handful of queries, not 1,000 (and not 1,000 pool checkouts queued behind each other).
 */
@Injectable()
export class ConversationIdsLoader {
  private readonly waiting = new Map<string, Waiting>();

  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly members: ConversationMembersRepository,
  ) {}

  load(tenantId: string, userId: string): Promise<string[]> {
    let batch = this.waiting.get(tenantId);
    if (!batch) {
      batch = { userIds: new Set(), resolvers: new Map() };
      this.waiting.set(tenantId, batch);
      // Whatever joins before the next turn of the event loop goes in the same query.
      setImmediate(() => void this.run(tenantId));
    }
    batch.userIds.add(userId);
    return new Promise((resolve, reject) => {
      const list = batch.resolvers.get(userId) ?? [];
      list.push({ resolve, reject });
      batch.resolvers.set(userId, list);
    });
  }

  private async run(tenantId: string) {
    const batch = this.waiting.get(tenantId)!;
    this.waiting.delete(tenantId);
    try {
      const byUser = await this.tenantDb.transaction(tenantId, (tx) =>
        this.members.conversationIdsOfUsers(tx, [...batch.userIds]),
      );
      for (const [userId, list] of batch.resolvers) {
        for (const { resolve } of list) resolve(byUser.get(userId) ?? []);
      }
    } catch (error) {
      for (const list of batch.resolvers.values()) for (const { reject } of list) reject(error);
    }
  }
}
