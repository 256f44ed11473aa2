import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnly } from '../common/admin-only.decorator';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { CanonicalUuidPipe } from '../common/canonical-uuid.pipe';
import { UserSummaryDto } from './dto/people.dto';
import { PeopleAdminService } from './people-admin.service';

@ApiTags('users')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'Unknown, or of another organisation' })
@Controller('users/:id')
export class PeopleAdminController {
  constructor(private readonly admin: PeopleAdminService) {}

  @Post('deactivate')
  @AdminOnly()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Deactivate a person (admins): no sign-in, sessions ended now; messages stay',
  })
  @ApiOkResponse({ type: UserSummaryDto })
  @ApiConflictResponse({ description: 'Admins cannot deactivate themselves' })
  deactivate(@CurrentUser() caller: AuthenticatedUser, @Param('id', CanonicalUuidPipe) id: string) {
    return this.admin.deactivate(caller, id);
  }

  @Post('reactivate')
  @AdminOnly()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Let a deactivated person sign in again (admins)' })
  @ApiOkResponse({ type: UserSummaryDto })
  reactivate(@CurrentUser() caller: AuthenticatedUser, @Param('id', CanonicalUuidPipe) id: string) {
    return this.admin.reactivate(caller, id);
  }
}
