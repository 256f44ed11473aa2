import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AttachmentsController, UploadTooLargeFilter } from './attachments.controller';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';
import { FILE_STORAGE, type FileStorage } from './file-storage';
import { storageFor } from './storage-driver';
import { UploadRateGuard } from './upload-rate.guard';

/** Files attached to messages: upload, checks, thumbnails, storage, downloads by members only. */
@Module({
  imports: [
    // Kept in memory (multer's default without `dest`) until checked: a refused file never
    // touches the disk. One file, no other field, at most FILES_MAX_BYTES.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Browsers send names in UTF-8; busboy would read them as Latin-1 ("Ã©" for "é").
        defParamCharset: 'utf8',
        limits: { fileSize: config.files.maxBytes, files: 1, fields: 0, parts: 1 },
      }),
    }),
  ],
  controllers: [AttachmentsController],
  providers: [
    AttachmentsRepository,
    AttachmentsService,
    UploadTooLargeFilter,
    UploadRateGuard,
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): FileStorage => storageFor(config.files),
    },
  ],
  exports: [AttachmentsService],
})
export class FilesModule {}
