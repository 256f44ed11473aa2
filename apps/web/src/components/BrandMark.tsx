/** The product's flame mark; decorative, the product name is always written next to it. */
export function BrandMark({ className = 'size-8' }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={className}>
      <rect width="32" height="32" rx="8" className="fill-white" />
      <path
        d="M16 5c1 4 6 6.5 6 12.5A6 6 0 0 1 10 17.5c0-2.5 1.2-4.2 2.6-5.6.2 2 1.2 3.1 2.4 3.6C14.6 11.5 15 8 16 5Z"
        className="fill-red-700"
      />
    </svg>
  );
}
