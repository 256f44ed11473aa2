import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';
import { FILE_STORAGE, type FileStorage } from './file-storage';
import { StorageController } from './storage.controller';
import { storageFor } from './storage-driver';
import { ImageReader } from './thumbnails';
import { UploadRateGuard } from './upload-rate.guard';
import { UploadSlotsGuard } from './upload-slots';

/**
 * Files attached to messages: upload (streamed to storage, checked as it comes), thumbnails (off
 * the event loop, bounded), storage and the tenant's quota, downloads by members only.
 */
@Module({
  controllers: [AttachmentsController, StorageController],
  providers: [
    AttachmentsRepository,
    AttachmentsService,
    ImageReader,
    UploadRateGuard,
    UploadSlotsGuard,
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): FileStorage => storageFor(config.files),
    },
  ],
  exports: [AttachmentsService],
})
export class FilesModule {}
