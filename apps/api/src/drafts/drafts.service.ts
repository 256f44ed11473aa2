import type { DraftView } from '@mindsp/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { isBlank } from '../common/validators';
import { TenantDatabase } from '../database/tenant-database';
import { DraftsRepository, type DraftKey, type DraftRow } from './drafts.repository';

function toDraftView(conversationId: string, row: DraftRow | null): DraftView {
  return {
    conversationId,
    body: row?.body ?? '',
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** A member's unsent text of a conversation, the same on each of their devices. */
@Injectable()
export class DraftsService {
  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly drafts: DraftsRepository,
  ) {}

  get(caller: AuthenticatedUser, conversationId: string): Promise<DraftView> {
    return this.asMember(caller, conversationId, async (tx, key) =>
      toDraftView(conversationId, await this.drafts.find(tx, key)),
    );
  }

  /**
   * A blank body (nothing visible: spaces, zero-width characters) removes the draft: nothing is
   * kept for a composer the user emptied.
   */
  save(caller: AuthenticatedUser, conversationId: string, body: string): Promise<DraftView> {
    return this.asMember(caller, conversationId, async (tx, key) => {
      if (isBlank(body)) {
        await this.drafts.remove(tx, key);
        return toDraftView(conversationId, null);
      }
      return toDraftView(conversationId, await this.drafts.save(tx, key, body));
    });
  }

  /** 404 for a conversation the caller is not in, of their tenant or another, as for any read. */
  private asMember<T>(
    caller: AuthenticatedUser,
    conversationId: string,
    work: (tx: EntityManager, key: DraftKey) => Promise<T>,
  ): Promise<T> {
    const key = { tenantId: caller.tenantId, conversationId, userId: caller.id };
    return this.tenantDb.transaction(caller.tenantId, async (tx) => {
      if (!(await this.drafts.isMember(tx, key)))
        throw new NotFoundException('Conversation not found');
      return work(tx, key);
    });
  }
}
