/** A neutral town-hall emblem drawn for this portal, used where a municipal crest would go. */
export function CivicEmblem({ className }: { className?: string }) {
  return (
    <svg
      className={className}
      viewBox="0 0 64 64"
      aria-hidden="true"
      focusable="false"
      xmlns="http://www.w3.org/2000/svg"
    >
      <path d="M32 4 6 18v6h52v-6L32 4Zm0 6.6L48.7 19H15.3L32 10.6Z" />
      <rect x="10" y="27" width="6" height="22" />
      <rect x="22" y="27" width="6" height="22" />
      <rect x="36" y="27" width="6" height="22" />
      <rect x="48" y="27" width="6" height="22" />
      <rect x="6" y="52" width="52" height="6" />
    </svg>
  )
}
