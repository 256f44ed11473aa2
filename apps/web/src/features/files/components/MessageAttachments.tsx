import type { AttachmentView } from '@mindsp/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/ui/Icon';
import { filesApi } from '../api';
import { useAttachmentLink } from '../hooks/useAttachmentLink';
import { attachmentKeys } from '../keys';
import { useFileSize } from './FileSize';

/** Thumbnails are drawn at most this wide or tall (the server makes them 480 px for sharp screens). */
const THUMBNAIL_BOX = 240;

/** The files of a message: images as thumbnails that open full size, other files as chips. */
export function MessageAttachments({ attachments }: { attachments: AttachmentView[] }) {
  return (
    <div className="mb-1 flex flex-col gap-1.5" data-testid="message-attachments">
      {attachments.map((attachment) =>
        attachment.kind === 'image' ? (
          <ImageAttachment key={attachment.id} attachment={attachment} />
        ) : (
          <FileChip key={attachment.id} attachment={attachment} />
        ),
      )}
    </div>
  );
}

function ImageAttachment({ attachment }: { attachment: AttachmentView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { data: link } = useAttachmentLink(attachment.id, 'thumbnail');
  // Its box is known before it loads: the list does not jump when it arrives.
  const scale = Math.min(
    1,
    THUMBNAIL_BOX / Math.max(attachment.width ?? THUMBNAIL_BOX, attachment.height ?? THUMBNAIL_BOX),
  );
  const width = Math.round((attachment.width ?? THUMBNAIL_BOX) * scale);
  const height = Math.round((attachment.height ?? THUMBNAIL_BOX) * scale);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label={t('files.openImage', { name: attachment.name })}
        className="block overflow-hidden rounded-lg bg-neutral-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
        style={{ width, height }}
      >
        {link && (
          <img
            src={link.url}
            alt={t('files.imageAlt', { name: attachment.name })}
            width={width}
            height={height}
            data-testid="attachment-thumbnail"
            className="size-full object-cover"
          />
        )}
      </button>
      {open && <ImageViewer attachment={attachment} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The image full size, over the page; Escape, the button or a click outside closes it. */
function ImageViewer({ attachment, onClose }: { attachment: AttachmentView; onClose: () => void }) {
  const { t } = useTranslation();
  const { data: link } = useAttachmentLink(attachment.id, 'original');
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label={attachment.name}
      data-testid="image-viewer"
      onClick={onClose}
      className="fixed inset-0 z-50 flex items-center justify-center bg-black/85 p-4"
    >
      <button
        type="button"
        autoFocus
        onClick={onClose}
        aria-label={t('files.close')}
        className="absolute right-3 top-3 rounded-full bg-white/10 p-2 text-white hover:bg-white/20 focus-visible:outline-2 focus-visible:outline-white"
      >
        <Icon name="close" />
      </button>
      {link && (
        <img
          src={link.url}
          alt={t('files.imageAlt', { name: attachment.name })}
          onClick={(event) => event.stopPropagation()}
          className="max-h-full max-w-full object-contain"
        />
      )}
    </div>
  );
}

/** A file that downloads on click, by a fresh link (the server names it and sends it as a download). */
function FileChip({ attachment }: { attachment: AttachmentView }) {
  const { t } = useTranslation();
  const size = useFileSize();
  const queryClient = useQueryClient();
  const [failed, setFailed] = useState(false);
  const download = async () => {
    setFailed(false);
    try {
      const link = await queryClient.fetchQuery({
        queryKey: attachmentKeys.link(attachment.id, 'original'),
        queryFn: ({ signal }) => filesApi.link(attachment.id, 'original', signal),
        staleTime: 60_000,
      });
      const anchor = document.createElement('a');
      anchor.href = link.url;
      anchor.download = attachment.name;
      anchor.rel = 'noopener';
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
    } catch {
      setFailed(true);
    }
  };
  return (
    <div>
      <button
        type="button"
        onClick={() => void download()}
        data-testid="attachment-file"
        aria-label={t('files.download', { name: attachment.name, size: size(attachment.size) })}
        className="flex max-w-72 items-center gap-2 rounded-lg border border-neutral-300 bg-white px-2.5 py-1.5 text-left text-sm text-neutral-900 hover:bg-neutral-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
      >
        <Icon name="file" className="size-5 shrink-0 text-neutral-600" />
        <span className="min-w-0 flex-1">
          <span className="block truncate font-medium" dir="auto">
            {attachment.name}
          </span>
          <span className="block text-xs text-neutral-500">{size(attachment.size)}</span>
        </span>
        <Icon name="download" className="size-4 shrink-0 text-neutral-500" />
      </button>
      {failed && (
        <p role="alert" className="mt-1 text-xs font-medium text-red-800">
          {t('files.downloadFailed')}
        </p>
      )}
    </div>
  );
}
