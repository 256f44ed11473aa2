import { MESSAGING_LIMITS, type DraftView, type SaveDraftRequest } from '@mindsp/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { PlainText } from '../../common/validators';

export class SaveDraftDto implements SaveDraftRequest {
  @ApiProperty({
    maxLength: MESSAGING_LIMITS.bodyMaxLength,
    description: 'The unsent text, bounded as a message body; blank removes the draft',
  })
  @PlainText({ max: MESSAGING_LIMITS.bodyMaxLength, multiline: true, allowBlank: true })
  body!: string;
}

export class DraftViewDto implements DraftView {
  @ApiProperty({ format: 'uuid' }) conversationId!: string;
  @ApiProperty({ description: "'' when there is none" }) body!: string;
  @ApiProperty({ type: String, nullable: true }) updatedAt!: string | null;
}
