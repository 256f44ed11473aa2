export function Spinner({ label }: { label: string }) {
  return (
    <div role="status" className="flex items-center gap-3 text-neutral-600">
      <span
        className="size-5 animate-spin rounded-full border-2 border-neutral-300 border-t-red-700"
        aria-hidden="true"
      />
      <span>{label}</span>
    </div>
  );
}
