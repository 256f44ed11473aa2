import {
  Get,
  Controller,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import contentDisposition from 'content-disposition';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { Public } from '../common/public.decorator';
import { CanonicalUuidPipe } from '../common/canonical-uuid.pipe';
import { AttachmentsService, type OpenedFile } from './attachments.service';
import { UploadRateGuard } from './upload-rate.guard';
import { UploadSlotsGuard } from './upload-slots';
import { AttachmentLinkDto, AttachmentLinkQueryDto, AttachmentViewDto, UploadDto } from './dto';

@ApiTags('attachments')
@ApiBearerAuth()
@ApiNotFoundResponse({
  description: 'Unknown attachment or conversation, of another organisation, or not a member',
})
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post('conversations/:id/attachments')
  // Slots first: an upload told to wait is not counted against the rate.
  @UseGuards(UploadSlotsGuard, UploadRateGuard)
  @ApiOperation({
    summary: 'Upload a file to send in this conversation (then name it in attachmentIds)',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadDto })
  @ApiCreatedResponse({ type: AttachmentViewDto })
  @ApiPayloadTooLargeResponse({
    description:
      'Larger than FILES_MAX_BYTES (file_too_large), past the tenant quota ' +
      '(storage_quota_exceeded), or an image too large to decode (image_too_large)',
  })
  @ApiTooManyRequestsResponse({
    description:
      'Uploading too fast (FILES_UPLOAD_LIMIT), or too many uploads at once (uploads_busy)',
  })
  @ApiUnsupportedMediaTypeResponse({
    description:
      'A program or script (executable_refused), a type not allowed (type_refused), content ' +
      'that does not match its declared type (type_mismatch), an unreadable image',
  })
  upload(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', CanonicalUuidPipe) conversationId: string,
    @Req() req: Request,
  ) {
    return this.attachments.upload(caller, conversationId, req);
  }

  @Get('attachments/:id')
  @ApiOperation({ summary: 'An attachment of a conversation you are a member of' })
  @ApiOkResponse({ type: AttachmentViewDto })
  view(@CurrentUser() caller: AuthenticatedUser, @Param('id', CanonicalUuidPipe) id: string) {
    return this.attachments.view(caller, id);
  }

  @Get('attachments/:id/content')
  @ApiOperation({ summary: 'The file: images inline, anything else as a download' })
  @ApiProduces('application/octet-stream')
  async content(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', CanonicalUuidPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(res, await this.attachments.open(caller, id, 'original'));
  }

  @Get('attachments/:id/thumbnail')
  @ApiOperation({ summary: "An image's thumbnail (WebP)" })
  @ApiProduces('image/webp')
  async thumbnail(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', CanonicalUuidPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(res, await this.attachments.open(caller, id, 'thumbnail'));
  }

  @Get('attachments/:id/link')
  @ApiOperation({
    summary: 'A short-lived URL for the file or its thumbnail, usable without the token',
  })
  @ApiOkResponse({ type: AttachmentLinkDto })
  link(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', CanonicalUuidPipe) id: string,
    @Query() query: AttachmentLinkQueryDto,
  ) {
    return this.attachments.link(caller, id, query.variant ?? 'original');
  }

  @Public()
  @Get('files/:token')
  @ApiOperation({ summary: 'A download by link (see attachments/:id/link)' })
  @ApiProduces('application/octet-stream')
  async byLink(@Param('token') token: string, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.attachments.openByLink(token));
  }
}

/**
 * The bytes with headers that keep a browser from reading them as anything else: the stored
 * (detected) type under nosniff, and a disposition with the sanitised name (RFC 6266, with the
 * RFC 5987 `filename*` for names beyond ASCII).
 */
function send(res: Response, file: OpenedFile): StreamableFile {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, max-age=300');
  return new StreamableFile(file.stream, {
    type: file.contentType,
    length: file.length,
    disposition: contentDisposition(file.name, {
      type: file.inline ? 'inline' : 'attachment',
      fallback: asciiFallback(file.name),
    }),
  });
}

/**
 * The plain `filename` for old clients: accents dropped, anything else beyond printable ASCII
 * replaced. Whenever it differs from the name, `filename*` carries the real one.
 */
function asciiFallback(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
}
