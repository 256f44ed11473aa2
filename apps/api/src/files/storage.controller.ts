import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '../common/admin-only.decorator';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { AttachmentsService } from './attachments.service';
import { TenantStorageViewDto } from './dto';

/** What the organisation's files take against its quota, for its admins. */
@ApiTags('attachments')
@ApiBearerAuth()
@AdminOnly()
@Controller('admin/storage')
export class StorageController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get()
  @ApiOperation({ summary: "The organisation's file storage: used and quota, in bytes" })
  @ApiOkResponse({ type: TenantStorageViewDto })
  usage(@CurrentUser() caller: AuthenticatedUser) {
    return this.attachments.storageUsage(caller);
  }
}
