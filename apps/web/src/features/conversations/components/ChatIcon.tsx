/** The speech bubble of the empty states. */
export function ChatIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden="true"
      className="size-10 fill-none stroke-red-700 stroke-[1.5]"
    >
      <path
        strokeLinecap="round"
        strokeLinejoin="round"
        d="M8 10h8M8 14h5m-8 6 2.2-3.3A8 8 0 1 1 20 12a8 8 0 0 1-8 8H5Z"
      />
    </svg>
  );
}
